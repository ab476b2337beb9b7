using OfficeOpenXml;

namespace Reports.Outputs.Workbook;

/// <summary>目录: when one workbook holds several returns, which prefix (表1, 表2 …) holds which return.</summary>
internal static class ContentsSheet
{
    public const string Name = "目录";
    private const int HeaderRow = 3;

    public static void Write(ExcelWorksheet sheet, IReadOnlyList<(string Prefix, string Title)> returns, string title)
    {
        WorkbookStyle.Title(sheet, title, $"本工作簿含 {returns.Count} 张报表的汇总，各报表的工作表名以下列编号开头。", 2);
        sheet.Cells[HeaderRow, 1].Value = "编号";
        sheet.Cells[HeaderRow, 2].Value = "报表";
        WorkbookStyle.HeaderCells(sheet.Cells[HeaderRow, 1, HeaderRow, 2]);
        var row = HeaderRow + 1;
        foreach (var (prefix, name) in returns)
        {
            sheet.Cells[row, 1].Value = prefix;
            sheet.Cells[row, 2].Value = name;
            row++;
        }
        WorkbookStyle.Borders(sheet.Cells[HeaderRow, 1, row - 1, 2]);
        sheet.Column(1).Width = 8;
        sheet.Column(2).Width = Math.Min(90, returns.Max(r => ColumnWidths.Measure(r.Title)) + 4);
        WorkbookStyle.PageSetup(sheet, title, HeaderRow, HeaderRow, frozenColumns: 0);
    }
}
