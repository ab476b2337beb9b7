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

    /// <summary>单位代码, 单位名称: repeated on every printed page.</summary>
    public const int TitleColumns = 2;

    /// <summary>
    /// Where each unit's figures begin ("'来源(2)'!A4"), for the 报送情况 sheet's links: planned as <see cref="Write"/>
    /// places them, a unit's rows together on one sheet, continuation sheets past <paramref name="limit"/> rows.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Locations(ReturnResult result, string name, int limit)
    {
        var units = result.Merge.Units
            .Select(unit => (unit.Unit.Code, Count: result.SourcesOf(unit.Unit.Code).Count))
            .Where(unit => unit.Count > 0)
            .ToList();
        var starts = ContinuedSheet.Plan(units.Select(u => u.Count), HeaderRow + 1, limit);
        var locations = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < units.Count; i++)
        {
            var sheet = ContinuedSheet.NameOf(name, starts[i].Part).Replace("'", "''", StringComparison.Ordinal);
            locations[units[i].Code] = $"'{sheet}'!A{starts[i].Row}";
        }
        return locations;
    }

    public static void Write(StreamedWorkbook book, string name, ReturnResult result, string title, int limit)
    {
        string[] headers = ["单位代码", "单位名称", "字段代码", "指标名称", "读取的数值", "单元格", "原始填写", "文件", "SHA-256"];
        var labels = result.Definition.Fields.ToDictionary(f => f.Code, f => f.Label, StringComparer.Ordinal);

        // Widths first: they precede the rows in the sheet's XML.
        var measure = new ColumnWidths(maximum: 40);
        for (var i = 0; i < headers.Length; i++)
        {
            measure.ObserveHeader(i + 1, headers[i], lines: 2);
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

        // Past the limit the rows go on on 来源(2) …, each with the title and headers; a unit's rows stay together.
        var pages = new ContinuedSheet(book, name, widths, frozenRows: HeaderRow, frozenColumns: 2, HeaderRow + 1, limit,
            head: sheet =>
            {
                WorkbookStyle.Title(book, sheet, $"{result.Merge.Roster.Name}报表数据来源",
                    "每个单位的每个数据取自哪个文件的哪个单元格、当时填写的原文；SHA-256 对应存储库中的版本，用 reports explain 可查看数据的完整来历。灰色为未参与汇总（退回）的单位。"
                    + (sheet.Name == name ? "" : $"\n（续“{name}”：行数超过一个工作表的上限，接续前一工作表。）"), headers.Length);
                WorkbookStyle.Headers(book, sheet, HeaderRow, headers, widths);
            },
            // Printed like 汇总: across pages at a legible scale, the unit on every page beside the header row; the
            // figure and where it was read together, then the file and its hash.
            end: (sheet, _, _) => sheet.Print = WorkbookStyle.PrintAcrossPages(WorkbookStyle.PageSetup(title, HeaderRow, HeaderRow), widths, TitleColumns,
                [(3, 7), (8, 9)], shrink: true),
            fitToPage: false);

        var cell = book.Style(WorkbookStyle.Cell);
        var grey = book.Style(WorkbookStyle.Missing(WorkbookStyle.Cell));
        var hash = book.Style(WorkbookStyle.Cell with { Font = "Consolas", Size = 8 });
        // A row per figure, some 32 a unit: what repeats (the unit, the field, the file) is looked up once, not per row.
        var (codes, names, files, hashes) = (new RepeatedCell(), new RepeatedCell(), new RepeatedCell(), new RepeatedCell());
        var fields = new Dictionary<string, (RepeatedCell Code, RepeatedCell Label)>(StringComparer.Ordinal);
        foreach (var unit in result.Merge.Units)
        {
            var sources = result.SourcesOf(unit.Unit.Code);
            pages.Keep(sources.Count);
            var submission = result.Decision.For(unit.Unit.Code)?.Submission;
            var named = unit.Status == UnitStatus.Accepted ? cell : grey;
            foreach (var source in sources)
            {
                // Stored as values, never formulas; a text that looks like one also gets Excel's quote prefix.
                pages.Row();
                var sheet = pages.Sheet;
                codes.Write(sheet, 1, unit.Unit.Code, named);
                names.Write(sheet, 2, unit.Unit.Name, named);
                if (!fields.TryGetValue(source.Field, out var field))
                {
                    fields[source.Field] = field = (new RepeatedCell(), new RepeatedCell());
                }
                field.Code.Write(sheet, 3, source.Field, cell);
                field.Label.Write(sheet, 4, labels.GetValueOrDefault(source.Field), cell);
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
                files.Write(sheet, 8, source.File, cell);
                hashes.Write(sheet, 9, source.Sha256, hash);
            }
        }
        pages.End();
    }
}
