using System.Globalization;
using System.Text;

namespace Reports.Diagnostics;

/// <summary>
/// County text (file names, remarks, 情况说明, values as typed) on its way to an output that shows it: escaped so
/// that it cannot act on a terminal or forge a line, and cut to what that output can bear, marked as cut. The full text
/// stays where it belongs (the store, intake.json, the receipt's findings); only what is shown is bounded.
/// </summary>
public static class ShownText
{
    /// <summary>Longest line the console and run.log show: a diagnostic quoting a 1 MB value is cut here.</summary>
    public const int LineChars = 2_000;

    /// <summary>Longest county text the briefing quotes (a 情况说明): a paragraph, not 900 pages.</summary>
    public const int BriefingChars = 300;

    /// <summary>
    /// Control characters (C0, DEL, C1: ESC sequences that clear the screen or retitle the terminal, a newline that
    /// forges a "…: 通过" line), line and paragraph separators and the bidirectional overrides that reorder what is
    /// shown, written as visible escapes (\n, \x1b, \u202e). Everything else as it is; text without them is returned as is.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = 0;
        while (first < text.Length && !Escaped(text[first]))
        {
            first++;
        }
        if (first == text.Length)
        {
            return text;
        }
        var sb = new StringBuilder(text.Length + 16);
        sb.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (!Escaped(c))
            {
                sb.Append(c);
                continue;
            }
            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < '\u0100' => "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
            });
        }
        return sb.ToString();
    }

    /// <summary>What <see cref="Escape"/> writes as an escape (and a receipt's name replaces): controls, separators, bidi overrides.</summary>
    internal static bool Escaped(char c) =>
        c < ' ' || c is >= '\u007f' and <= '\u009f' or '\u2028' or '\u2029' or >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069';

    /// <summary>
    /// At most <paramref name="maxChars"/> characters (never splitting a character), and when cut, a mark saying how
    /// long it was and <paramref name="whereFull"/> (where the whole text is).
    /// </summary>
    public static string Cut(string text, int maxChars, string whereFull)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= maxChars)
        {
            return text;
        }
        var end = maxChars;
        if (char.IsLowSurrogate(text[end]) && end > 0)
        {
            end--;
        }
        return $"{text[..end]}…（共 {text.Length} 字，已截断；{whereFull}）";
    }

    /// <summary>One line for the console or run.log: escaped, then cut at <see cref="LineChars"/>.</summary>
    public static string Line(string line) => Cut(Escape(line), LineChars, "全文见 intake.json 和回执");
}
