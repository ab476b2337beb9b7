using System.Text;

namespace Reports.Outputs.Spreadsheet;

/// <summary>
/// Text measured as a spreadsheet shows it, without measuring fonts (AutoFit needs libgdiplus, and LibreOffice and WPS
/// do not grow a row for wrapped text on their own): a CJK or full-width character is about two digit widths,
/// anything else one; a row is 15 points a line. The workbook and the receipts size columns and rows with it.
/// </summary>
public static class TextMeasure
{
    /// <summary>Display width of a text in Excel's width unit (the width of a digit).</summary>
    public static double Width(string text)
    {
        double width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += IsWide(rune) ? 2 : 1;
        }
        return width;
    }

    /// <summary>
    /// The text with line breaks where it would wrap in a column <paramref name="width"/> digit widths wide, placed as
    /// a typesetter would: never before a closing bracket, quotation mark or punctuation, never after an opening one,
    /// never inside a run of Latin letters and digits ("SHA-256", "12"); a part wider than the column stays whole.
    /// </summary>
    public static string Break(string text, double width)
    {
        if (text.Contains('\n', StringComparison.Ordinal))
        {
            return string.Join('\n', text.Split('\n').Select(line => Break(line, width)));
        }
        var whole = Width(text);
        if (whole <= width)
        {
            return text;
        }
        // As few lines as the width allows, made as even as they can be: "单位\n名称", not "单位名\n称".
        var greedy = Greedy(text, width);
        var count = greedy.Count(c => c == '\n') + 1;
        for (var even = Math.Ceiling(whole / count); even < width; even++)
        {
            var balanced = Greedy(text, even);
            if (balanced.Count(c => c == '\n') + 1 <= count)
            {
                return balanced;
            }
        }
        return greedy;
    }

    private static string Greedy(string text, double width)
    {
        var runes = text.EnumerateRunes().ToList();
        var lines = new List<string>();
        var (start, used, lastBreak) = (0, 0.0, -1);
        for (var i = 0; i < runes.Count; i++)
        {
            if (i > start && MayBreakBefore(runes[i - 1], runes[i]))
            {
                lastBreak = i;
            }
            var rune = IsWide(runes[i]) ? 2 : 1;
            if (used + rune > width && lastBreak > start)
            {
                lines.Add(string.Concat(runes.GetRange(start, lastBreak - start)));
                start = lastBreak;
                used = runes.GetRange(start, i - start).Sum(r => IsWide(r) ? 2 : 1);
                lastBreak = -1;
            }
            used += rune;
        }
        lines.Add(string.Concat(runes.GetRange(start, runes.Count - start)));
        return string.Join('\n', lines);
    }

    private static bool MayBreakBefore(Rune before, Rune next)
    {
        const string Closing = ")）]】》”’」』、，。：；！？%‰·";
        const string Opening = "(（[【《“‘「『";
        if (Closing.Contains(next.ToString(), StringComparison.Ordinal) || Opening.Contains(before.ToString(), StringComparison.Ordinal))
        {
            return false;
        }
        static bool Latin(Rune r) => r.Value < 0x80 && (Rune.IsLetterOrDigit(r) || r.Value is '.' or '-' or '_' or '+');
        return !(Latin(before) && Latin(next));
    }

    /// <summary>The height (points) a row needs so each wrapped text fits its column width: 15 points a line.</summary>
    public static double RowHeight(IEnumerable<(string? Text, double Width)> cells) => 15 * cells.Max(c => Lines(c.Text, c.Width));

    /// <summary>The lines a wrapped text takes in a column <paramref name="width"/> digit widths wide.</summary>
    public static double Lines(string? text, double width) =>
        string.IsNullOrEmpty(text) ? 1 : text.Split('\n').Sum(line => Math.Max(1, Math.Ceiling(Width(line) / Math.Max(1, width - 1))));

    private static bool IsWide(Rune rune)
    {
        var value = rune.Value;
        return value is >= 0x1100 and <= 0x115F // Hangul Jamo
            or >= 0x2E80 and <= 0xA4CF // CJK radicals … Yi
            or >= 0xAC00 and <= 0xD7A3 // Hangul syllables
            or >= 0xF900 and <= 0xFAFF // CJK compatibility ideographs
            or >= 0xFE30 and <= 0xFE4F // CJK compatibility forms
            or >= 0xFF00 and <= 0xFF60 // full-width forms (，；：（）)
            or >= 0xFFE0 and <= 0xFFE6
            or >= 0x20000 and <= 0x3FFFD; // CJK extensions B…
    }
}
