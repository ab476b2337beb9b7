using Reports.Outputs.Spreadsheet;

namespace Reports.Outputs.Workbook;

/// <summary>
/// A column's text that repeats from row to row (a unit's code and name on each of its figures, the file and its hash,
/// a field's label): written as <see cref="CellText"/> writes it, but cleaned, judged and looked up in the shared
/// strings once while it stays the same. The cells and the shared strings are those <see cref="CellText"/> writes.
/// </summary>
internal sealed class RepeatedCell
{
    private string? _text;
    private int _style;
    private SharedText? _shared;

    public void Write(StreamedSheet sheet, int column, string? text, int style)
    {
        if (_shared is { } shared && _style == style && string.Equals(_text, text, StringComparison.Ordinal))
        {
            sheet.Text(column, shared);
            return;
        }
        var clean = CellText.Clean(text);
        _shared = sheet.Shared(column, clean, clean is not null && SpreadsheetText.StartsLikeAFormula(clean) ? sheet.Quoted(style) : style);
        (_text, _style) = (text, style);
    }
}
