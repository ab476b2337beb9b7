namespace Reports.Outputs;

/// <summary>
/// Text from outside (a unit's or a county's file name, a remark) that a spreadsheet would take for a formula when
/// it begins with = + - @, tab, CR or LF (CSV injection, CWE-1236): the workbook stores it as text with Excel's quote
/// prefix; a CSV cell gets a leading apostrophe, as OWASP recommends, which Excel and WPS show and never evaluate.
/// </summary>
public static class SpreadsheetText
{
    public static bool StartsLikeAFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n';

    /// <summary>A CSV cell (RFC 4180 quoted when it must be) that opens as the same text.</summary>
    public static string CsvCell(string text)
    {
        var cell = StartsLikeAFormula(text) ? "'" + text : text;
        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
