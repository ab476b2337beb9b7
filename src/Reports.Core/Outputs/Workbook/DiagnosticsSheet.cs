using OfficeOpenXml;
using Reports.Definitions;
using Reports.Diagnostics;
using Reports.Analysis;
using Reports.Intake;
using Reports.Merge;
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

    public static void Write(ExcelWorksheet sheet, ReturnResult result, string title)
    {
        var merge = result.Merge;
        var definition = merge.Definition;
        var roster = merge.Roster;
        string[] headers = ["序号", "单位代码", "单位名称", "文件", "工作表", "单元格", "字段", "代码", "级别", "说明", "处理建议", "县级情况说明"];
        var widths = new ColumnWidths(maximum: 60);
        // A signal concerns the figures of the file the merge used for its unit; it warns, it never rejects.
        var signalRows = result.Analysis.Signals.Select(signal => (
            UnitCode: signal.Unit,
            File: merge.Units.FirstOrDefault(u => u.Unit.Code == signal.Unit)?.File ?? "",
            Diagnostic: signal));
        var rows = result.Files
            .SelectMany(file => file.Diagnostics.Select(d => (UnitCode: file.UnitCode, File: file.File, Diagnostic: d)))
            .Concat(signalRows)
            .OrderBy(x => x.Diagnostic.Severity switch { DiagnosticSeverity.Error => 0, DiagnosticSeverity.Warning => 1, _ => 2 })
            .ToList();
        var errors = rows.Count(r => r.Diagnostic.IsError);
        var warnings = rows.Count(r => r.Diagnostic.Severity == DiagnosticSeverity.Warning);
        WorkbookStyle.Title(sheet, $"{roster.Name}报表数据核查",
            rows.Count == 0 ? "全部报表均未发现问题。" : $"共 {rows.Count} 条：错误 {errors} 条（报表退回），警告 {warnings} 条，提示 {rows.Count - errors - warnings} 条。",
            headers.Length);
        for (var i = 0; i < headers.Length; i++)
        {
            sheet.Cells[HeaderRow, i + 1].Value = headers[i];
            widths.Observe(i + 1, headers[i]);
        }
        WorkbookStyle.HeaderCells(sheet.Cells[HeaderRow, 1, HeaderRow, headers.Length]);

        var advice = DiagnosticCatalog.All.ToDictionary(c => c.Code, c => c.Advice, StringComparer.Ordinal);
        var row = HeaderRow + 1;
        foreach (var (unitCode, file, diagnostic) in rows)
        {
            var field = diagnostic.Field is null ? null : definition.FindField(diagnostic.Field);
            string?[] values =
            [
                unitCode,
                unitCode is null ? null : roster.Find(unitCode)?.Name,
                Path.GetFileName(diagnostic.File ?? file),
                diagnostic.Sheet,
                diagnostic.Cell,
                field is null ? diagnostic.Field : $"{field.Label}({field.Code})",
                diagnostic.Code,
                diagnostic.Severity switch { DiagnosticSeverity.Error => "错误", DiagnosticSeverity.Warning => "警告", _ => "提示" },
                diagnostic.Message,
                advice.GetValueOrDefault(diagnostic.Code),
                diagnostic.Explanation,
            ];
            sheet.Cells[row, 1].Value = row - HeaderRow;
            for (var i = 0; i < values.Length; i++)
            {
                CellText.Write(sheet.Cells[row, i + 2], values[i]);
                widths.Observe(i + 2, values[i]);
            }
            if (diagnostic.IsError)
            {
                WorkbookStyle.Fill(sheet.Cells[row, 9], WorkbookStyle.LaggingFill, WorkbookStyle.LaggingFont);
            }
            row++;
        }
        var lastRow = Math.Max(row - 1, HeaderRow);
        WorkbookStyle.Borders(sheet.Cells[HeaderRow, 1, lastRow, headers.Length]);
        widths.Apply(sheet);
        // Messages and advice wrap in their (capped) columns; rows are sized here, as no reader does it on open.
        for (var r = HeaderRow + 1; r <= lastRow; r++)
        {
            sheet.Cells[r, 10, r, 12].Style.WrapText = true;
            sheet.Row(r).Height = ColumnWidths.RowHeight([(sheet.Cells[r, 10].Text, sheet.Column(10).Width), (sheet.Cells[r, 11].Text, sheet.Column(11).Width), (sheet.Cells[r, 12].Text, sheet.Column(12).Width)]);
        }
        sheet.Column(1).Width = 5;
        WorkbookStyle.PageSetup(sheet, title, HeaderRow, HeaderRow, frozenColumns: 3);
    }
}
