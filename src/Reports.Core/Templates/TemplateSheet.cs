using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Reports.Templates;

/// <summary>
/// One sheet of a template gathered in memory and written in the order the schema wants: cells (text, numbers,
/// dates) by row and column (1-based), row heights, column widths and column formats, merged ranges, validation,
/// frozen rows, protection and how it prints. Numbers are written as a double in its shortest round-trip form, as
/// spreadsheet programs write them (what intake's reader expects).
/// </summary>
internal sealed class TemplateSheet(string name)
{
    private readonly SortedDictionary<int, SortedDictionary<int, (object? Value, TemplateStyle Style)>> _rows = [];
    private readonly SortedDictionary<int, double> _heights = [];
    private readonly SortedDictionary<int, (double Width, TemplateStyle? Style)> _columns = [];
    private readonly List<string> _merges = [];
    private readonly List<DataValidation> _validations = [];

    public string Name { get; } = name;

    /// <summary>Rows kept in view above the scrolling part.</summary>
    public int FrozenRows { get; set; }

    /// <summary>Protected without a password: locked cells stay selectable, rows and columns can be resized.</summary>
    public bool Protected { get; set; }

    public bool Landscape { get; set; }

    /// <summary>The row printed atop every page.</summary>
    public int? TitleRow { get; set; }

    /// <summary>An Excel table over a range of this sheet: its name, and its first row (the header) to last row and column.</summary>
    public (string Name, int FirstRow, int LastRow, int LastColumn)? Table { get; set; }

    /// <summary>A text, number (decimal or int), date, or null for a cell with a look and no value.</summary>
    public void Set(int row, int column, object? value, TemplateStyle style)
    {
        if (!_rows.TryGetValue(row, out var cells))
        {
            _rows[row] = cells = [];
        }
        cells[column] = (value, style);
    }

    public object? ValueAt(int row, int column) =>
        _rows.TryGetValue(row, out var cells) && cells.TryGetValue(column, out var cell) ? cell.Value : null;

    /// <summary>Gives every cell of the range (present or not) the look <paramref name="restyle"/> makes of its own.</summary>
    public void Restyle(int row, int column, int lastRow, int lastColumn, Func<TemplateStyle, TemplateStyle> restyle)
    {
        for (var r = row; r <= lastRow; r++)
        {
            for (var c = column; c <= lastColumn; c++)
            {
                var (value, style) = _rows.TryGetValue(r, out var cells) && cells.TryGetValue(c, out var cell) ? cell : (null, TemplateStyle.Plain);
                Set(r, c, value, restyle(style));
            }
        }
    }

    public void Height(int row, double points) => _heights[row] = points;

    /// <summary>A column's width in characters, and the format of its cells not written (rows a clerk adds).</summary>
    public void Column(int column, double width, TemplateStyle? style = null) => _columns[column] = (width, style);

    public double WidthOf(int column) => _columns.TryGetValue(column, out var found) ? found.Width : 9;

    public void Merge(int row, int column, int lastRow, int lastColumn) =>
        _merges.Add($"{CellName.Of(row, column)}:{CellName.Of(lastRow, lastColumn)}");

    public void Validate(DataValidation validation) => _validations.Add(validation);

    public Worksheet Build(TemplateStyleSheet styles, Func<string, int> sharedString)
    {
        var worksheet = new Worksheet();
        worksheet.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        worksheet.Append(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        var view = new SheetView { WorkbookViewId = 0 };
        if (FrozenRows > 0)
        {
            var topLeft = CellName.Of(FrozenRows + 1, 1);
            view.Append(new Pane { VerticalSplit = FrozenRows, TopLeftCell = topLeft, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
            view.Append(new Selection { Pane = PaneValues.BottomLeft, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } });
        }
        worksheet.Append(new SheetViews(view));
        worksheet.Append(new SheetFormatProperties { DefaultRowHeight = 15 });
        if (_columns.Count > 0)
        {
            worksheet.Append(new Columns(_columns.Select(c =>
            {
                var column = new Column { Min = (uint)c.Key, Max = (uint)c.Key, Width = c.Value.Width, CustomWidth = true };
                if (c.Value.Style is { } style)
                {
                    column.Style = styles.Index(style);
                }
                return column;
            })));
        }
        worksheet.Append(SheetData(styles, sharedString));
        if (Protected)
        {
            worksheet.Append(new SheetProtection { Sheet = true, FormatColumns = false, FormatRows = false });
        }
        if (_merges.Count > 0)
        {
            worksheet.Append(new MergeCells(_merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)_merges.Count });
        }
        if (_validations.Count > 0)
        {
            worksheet.Append(new DataValidations(_validations) { Count = (uint)_validations.Count });
        }
        worksheet.Append(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        worksheet.Append(new PageSetup
        {
            PaperSize = 9, // A4
            Orientation = Landscape ? OrientationValues.Landscape : OrientationValues.Portrait,
            FitToWidth = 1,
            FitToHeight = 0,
        });
        if (Table is not null)
        {
            worksheet.Append(new TableParts(new TablePart { Id = "rId1" }) { Count = 1 });
        }
        return worksheet;
    }

    private SheetData SheetData(TemplateStyleSheet styles, Func<string, int> sharedString)
    {
        var data = new SheetData();
        foreach (var number in _rows.Keys.Union(_heights.Keys).Order())
        {
            var row = new Row { RowIndex = (uint)number };
            if (_heights.TryGetValue(number, out var height))
            {
                row.Height = height;
                row.CustomHeight = true;
            }
            if (_rows.TryGetValue(number, out var cells))
            {
                foreach (var (column, (value, style)) in cells)
                {
                    row.Append(CellOf(CellName.Of(number, column), value, styles.Index(style), sharedString));
                }
            }
            data.Append(row);
        }
        return data;
    }

    private static Cell CellOf(string reference, object? value, uint style, Func<string, int> sharedString)
    {
        var cell = new Cell { CellReference = reference };
        if (style != 0)
        {
            cell.StyleIndex = style;
        }
        switch (value)
        {
            case null:
                break;
            case string text:
                cell.DataType = CellValues.SharedString;
                cell.CellValue = new CellValue(sharedString(text).ToString(CultureInfo.InvariantCulture));
                break;
            case DateTime date:
                cell.CellValue = new CellValue(date.ToOADate().ToString("R", CultureInfo.InvariantCulture));
                break;
            case decimal number:
                cell.CellValue = new CellValue(Number(number));
                break;
            case int whole:
                cell.CellValue = new CellValue(whole.ToString(CultureInfo.InvariantCulture));
                break;
            default:
                throw new ArgumentException($"模板单元格 {reference} 的值类型 {value.GetType().Name} 无法写入", nameof(value));
        }
        return cell;
    }

    /// <summary>A decimal as spreadsheet programs store it: through a double, in its shortest round-trip form.</summary>
    public static string Number(decimal number) => ((double)number).ToString("R", CultureInfo.InvariantCulture);
}
