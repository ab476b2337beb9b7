using OfficeOpenXml;
using Reports.Merge;
using Reports.Results;

namespace Reports.Outputs.Workbook;

/// <summary>
/// 来源: every figure of every unit with a file that counts, traced to its cell: the value merged, the sheet and cell of
/// the county's file it was read from, what the clerk typed there, the file and its SHA-256 (the version in the
/// store; <c>reports explain</c> tells the rest). A unit's rows follow roster order, its fields the definition's.
/// </summary>
internal static class SourcesSheet
{
    public const string Name = "来源";
    private const int HeaderRow = 3;

    /// <summary>The row where each unit's figures begin on this sheet (the 报送情况 sheet links there).</summary>
    public static IReadOnlyDictionary<string, int> FirstRows(ReturnResult result)
    {
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        var row = HeaderRow + 1;
        foreach (var unit in result.Merge.Units)
        {
            var count = result.SourcesOf(unit.Unit.Code).Count;
            if (count > 0)
            {
                rows[unit.Unit.Code] = row;
                row += count;
            }
        }
        return rows;
    }

    public static void Write(ExcelWorksheet sheet, ReturnResult result, string title)
    {
        string[] headers = ["序号", "单位代码", "单位名称", "报送情况", "字段代码", "指标名称", "汇总采用的数值", "工作表", "单元格", "原始填写", "文件", "SHA-256"];
        var widths = new ColumnWidths(maximum: 40);
        WorkbookStyle.Title(sheet, $"{result.Merge.Roster.Name}报表数据来源",
            "每个单位的每个数据取自哪个文件的哪个单元格、当时填写的原文；SHA-256 对应存储库中的版本。用 reports explain 可查看数据的完整来历。", headers.Length);
        for (var i = 0; i < headers.Length; i++)
        {
            sheet.Cells[HeaderRow, i + 1].Value = headers[i];
            widths.Observe(i + 1, headers[i]);
        }
        WorkbookStyle.HeaderCells(sheet.Cells[HeaderRow, 1, HeaderRow, headers.Length]);
        var row = HeaderRow + 1;
        foreach (var unit in result.Merge.Units)
        {
            var file = result.Decision.For(unit.Unit.Code);
            foreach (var source in result.SourcesOf(unit.Unit.Code))
            {
                var field = result.Definition.FindField(source.Field);
                sheet.Cells[row, 1].Value = row - HeaderRow;
                CellText.Write(sheet.Cells[row, 2], unit.Unit.Code);
                CellText.Write(sheet.Cells[row, 3], unit.Unit.Name);
                sheet.Cells[row, 4].Value = WorkbookStyle.StatusText(unit.Status);
                CellText.Write(sheet.Cells[row, 5], source.Field);
                CellText.Write(sheet.Cells[row, 6], field?.Label);
                if (file?.Submission?.Values.TryGetValue(source.Field, out var number) == true)
                {
                    sheet.Cells[row, 7].Value = number;
                }
                else
                {
                    CellText.Write(sheet.Cells[row, 7], file?.Submission?.Texts.GetValueOrDefault(source.Field));
                }
                CellText.Write(sheet.Cells[row, 8], source.Sheet);
                CellText.Write(sheet.Cells[row, 9], source.Cell);
                // As typed, always text: a typed formula or "1,234" stays exactly what the clerk saw.
                CellText.Write(sheet.Cells[row, 10], source.Typed);
                CellText.Write(sheet.Cells[row, 11], source.File);
                CellText.Write(sheet.Cells[row, 12], source.Sha256);
                widths.Observe(3, unit.Unit.Name);
                widths.Observe(5, source.Field);
                widths.Observe(7, sheet.Cells[row, 7].Text);
                widths.Observe(8, source.Sheet);
                widths.Observe(6, field?.Label);
                widths.Observe(10, source.Typed);
                widths.Observe(11, source.File);
                if (unit.Status != UnitStatus.Accepted)
                {
                    WorkbookStyle.Fill(sheet.Cells[row, 1, row, 4], WorkbookStyle.MissingFill, WorkbookStyle.MissingFont);
                }
                row++;
            }
        }
        var lastRow = Math.Max(row - 1, HeaderRow);
        sheet.Cells[HeaderRow + 1, 12, lastRow, 12].Style.Font.Name = "Consolas";
        sheet.Cells[HeaderRow + 1, 12, lastRow, 12].Style.Font.Size = 8;
        WorkbookStyle.Borders(sheet.Cells[HeaderRow, 1, lastRow, headers.Length]);
        widths.Apply(sheet);
        sheet.Column(1).Width = 6;
        sheet.Column(12).Width = 52;
        WorkbookStyle.PageSetup(sheet, title, HeaderRow, HeaderRow, frozenColumns: 3);
    }
}
