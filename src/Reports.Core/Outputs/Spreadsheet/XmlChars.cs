using System.Buffers;
using System.Text;

namespace Reports.Outputs.Spreadsheet;

/// <summary>
/// The one escaping every XML part of a spreadsheet goes through (sheets, shared strings, comments, charts, core
/// properties): what XML 1.0 cannot carry — controls other than tab, LF and CR, U+FFFE, U+FFFF, a surrogate without
/// its pair — is dropped (a county's text keeps every character a reader could show); and the cut to what Excel
/// keeps in a cell, visibly marked.
/// </summary>
public static class XmlChars
{
    /// <summary>Excel's limit on the characters of one cell (and of a note).</summary>
    public const int MaxCellLength = 32767;

    /// <summary>How a cut text ends in the workbook: where the whole text is kept.</summary>
    public const string CutMark = "…（全文见回执/存储库）";

    private static readonly SearchValues<char> Suspect = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c), '\uFFFE', '\uFFFF',
         .. Enumerable.Range(0xD800, 0x800).Select(c => (char)c)]);

    /// <summary>The text with every character XML 1.0 forbids dropped (the same instance when there is none).</summary>
    public static string Clean(string text)
    {
        // Nearly every text is within U+0020–U+D7FF (ASCII, CJK): one vectorised range test passes it as it is.
        if (!text.AsSpan().ContainsAnyExceptInRange('\x20', '\uD7FF'))
        {
            return text;
        }
        var first = text.AsSpan().IndexOfAny(Suspect);
        if (first < 0)
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        builder.Append(text.AsSpan(0, first));
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (IsXmlChar(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// The text cleaned and, past <paramref name="limit"/> characters, cut on a character boundary and ended with
    /// <paramref name="mark"/> so the whole is at most <paramref name="limit"/> characters.
    /// </summary>
    public static string Cell(string text, string mark = CutMark, int limit = MaxCellLength)
    {
        var clean = Clean(text);
        if (clean.Length <= limit)
        {
            return clean;
        }
        var keep = limit - mark.Length;
        if (char.IsHighSurrogate(clean[keep - 1]))
        {
            keep--;
        }
        return string.Concat(clean.AsSpan(0, keep), mark);
    }

    /// <summary>The text cleaned and escaped for an element's content or an attribute's value, into <paramref name="xml"/>.</summary>
    public static StringBuilder AppendEscaped(this StringBuilder xml, string text)
    {
        foreach (var c in Clean(text))
        {
            _ = c switch
            {
                '&' => xml.Append("&amp;"),
                '<' => xml.Append("&lt;"),
                '>' => xml.Append("&gt;"),
                '"' => xml.Append("&quot;"),
                '\'' => xml.Append("&apos;"),
                '\n' => xml.Append("&#10;"),
                '\r' => xml.Append("&#13;"),
                '\t' => xml.Append("&#9;"),
                _ => xml.Append(c),
            };
        }
        return xml;
    }

    /// <summary>The text cleaned and escaped, as a string.</summary>
    public static string Escape(string text) => new StringBuilder(text.Length + 16).AppendEscaped(text).ToString();

    // Surrogate halves are judged in pairs by Clean.
    private static bool IsXmlChar(char c) => c is '\t' or '\n' or '\r' or (>= '\x20' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD');
}
