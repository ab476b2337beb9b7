using System.Globalization;
using Reports.Definitions;

namespace Reports.Templates;

/// <summary>
/// The office's prefilled figures (targets, last year's values): the source of truth for them. A value sheet in the
/// same form as <see cref="ReturnFiller.ReadValueSheet"/>, as CSV or .xlsx: given to the template verb to write and lock them, and to intake
/// to check that they came back unchanged. Blank cells are not prefilled.
/// </summary>
public static class PrefillSheet
{
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> Load(string path, ReturnDefinition definition)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, decimal>>(StringComparer.Ordinal);
        foreach (var (unit, values) in ReturnFiller.ReadValueSheetFile(path, definition))
        {
            var numbers = new Dictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var (code, text) in values.Where(v => v.Value.Length > 0))
            {
                if (definition.FindField(code) is not { IsNumeric: true })
                {
                    throw new FormatException($"预填表 {path} 的列 {code} 不是数值字段，不能预填");
                }
                numbers[code] = decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                    ? number
                    : throw new FormatException($"预填表 {path} 中单位 {unit} 的 {code}“{text}”不是数字");
            }
            result[unit] = numbers;
        }
        return result;
    }
}
