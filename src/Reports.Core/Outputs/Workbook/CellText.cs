using System.Buffers;
using System.Text;
using Reports.Outputs.Spreadsheet;

namespace Reports.Outputs.Workbook;

/// <summary>
/// Writes text that came from outside (a county's remarks, names, file names, messages quoting a cell) so that
/// it stays text (CWE-1236): it is stored as a string value, never a formula, whatever it begins with; a text
/// beginning with = + - @, tab or CR also gets Excel's quote prefix, so editing the cell keeps it text; and
/// characters XML cannot carry are dropped.
/// </summary>
internal static class CellText
{
    public static void Write(StreamedSheet sheet, int column, string? text, int style)
    {
        var clean = Clean(text);
        sheet.Text(column, clean, clean is not null && SpreadsheetText.StartsLikeAFormula(clean) ? sheet.Quoted(style) : style);
    }

    /// <summary>The text as <see cref="Write"/> stores it (characters XML cannot carry dropped).</summary>
    public static string? Clean(string? text) => string.IsNullOrEmpty(text) ? null : XmlSafe(text);

    // XML 1.0 excludes the controls but tab, LF and CR, and U+FFFE and U+FFFF; surrogate halves pass (pairs are checked by the writer).
    private static readonly SearchValues<char> NotXml = SearchValues.Create([.. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c), '\uFFFE', '\uFFFF']);

    private static string XmlSafe(string text)
    {
        if (!text.AsSpan().ContainsAny(NotXml))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Where(IsXmlChar))
        {
            builder.Append(c);
        }
        return builder.ToString();
    }

    // XML 1.0 characters; surrogate halves pass (pairs are checked by the writer).
    private static bool IsXmlChar(char c) => c is '\t' or '\n' or '\r' or (>= '\x20' and <= '\uFFFD');
}
