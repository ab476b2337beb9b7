using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Reports.Definitions;
using Reports.Diagnostics;

namespace Reports.Intake;

/// <summary>
/// A number as a clerk types it into a text cell: "1,234", "１２３４", " 500 ", "12.50%", "500人". What is
/// unambiguous is read, each liberty taken named by its own warning; what is not ("约500", "500-600",
/// "12万" in a 人 field) is an error naming what was typed.
/// </summary>
public static partial class TypedNumber
{
    /// <summary>The outcome: a number with the warnings it took, or the one error that stops it.</summary>
    public sealed record Reading(decimal? Number, IReadOnlyList<(DiagnosticCode Code, string Message)> Findings);

    private static readonly string[] ApproximatePrefixes = ["约", "大约", "近", "超过", "不到", "不足", "将近"];
    private static readonly string[] ApproximateSuffixes = ["左右", "余", "多", "以上", "以下", "上下", "+", "＋"];
    private static readonly string[] Scales = ["万", "千", "百", "亿", "k", "K"];
    private static readonly string[] KnownUnits = ["人次", "户次", "人", "户", "个", "项", "期", "次", "名", "元", "万元", "亿元"];

    public static Reading Read(string typed, FieldDefinition field)
    {
        var findings = new List<(DiagnosticCode, string)>();
        Reading Fail(DiagnosticCode code, string message) => new(null, [(code, message)]);
        var label = field.Label;

        var trimmed = typed.Trim();
        var text = ToHalfWidth(trimmed);
        if (text != trimmed)
        {
            findings.Add((DiagnosticCatalog.FullWidthDigits, $"{Quoted.Name(label)}的{Quoted.Name(trimmed)}含全角字符，已按{Quoted.Name(text)}读取"));
        }
        if (trimmed.Length != typed.Length)
        {
            findings.Add((DiagnosticCatalog.SpacesAround, $"{Quoted.Name(label)}的{Quoted.Name(typed)}前后有空格，已去掉"));
        }

        if (ApproximatePrefixes.Any(p => text.StartsWith(p, StringComparison.Ordinal)) || ApproximateSuffixes.Any(s => text.EndsWith(s, StringComparison.Ordinal)))
        {
            return Fail(DiagnosticCatalog.Approximate, $"{Quoted.Name(label)}填的是约数{Quoted.Name(trimmed)}，不能汇总");
        }
        if (RangePattern().IsMatch(text))
        {
            return Fail(DiagnosticCatalog.Range, $"{Quoted.Name(label)}填的是区间{Quoted.Name(trimmed)}，应为一个确切的数字");
        }

        var match = LeadingNumber().Match(text);
        if (!match.Success)
        {
            return Fail(DiagnosticCatalog.NotANumber, $"{Quoted.Name(label)}应填数字，实际填的是{Quoted.Name(trimmed)}");
        }
        var digits = match.Groups["number"].Value;
        var suffix = text[match.Length..].Trim();

        var percent = false;
        if (suffix == "%")
        {
            if (field.Kind != FieldKind.Rate)
            {
                return Fail(DiagnosticCatalog.PercentNotAllowed, $"{Quoted.Name(label)}({field.Unit})填的是百分数{Quoted.Name(trimmed)}");
            }
            percent = true;
        }
        else if (suffix.Length > 0)
        {
            if (field.Unit.Length > 0 && suffix == field.Unit)
            {
                findings.Add((DiagnosticCatalog.TrailingUnit, $"{Quoted.Name(label)}的{Quoted.Name(trimmed)}带了单位“{suffix}”，已按 {digits.Replace(",", "", StringComparison.Ordinal)} 读取"));
            }
            else if (Scales.Any(s => suffix.StartsWith(s, StringComparison.Ordinal)))
            {
                return Fail(DiagnosticCatalog.ScaledUnit, $"{Quoted.Name(label)}({field.Unit})填的是{Quoted.Name(trimmed)}，带了数量单位“{suffix}”，请填写确切数字");
            }
            else if (KnownUnits.Contains(suffix))
            {
                return Fail(DiagnosticCatalog.WrongUnit, $"{Quoted.Name(label)}的计量单位是“{field.Unit}”，填的是{Quoted.Name(trimmed)}");
            }
            else
            {
                return Fail(DiagnosticCatalog.NotANumber, $"{Quoted.Name(label)}应填数字，实际填的是{Quoted.Name(trimmed)}");
            }
        }

        if (digits.Contains(',', StringComparison.Ordinal))
        {
            if (!ThousandsPattern().IsMatch(digits))
            {
                // "12,5" may be a decimal comma or a typo: not guessed.
                return Fail(DiagnosticCatalog.NotANumber, $"{Quoted.Name(label)}的{Quoted.Name(trimmed)}中的逗号位置不对，无法确定数值");
            }
            findings.Add((DiagnosticCatalog.ThousandsSeparator, $"{Quoted.Name(label)}的{Quoted.Name(trimmed)}带千位分隔符，已按 {digits.Replace(",", "", StringComparison.Ordinal)} 读取"));
        }
        var plain = digits.Replace(",", "", StringComparison.Ordinal);
        if (Unrepresentable(plain) is { } why)
        {
            return Fail(DiagnosticCatalog.OutOfRange, $"{Quoted.Name(label)}填的是{Quoted.Name(trimmed)}，{why}");
        }
        if (!decimal.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return Fail(DiagnosticCatalog.NotANumber, $"{Quoted.Name(label)}应填数字，实际填的是{Quoted.Name(trimmed)}");
        }
        if (percent)
        {
            number /= 100;
            findings.Add((DiagnosticCatalog.PercentAsText, $"{Quoted.Name(label)}的{Quoted.Name(trimmed)}是文本，已按百分数 {trimmed} 读取"));
        }
        if (findings.Count == 0)
        {
            findings.Add((DiagnosticCatalog.NumberAsText, $"{Quoted.Name(label)}的{Quoted.Name(trimmed)}是文本格式的数字，已按 {number.ToString(CultureInfo.InvariantCulture)} 读取"));
        }
        return new Reading(number, findings);
    }

    /// <summary>
    /// Why digits cannot be read exactly, or null: more whole digits than 10^15 has (decimal would overflow or the
    /// figure is impossible anyway), or more decimals than a decimal holds (it would round them away, even to 0).
    /// The rest of the bounds (<see cref="NumberBounds"/>) are checked on the number, after the field's own checks.
    /// </summary>
    private static string? Unrepresentable(string digits)
    {
        var unsigned = digits.TrimStart('+', '-');
        var point = unsigned.IndexOf('.', StringComparison.Ordinal);
        var whole = (point < 0 ? unsigned : unsigned[..point]).TrimStart('0');
        var fraction = point < 0 ? "" : unsigned[(point + 1)..].TrimEnd('0');
        if (whole.Length > 16)
        {
            return NumberBounds.TooLarge;
        }
        return fraction.Length > 28 ? NumberBounds.TooManyDecimals : null;
    }

    /// <summary>Full-width digits and number punctuation (from a Chinese IME) to their ASCII forms.</summary>
    internal static string ToHalfWidth(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            result.Append(c switch
            {
                >= '０' and <= '９' => (char)('0' + (c - '０')),
                '，' => ',',
                '．' or '。' => '.',
                '％' => '%',
                '－' => '-',
                '\u3000' => ' ',
                _ => c,
            });
        }
        return result.ToString();
    }

    [GeneratedRegex(@"^(?<number>[+-]?(?:[0-9][0-9,]*(?:\.[0-9]+)?|\.[0-9]+))")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"^[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?$|^[+-][0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?$")]
    private static partial Regex ThousandsPattern();

    [GeneratedRegex(@"^[0-9][0-9,.]*\s*(?:-|~|～|—|–|至|到)\s*[0-9]")]
    private static partial Regex RangePattern();
}
