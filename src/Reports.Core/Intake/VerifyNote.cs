using System.Globalization;

namespace Reports.Intake;

/// <summary>What a 情况说明 (verify_note) holds, judged: nothing, only a formula of assent, or an explanation.</summary>
public enum NoteVerdict
{
    /// <summary>Empty, or no 情况说明 cell at all (a file made from an older template).</summary>
    Missing,
    /// <summary>Only 核实无误, 属实, 正确 and the like, or too short to say why: not an explanation.</summary>
    NotAnExplanation,
    /// <summary>Says something: the must-explain findings are accepted with it.</summary>
    Explanation,
}

/// <summary>
/// Judges a 情况说明. Punctuation, symbols and spaces do not count; formulas of assent (核实无误, 经核实无误, 无误,
/// 属实, 情况属实, 正确, 数据无误 …) say nothing about why a figure is as it is and are taken out; what remains must
/// have at least <see cref="MinimumSubstance"/> characters.
/// </summary>
public static class VerifyNote
{
    public const int MinimumSubstance = 8;

    /// <summary>Longest first, so that 经核实无误 goes as a whole before 无误 would leave 经核实.</summary>
    private static readonly string[] Assent =
    [
        "经核实数据无误", "经核实情况属实", "经核实确认无误", "经核实无误", "经核查无误", "经审核无误", "数据真实准确", "数据准确无误",
        "情况属实", "数据属实", "数据无误", "数据正确", "数据准确", "数据真实", "核实无误", "核查无误", "审核无误", "确认无误", "确认属实",
        "准确无误", "真实准确", "真实有效", "没有问题", "无问题", "经核实", "经核查", "已核实", "已核查", "已确认", "无误", "属实", "正确", "准确",
        "真实", "确认", "无异常", "正常", "特此说明", "情况说明", "说明",
    ];

    public static NoteVerdict Judge(string? note)
    {
        var text = Substance(note);
        if (text.Length == 0)
        {
            return string.IsNullOrWhiteSpace(note) ? NoteVerdict.Missing : NoteVerdict.NotAnExplanation;
        }
        foreach (var phrase in Assent)
        {
            text = text.Replace(phrase, "", StringComparison.Ordinal);
        }
        return new StringInfo(text).LengthInTextElements >= MinimumSubstance ? NoteVerdict.Explanation : NoteVerdict.NotAnExplanation;
    }

    /// <summary>The note without punctuation, symbols or white space (full-width forms folded).</summary>
    private static string Substance(string? note) =>
        new((note ?? "").Normalize(System.Text.NormalizationForm.FormKC)
            .Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c) && !char.IsControl(c))
            .ToArray());
}
