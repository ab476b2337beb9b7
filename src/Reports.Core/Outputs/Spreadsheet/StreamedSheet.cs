namespace Reports.Outputs.Spreadsheet;

/// <summary>
/// One worksheet of a <see cref="StreamedWorkbook"/>, written into its part row by row as the caller gives them (rows
/// and, within a row, columns in ascending order; 1-based), so a sheet of a million cells never exists in memory.
/// What comes before the rows (column widths, frozen panes) is fixed when the sheet is added; what comes after them
/// (merged ranges, conditional formats, links, the autofilter, print setup, charts) may be given until the next sheet
/// is added or the workbook is finished.
/// </summary>
public sealed class StreamedSheet
{
    private readonly XmlText _xml;
    private readonly SharedStrings _strings;
    private readonly StyleTable _styles;
    private readonly Dictionary<int, int> _quoted = [];
    private readonly List<string> _letters = [""];
    private int _row;

    internal StreamedSheet(string name, int index, XmlText xml, SharedStrings strings, StyleTable styles)
    {
        _styles = styles;
        Name = name;
        Index = index;
        _xml = xml;
        _strings = strings;
    }

    public string Name { get; }

    /// <summary>0-based position in the workbook.</summary>
    public int Index { get; }

    public List<(int Row, int Column, int LastRow, int LastColumn)> Merges { get; } = [];

    public List<ConditionalFormat> ConditionalFormats { get; } = [];

    /// <summary>Links to a place in the workbook ("'来源'!A4"), shown as <c>Display</c>.</summary>
    public List<(int Row, int Column, string Location, string Display)> Links { get; } = [];

    public (int Row, int Column, int LastRow, int LastColumn)? AutoFilter { get; set; }

    public PrintLayout Print { get; set; } = new();

    public List<SheetChart> Charts { get; } = [];

    /// <summary>Notes on cells, each shown in a box beside its cell.</summary>
    public List<SheetComment> Comments { get; } = [];

    /// <summary>Starts a row (ending the one before); <paramref name="height"/> in points, null for the default.</summary>
    public void Row(int row, double? height = null)
    {
        // A row past the limit makes a file Excel refuses: a bug of the caller, which must continue on another sheet.
        if (row is < 1 or > StreamedWorkbook.MaxRows)
        {
            throw new InvalidOperationException($"第 {row} 行超出工作表的行数上限（{StreamedWorkbook.MaxRows}）：工作表“{Name}”应接续到下一个工作表。");
        }
        EndRow();
        _row = row;
        _xml.Raw("<row r=\"").Number(row);
        if (height is { } points)
        {
            _xml.Raw("\" ht=\"").Raw(Ooxml.Number(points)).Raw("\" customHeight=\"1");
        }
        _xml.Raw("\">");
    }

    /// <summary>A text cell (a shared string), never a formula whatever it begins with; an empty text leaves the cell blank but styled.</summary>
    public void Text(int column, string? text, int style)
    {
        if (string.IsNullOrEmpty(text))
        {
            Blank(column, style);
            return;
        }
        Start(column, style);
        _xml.Raw(" t=\"s\"><v>").Number(_strings.IndexOf(text)).Raw("</v></c>");
    }

    /// <summary>
    /// A text cell as <see cref="Text"/> writes it, its shared string kept for more cells of the same text: a text written
    /// in many rows (a unit's name, a file's hash) is then looked up once (<see cref="Text(int, SharedText)"/>).
    /// </summary>
    public SharedText Shared(int column, string? text, int style)
    {
        if (string.IsNullOrEmpty(text))
        {
            Blank(column, style);
            return new SharedText(-1, style);
        }
        Start(column, style);
        var index = _strings.IndexOf(text);
        _xml.Raw(" t=\"s\"><v>").Number(index).Raw("</v></c>");
        return new SharedText(index, style);
    }

    /// <summary>The text cell <see cref="Shared"/> wrote, again in this row's <paramref name="column"/>.</summary>
    public void Text(int column, SharedText text)
    {
        if (text.Index < 0)
        {
            Blank(column, text.Style);
            return;
        }
        Start(column, text.Style);
        _strings.Use();
        _xml.Raw(" t=\"s\"><v>").Number(text.Index).Raw("</v></c>");
    }

    public void Number(int column, int number, int style)
    {
        Start(column, style);
        _xml.Raw("><v>").Number(number).Raw("</v></c>");
    }

    public void Number(int column, decimal number, int style)
    {
        Start(column, style);
        _xml.Raw("><v>").Number(number).Raw("</v></c>");
    }

    public void Number(int column, double number, int style)
    {
        Start(column, style);
        _xml.Raw("><v>").Number(number).Raw("</v></c>");
    }

    /// <summary>A live formula stored with its value: a number, or the text <paramref name="text"/> when it has none.</summary>
    public void Formula(int column, string formula, decimal? number, string text, int style)
    {
        Start(column, style);
        _xml.Raw(number is null ? " t=\"str\"><f>" : "><f>").Escaped(formula).Raw("</f><v>");
        if (number is { } value)
        {
            _xml.Number((double)value);
        }
        else
        {
            _xml.Escaped(text);
        }
        _xml.Raw("</v></c>");
    }

    /// <summary>A cell with a look and no value (a border inside a table, a fill).</summary>
    public void Blank(int column, int style)
    {
        if (style == 0)
        {
            return;
        }
        Start(column, style);
        _xml.Raw("/>");
    }

    /// <summary>The look <paramref name="style"/> with Excel's quote prefix, for a text that begins like a formula.</summary>
    public int Quoted(int style)
    {
        if (!_quoted.TryGetValue(style, out var quoted))
        {
            _quoted[style] = quoted = _styles.IdOf(_styles.StyleOf(style) with { QuotePrefix = true });
        }
        return quoted;
    }

    /// <summary>"A", "B" … "AA": a column's letters, remembered.</summary>
    public string Letters(int column)
    {
        while (_letters.Count <= column)
        {
            _letters.Add(Ooxml.Column(_letters.Count));
        }
        return _letters[column];
    }

    internal void EndRow()
    {
        if (_row > 0)
        {
            _xml.Raw("</row>");
            _row = 0;
        }
    }

    private void Start(int column, int style)
    {
        _xml.Raw("<c r=\"").Cell(Letters(column), _row);
        if (style != 0)
        {
            _xml.Raw("\" s=\"").Number(style);
        }
        _xml.Raw('"');
    }
}
