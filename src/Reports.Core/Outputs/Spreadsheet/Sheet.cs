namespace Reports.Outputs.Spreadsheet;

/// <summary>
/// One worksheet of a <see cref="SpreadsheetPackage"/>, gathered in memory (a receipt's sheets are a few hundred
/// cells) and written out in one pass: cells by row and column (1-based), column widths, merged ranges, notes,
/// frozen rows and how it prints.
/// </summary>
public sealed class Sheet(string name)
{
    private readonly SortedDictionary<int, SortedDictionary<int, SheetCell>> _rows = [];

    public string Name { get; } = name;

    public SortedDictionary<int, double> Widths { get; } = [];

    public SortedDictionary<int, double> Heights { get; } = [];

    public List<(int Row, int Column, int LastRow, int LastColumn)> Merges { get; } = [];

    public List<SheetComment> Comments { get; } = [];

    /// <summary>Rows kept in view above the scrolling part (0 for none).</summary>
    public int FrozenRows { get; set; }

    public PrintLayout Print { get; set; } = new() { Landscape = false };

    /// <summary>The rows with cells or a height, in order, each with its cells in order.</summary>
    public IEnumerable<(int Row, IEnumerable<(int Column, SheetCell Cell)> Cells)> Rows =>
        _rows.Keys.Union(Heights.Keys).Order().Select(row => (row, _rows.TryGetValue(row, out var cells)
            ? cells.Select(c => (c.Key, c.Value))
            : Enumerable.Empty<(int, SheetCell)>()));

    public void Text(int row, int column, string text, CellStyle style = default) => Put(row, column, new SheetCell(text, null, style));

    public void Number(int row, int column, decimal number, CellStyle style = default) => Put(row, column, new SheetCell(null, number, style));

    /// <summary>A cell with a look and no value (a border inside a table, a fill).</summary>
    public void Blank(int row, int column, CellStyle style) => Put(row, column, new SheetCell(null, null, style));

    public SheetCell? At(int row, int column) =>
        _rows.TryGetValue(row, out var cells) && cells.TryGetValue(column, out var cell) ? cell : null;

    /// <summary>Gives every cell of the range (present or not) the look <paramref name="restyle"/> makes of its own.</summary>
    public void Restyle(int row, int column, int lastRow, int lastColumn, Func<CellStyle, CellStyle> restyle)
    {
        for (var r = row; r <= lastRow; r++)
        {
            for (var c = column; c <= lastColumn; c++)
            {
                var cell = At(r, c) ?? new SheetCell(null, null, CellStyle.Default);
                Put(r, c, cell with { Style = restyle(cell.Style) });
            }
        }
    }

    public void Merge(int row, int column, int lastRow, int lastColumn) => Merges.Add((row, column, lastRow, lastColumn));

    private void Put(int row, int column, SheetCell cell)
    {
        if (!_rows.TryGetValue(row, out var cells))
        {
            _rows[row] = cells = [];
        }
        cells[column] = cell;
    }
}
