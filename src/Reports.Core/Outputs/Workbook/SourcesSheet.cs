using OfficeOpenXml;
using Reports.Merge;
using Reports.Results;

namespace Reports.Outputs.Workbook;

/// <summary>
/// 来源: every figure of every unit with a file that counts, traced to its cell: the value read (merged for a unit in
/// the merge), the sheet!cell of the county's file it was read from, what the clerk typed there, the file and its
/// SHA-256 (the version in the store; <c>reports explain</c> tells the rest). A unit's rows follow roster order, its
/// fields the definition's; a unit not in the merge (sent back) is grey. A row per figure: tens of thousands of rows
/// for a province, so they are loaded in one block rather than cell by cell.
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
        string[] headers = ["单位代码", "单位名称", "字段代码", "指标名称", "读取的数值", "单元格", "原始填写", "文件", "SHA-256"];
        var widths = new ColumnWidths(maximum: 40);
        WorkbookStyle.Title(sheet, $"{result.Merge.Roster.Name}报表数据来源",
            "每个单位的每个数据取自哪个文件的哪个单元格、当时填写的原文；SHA-256 对应存储库中的版本，用 reports explain 可查看数据的完整来历。灰色为未参与汇总（退回）的单位。", headers.Length);
        for (var i = 0; i < headers.Length; i++)
        {
            sheet.Cells[HeaderRow, i + 1].Value = headers[i];
            widths.Observe(i + 1, headers[i]);
        }
        WorkbookStyle.HeaderCells(sheet.Cells[HeaderRow, 1, HeaderRow, headers.Length]);

        var rows = new List<object?[]>();
        var grey = new List<(int First, int Last)>();
        var quoted = new List<(int Row, int Column)>();
        foreach (var unit in result.Merge.Units)
        {
            var submission = result.Decision.For(unit.Unit.Code)?.Submission;
            var first = HeaderRow + 1 + rows.Count;
            foreach (var source in result.SourcesOf(unit.Unit.Code))
            {
                var label = result.Definition.FindField(source.Field)?.Label;
                object? read = submission is not null && submission.Values.TryGetValue(source.Field, out var number) ? number
                    : CellText.Clean(submission?.Texts.GetValueOrDefault(source.Field));
                object?[] cells = [CellText.Clean(unit.Unit.Code), CellText.Clean(unit.Unit.Name), source.Field, label, read,
                    CellText.Clean($"{source.Sheet}!{source.Cell}"), CellText.Clean(source.Typed), CellText.Clean(source.File), source.Sha256];
                // Stored as values, never formulas; a text that looks like one also gets Excel's quote prefix.
                foreach (var column in new[] { 1, 4, 6 })
                {
                    if (cells[column] is string text && SpreadsheetText.StartsLikeAFormula(text))
                    {
                        quoted.Add((HeaderRow + 1 + rows.Count, column + 1));
                    }
                }
                rows.Add(cells);
                widths.Observe(7, source.Typed);
                widths.Observe(4, label);
            }
            if (unit.Status != UnitStatus.Accepted && HeaderRow + 1 + rows.Count > first)
            {
                grey.Add((first, HeaderRow + rows.Count));
            }
            widths.Observe(2, unit.Unit.Name);
            if (submission is not null)
            {
                widths.Observe(8, Path.GetFileName(submission.File));
            }
        }
        if (rows.Count > 0)
        {
            sheet.Cells[HeaderRow + 1, 1].LoadFromArrays(rows);
        }
        foreach (var (row, column) in quoted)
        {
            sheet.Cells[row, column].Style.QuotePrefix = true;
        }
        foreach (var (first, last) in grey)
        {
            WorkbookStyle.Fill(sheet.Cells[first, 1, last, 2], WorkbookStyle.MissingFill, WorkbookStyle.MissingFont);
        }
        widths.Observe(1, "140403000");
        widths.Observe(3, "loan_target_campaign");
        widths.Observe(5, "12345678.12");
        widths.Observe(6, "填报!D30");
        var lastRow = HeaderRow + rows.Count;
        sheet.Cells[HeaderRow + 1, 9, Math.Max(lastRow, HeaderRow + 1), 9].Style.Font.Name = "Consolas";
        sheet.Cells[HeaderRow + 1, 9, Math.Max(lastRow, HeaderRow + 1), 9].Style.Font.Size = 8;
        WorkbookStyle.Borders(sheet.Cells[HeaderRow, 1, Math.Max(lastRow, HeaderRow), headers.Length]);
        widths.Apply(sheet);
        sheet.Column(9).Width = 52;
        WorkbookStyle.PageSetup(sheet, title, HeaderRow, HeaderRow, frozenColumns: 2);
    }
}
