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

    public static NoteVerdict Judge(string? note) => Weigh(note).Verdict;

    /// <summary>Why a note that says something is no explanation, in a clause for the diagnostic ("只写了“核实无误”").</summary>
    public static string WhyNot(string note)
    {
        var (_, invisible, repeated) = Weigh(note);
        return invisible
            ? "只有看不见的字符（如零宽空格）"
            : repeated
                ? $"只是同一字词的重复{Diagnostics.Quoted.Name(Shorten(note))}"
                : $"只写了{Diagnostics.Quoted.Name(Shorten(note))}";
    }

    private static (NoteVerdict Verdict, bool Invisible, bool Repeated) Weigh(string? note)
    {
        var text = Substance(note);
        if (text.Length == 0)
        {
            // Eight zero-width spaces are not white space to .NET, but nobody sees them: as empty as a blank is not.
            var invisible = !string.IsNullOrWhiteSpace(note) && !note.Any(c => char.IsPunctuation(c) || char.IsSymbol(c));
            return (string.IsNullOrWhiteSpace(note) ? NoteVerdict.Missing : NoteVerdict.NotAnExplanation, invisible, false);
        }
        foreach (var phrase in Assent)
        {
            text = text.Replace(phrase, "", StringComparison.Ordinal);
        }
        var elements = TextElements(text);
        if (Repetitive(elements))
        {
            return (NoteVerdict.NotAnExplanation, false, true);
        }
        return (elements.Count >= MinimumSubstance ? NoteVerdict.Explanation : NoteVerdict.NotAnExplanation, false, false);
    }

    private static string Shorten(string note) => note.Length <= 20 ? note : note[..20] + "…";

    private static List<string> TextElements(string text)
    {
        var elements = new List<string>(text.Length);
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext())
        {
            elements.Add(e.GetTextElement());
        }
        return elements;
    }

    /// <summary>
    /// "aaaaaaaa", "原因原因原因原因", "12121212": the same character or short run over and over, or hardly any
    /// different characters at all — length without content.
    /// </summary>
    private static bool Repetitive(List<string> elements)
    {
        if (elements.Count < 2)
        {
            return false;
        }
        if (elements.Distinct(StringComparer.Ordinal).Count() < Math.Min(4, (elements.Count + 1) / 2))
        {
            return true;
        }
        for (var period = 1; period <= Math.Min(4, elements.Count / 2); period++)
        {
            var periodic = true;
            for (var i = period; i < elements.Count && periodic; i++)
            {
                periodic = elements[i] == elements[i - period];
            }
            if (periodic)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// What a reader sees of the note: without punctuation, symbols, white space, and without what is invisible
    /// (zero-width spaces and joiners, direction marks, control and private-use characters); full-width forms folded.
    /// </summary>
    private static string Substance(string? note)
    {
        var folded = (note ?? "").Normalize(System.Text.NormalizationForm.FormKC);
        var kept = new System.Text.StringBuilder(folded.Length);
        foreach (var rune in folded.EnumerateRunes())
        {
            var category = System.Text.Rune.GetUnicodeCategory(rune);
            if (System.Text.Rune.IsWhiteSpace(rune) || System.Text.Rune.IsPunctuation(rune) || System.Text.Rune.IsSymbol(rune) || System.Text.Rune.IsControl(rune)
                || category is UnicodeCategory.Format or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate
                    or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark)
            {
                continue;
            }
            kept.Append(rune.ToString());
        }
        return kept.ToString();
    }
}
