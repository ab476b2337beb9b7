using Reports.Outputs.Spreadsheet;

namespace Reports.Outputs.Workbook;

/// <summary>
/// Writes text that came from outside (a county's remarks, names, file names, messages quoting a cell) so that
/// it stays text (CWE-1236): it is stored as a string value, never a formula, whatever it begins with; a text
/// beginning with = + - @, tab or CR also gets Excel's quote prefix, so editing the cell keeps it text. (What XML
/// cannot carry, and the cut to Excel's 32,767 characters, the writer itself enforces.)
/// </summary>
internal static class CellText
{
    public static void Write(StreamedSheet sheet, int column, string? text, int style)
    {
        var clean = Clean(text);
        sheet.Text(column, clean, clean is not null && SpreadsheetText.StartsLikeAFormula(clean) ? sheet.Quoted(style) : style);
    }

    /// <summary>The text as the sheet shows it (characters XML cannot carry dropped), for measuring; null for none.</summary>
    public static string? Clean(string? text) => string.IsNullOrEmpty(text) ? null : XmlChars.Clean(text);
}
