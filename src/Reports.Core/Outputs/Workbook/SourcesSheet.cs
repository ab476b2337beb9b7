using Reports.Merge;
using Reports.Outputs.Spreadsheet;
using Reports.Results;

namespace Reports.Outputs.Workbook;

/// <summary>
/// 来源: every figure of every unit with a file that counts, traced to its cell: the value read (merged for a unit in
/// the merge), the sheet!cell of the county's file it was read from, what the clerk typed there, the file and its
/// SHA-256 (the version in the store; <c>reports explain</c> tells the rest). A unit's rows follow roster order, its
/// fields the definition's; a unit not in the merge (sent back) is grey. A row per figure: hundreds of thousands of
/// rows for a province, streamed into the sheet as they are made.
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

    public static void Write(StreamedWorkbook book, string name, ReturnResult result, string title)
    {
        string[] headers = ["单位代码", "单位名称", "字段代码", "指标名称", "读取的数值", "单元格", "原始填写", "文件", "SHA-256"];
        var labels = result.Definition.Fields.ToDictionary(f => f.Code, f => f.Label, StringComparer.Ordinal);

        // Widths first: they precede the rows in the sheet's XML.
        var measure = new ColumnWidths(maximum: 40);
        for (var i = 0; i < headers.Length; i++)
        {
            measure.Observe(i + 1, headers[i]);
        }
        var usedFields = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in result.Merge.Units)
        {
            // The cells SourcesOf lists, without making its records twice.
            if (result.Decision.For(unit.Unit.Code)?.Submission is { } submission)
            {
                foreach (var field in result.Definition.Fields)
                {
                    if (submission.Cells.TryGetValue(field.Code, out var reading))
                    {
                        measure.Observe(7, reading.Typed);
                        usedFields.Add(field.Code);
                    }
                }
                measure.Observe(8, Path.GetFileName(submission.File));
            }
            measure.Observe(2, unit.Unit.Name);
        }
        foreach (var field in usedFields)
        {
            measure.Observe(4, labels.GetValueOrDefault(field));
        }
        measure.Observe(1, "140403000");
        measure.Observe(3, "loan_target_campaign");
        measure.Observe(5, "12345678.12");
        measure.Observe(6, "填报!D30");
        var widths = measure.Result();
        widths[9] = 52;

        var sheet = book.Add(name, widths, frozenRows: HeaderRow, frozenColumns: 2);
        WorkbookStyle.Title(book, sheet, $"{result.Merge.Roster.Name}报表数据来源",
            "每个单位的每个数据取自哪个文件的哪个单元格、当时填写的原文；SHA-256 对应存储库中的版本，用 reports explain 可查看数据的完整来历。灰色为未参与汇总（退回）的单位。", headers.Length);
        WorkbookStyle.Headers(book, sheet, HeaderRow, headers);

        var cell = book.Style(WorkbookStyle.Cell);
        var grey = book.Style(WorkbookStyle.Missing(WorkbookStyle.Cell));
        var hash = book.Style(WorkbookStyle.Cell with { Font = "Consolas", Size = 8 });
        var row = HeaderRow + 1;
        foreach (var unit in result.Merge.Units)
        {
            var submission = result.Decision.For(unit.Unit.Code)?.Submission;
            var named = unit.Status == UnitStatus.Accepted ? cell : grey;
            var code = CellText.Clean(unit.Unit.Code);
            var unitName = CellText.Clean(unit.Unit.Name);
            foreach (var source in result.SourcesOf(unit.Unit.Code))
            {
                // Stored as values, never formulas; a text that looks like one also gets Excel's quote prefix.
                sheet.Row(row++);
                CellText.Write(sheet, 1, code, named);
                CellText.Write(sheet, 2, unitName, named);
                CellText.Write(sheet, 3, source.Field, cell);
                CellText.Write(sheet, 4, labels.GetValueOrDefault(source.Field), cell);
                if (submission is not null && submission.Values.TryGetValue(source.Field, out var number))
                {
                    sheet.Number(5, number, cell);
                }
                else
                {
                    CellText.Write(sheet, 5, submission?.Texts.GetValueOrDefault(source.Field), cell);
                }
                CellText.Write(sheet, 6, $"{source.Sheet}!{source.Cell}", cell);
                CellText.Write(sheet, 7, source.Typed, cell);
                CellText.Write(sheet, 8, source.File, cell);
                CellText.Write(sheet, 9, source.Sha256, hash);
            }
        }
        sheet.Print = WorkbookStyle.PageSetup(title, HeaderRow, HeaderRow);
    }
}
