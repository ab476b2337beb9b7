using Reports.Analysis;
using Reports.Definitions;
using Reports.Diagnostics;
using Reports.Intake;
using Reports.Merge;
using Reports.Outputs.Spreadsheet;
using Reports.Results;

namespace Reports.Outputs.Workbook;

/// <summary>
/// 数据核查: every diagnostic of every file and every data-quality signal of the analysis, with the unit, file,
/// sheet, cell and field it concerns, its code, severity and message, what to do (from the catalogue), and for a
/// must-explain finding the county's explanation (情况说明).
/// Errors first, then warnings (signals among them), then notes.
/// </summary>
internal static class DiagnosticsSheet
{
    public const string Name = "数据核查";
    private const int HeaderRow = 3;

    /// <summary>序号, 单位代码, 单位名称: repeated on every printed page.</summary>
    public const int TitleColumns = 3;

    public static void Write(StreamedWorkbook book, string name, ReturnResult result, string title, int limit)
    {
        var merge = result.Merge;
        var definition = merge.Definition;
        var roster = merge.Roster;
        string[] headers = ["序号", "单位代码", "单位名称", "文件", "工作表", "单元格", "字段", "代码", "级别", "说明", "处理建议", "县级情况说明"];
        // A signal concerns the figures of the file the merge used for its unit; it warns, it never rejects.
        var files = merge.Units.GroupBy(u => u.Unit.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().File, StringComparer.Ordinal);
        var signalRows = result.Analysis.Signals.Select(signal => (
            UnitCode: signal.Unit,
            File: (signal.Unit is null ? null : files.GetValueOrDefault(signal.Unit)) ?? "",
            Diagnostic: signal));
        var rows = result.Files
            .SelectMany(file => file.Diagnostics.Select(d => (UnitCode: file.UnitCode, File: file.File, Diagnostic: d)))
            .Concat(signalRows)
            .OrderBy(x => x.Diagnostic.Severity switch { DiagnosticSeverity.Error => 0, DiagnosticSeverity.Warning => 1, _ => 2 })
            .ToList();
        var errors = rows.Count(r => r.Diagnostic.IsError);
        var warnings = rows.Count(r => r.Diagnostic.Severity == DiagnosticSeverity.Warning);
        var advice = DiagnosticCatalog.All.ToDictionary(c => c.Code, c => c.Advice, StringComparer.Ordinal);
        string?[] Values((string? UnitCode, string File, Diagnostic Diagnostic) row)
        {
            var (unitCode, file, diagnostic) = row;
            var field = diagnostic.Field is null ? null : definition.FindField(diagnostic.Field);
            return
            [
                unitCode,
                unitCode is null ? null : roster.Find(unitCode)?.Name,
                Path.GetFileName(diagnostic.File ?? file),
                diagnostic.Sheet,
                diagnostic.Cell,
                field is null ? diagnostic.Field : $"{field.Label}({field.Code})",
                diagnostic.Code,
                diagnostic.Severity switch { DiagnosticSeverity.Error => "错误", DiagnosticSeverity.Warning => "警告", _ => "提示" },
                CellText.Clean(diagnostic.Message),
                CellText.Clean(advice.GetValueOrDefault(diagnostic.Code)),
                CellText.Clean(diagnostic.Explanation),
            ];
        }

        // Widths first: they precede the rows in the sheet's XML.
        var measure = new ColumnWidths(maximum: 60);
        for (var i = 0; i < headers.Length; i++)
        {
            measure.ObserveHeader(i + 1, headers[i], lines: 2);
        }
        foreach (var row in rows)
        {
            var values = Values(row);
            for (var i = 0; i < values.Length; i++)
            {
                measure.Observe(i + 2, values[i]);
            }
        }
        var widths = measure.Result();
        widths[1] = 6;

        // Past the limit the rows go on on 数据核查(2) …, each with the title and headers.
        var pages = new ContinuedSheet(book, name, widths, frozenRows: HeaderRow, frozenColumns: 3, HeaderRow + 1, limit,
            head: sheet =>
            {
                WorkbookStyle.Title(book, sheet, $"{roster.Name}报表数据核查",
                    (rows.Count == 0 ? "全部报表均未发现问题。" : $"共 {rows.Count} 条：错误 {errors} 条（报表退回），警告 {warnings} 条，提示 {rows.Count - errors - warnings} 条。")
                    + (sheet.Name == name ? "" : $"（续“{name}”）"),
                    headers.Length);
                WorkbookStyle.Headers(book, sheet, HeaderRow, headers, widths);
            },
            // Twelve columns, three of them sentences: printed like 汇总, across pages at a legible scale, 序号 and the
            // unit on every page beside the header row; the file and place, the finding, and the texts each a group.
            end: (sheet, _, _) => sheet.Print = WorkbookStyle.PrintAcrossPages(WorkbookStyle.PageSetup(title, HeaderRow, HeaderRow), widths, TitleColumns,
                [(4, 6), (7, 9), (10, 10), (11, 11), (12, 12)], shrink: true),
            fitToPage: false);

        // Messages and advice wrap in their (capped) columns; rows are sized here, as no reader does it on open.
        var cell = book.Style(WorkbookStyle.Cell);
        var index = book.Style(WorkbookStyle.IndexCell);
        var wrapped = book.Style(WorkbookStyle.Cell with { Wrap = true });
        var error = book.Style(WorkbookStyle.Lagging(WorkbookStyle.Cell));
        var number = 0;
        foreach (var row in rows)
        {
            var values = Values(row);
            pages.Row(ColumnWidths.RowHeight([(values[8], widths[10]), (values[9], widths[11]), (values[10], widths[12])]));
            var sheet = pages.Sheet;
            sheet.Number(1, ++number, index);
            for (var i = 0; i < values.Length; i++)
            {
                var column = i + 2;
                var style = column >= 10 ? wrapped : column == 9 && row.Diagnostic.IsError ? error : cell;
                CellText.Write(sheet, column, values[i], style);
            }
        }
        pages.End();
    }
}
