using Reports.Outputs.Spreadsheet;

namespace Reports.Outputs.Workbook;

/// <summary>目录: when one workbook holds several returns, which prefix (表1, 表2 …) holds which return.</summary>
internal static class ContentsSheet
{
    public const string Name = "目录";
    private const int HeaderRow = 3;

    public static void Write(StreamedWorkbook book, IReadOnlyList<(string Prefix, string Title)> returns, string title)
    {
        var widths = new Dictionary<int, double> { [1] = 8, [2] = Math.Min(90, returns.Max(r => ColumnWidths.Measure(r.Title)) + 4) };
        var sheet = book.Add(Name, widths, frozenRows: HeaderRow, frozenColumns: 0);
        WorkbookStyle.Title(book, sheet, title, $"本工作簿含 {returns.Count} 张报表的汇总，各报表的工作表名以下列编号开头。", 2);
        WorkbookStyle.Headers(book, sheet, HeaderRow, ["编号", "报表"], widths);
        var cell = book.Style(WorkbookStyle.Cell);
        var row = HeaderRow + 1;
        foreach (var (prefix, name) in returns)
        {
            sheet.Row(row++);
            CellText.Write(sheet, 1, prefix, cell);
            CellText.Write(sheet, 2, name, cell);
        }
        sheet.Print = WorkbookStyle.PageSetup(title, HeaderRow, HeaderRow);
    }
}
