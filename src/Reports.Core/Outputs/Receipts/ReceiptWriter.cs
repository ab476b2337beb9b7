using System.Drawing;
using OfficeOpenXml;
using OfficeOpenXml.Style;
using Reports.Definitions;
using Reports.Diagnostics;
using Reports.Intake;
using Reports.Templates;

namespace Reports.Outputs.Receipts;

/// <summary>
/// The receipt (回执) sent back to a county for one file, drawn from the intake result alone — the county's file is
/// never opened again: a "回执" sheet (received when, SHA-256, status, the figures as read); for a return with located
/// findings, the return as read in our template's layout (<see cref="ReceiptReturnSheet"/>) with each failing field
/// filled and commented; and a "核查结果" sheet listing every diagnostic with what to do. County text is always
/// written as text. (EPPlus writes the receipt for now; the writing is kept to this folder so a streaming writer can
/// take its place.)
/// </summary>
public sealed class ReceiptWriter(TimeProvider clock)
{
    public const string SummarySheet = "回执";
    public const string ReturnSheet = TemplateGenerator.SheetName;
    public const string FindingsSheet = "核查结果";
    public const string CommentAuthor = "市级汇总";

    private static readonly Color HeaderFill = Color.FromArgb(255, 217, 225, 242);

    /// <summary>"回执-140403-潞州区-campaign-5plus1-2022-06.xlsx"; see <see cref="ReceiptNames"/>.</summary>
    public static string FileNameFor(IntakeFileResult file) => ReceiptNames.For(file.File);

    public byte[] Write(IntakeFileResult file, ReturnDefinition definition)
    {
        using var package = new ExcelPackage();
        var workbook = package.Workbook;
        WriteSummary(workbook.Worksheets.Add(SummarySheet), file, definition);
        if (file.Submission is { } submission && file.Diagnostics.Any(d => d.Cell is not null))
        {
            ReceiptReturnSheet.Write(workbook.Worksheets.Add(ReturnSheet), file, submission, definition);
        }
        if (file.Diagnostics.Count > 0)
        {
            WriteFindings(workbook.Worksheets.Add(FindingsSheet), file.Diagnostics);
        }
        // The receipt opens on its summary.
        foreach (var sheet in workbook.Worksheets)
        {
            sheet.View.TabSelected = sheet.Name == SummarySheet;
        }
        workbook.View.ActiveTab = 0;

        var now = clock.GetLocalNow();
        workbook.Properties.Title = ReceiptText.Safe($"回执：{Path.GetFileName(file.File)}");
        workbook.Properties.Created = now.DateTime;
        workbook.Properties.Modified = now.DateTime;
        return ReproducibleZip.Normalize(package.GetAsByteArray(), now);
    }

    private void WriteSummary(ExcelWorksheet sheet, IntakeFileResult file, ReturnDefinition definition)
    {
        sheet.Cells["A1"].Value = "报表接收回执";
        sheet.Cells["A1"].Style.Font.Size = 16;
        sheet.Cells["A1"].Style.Font.Bold = true;
        var errors = file.ErrorCount;
        var warnings = file.WarningCount;
        var verdict = file.Status switch
        {
            IntakeStatus.Accepted when warnings == 0 => "已接收，数据通过核查",
            IntakeStatus.Accepted => $"已接收，有 {warnings} 条提醒，请核对",
            IntakeStatus.Rejected => $"退回：有 {errors} 处错误，请按“核查结果”修改后重新报送",
            IntakeStatus.Superseded => "已收到，但本单位有更新的报送，以更新的为准",
            IntakeStatus.Duplicate => "与已收到的文件完全相同，按同一份处理",
            IntakeStatus.Pending => "已收到。本期数据已审定，本文件待审，暂不计入汇总；如需更正请与市级联系",
            _ => "未读取：不是报表文件",
        };
        (string Label, string Value)[] facts =
        [
            ("文件", ReceiptText.Safe(Path.GetFileName(file.File))),
            // When the office first received these bytes (the store's record), else now: a re-run never re-dates a receipt.
            ("接收时间", (file.ReceivedAt is { } received ? TimeZoneInfo.ConvertTime(received, clock.LocalTimeZone) : clock.GetLocalNow())
                .ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)),
            ("SHA-256", file.Sha256.Length > 0 ? file.Sha256 : "（文件无法读取）"),
            ("报表", $"{definition.Title}（{definition.Code}）"),
            ("单位代码", file.UnitCode is { } unit ? ReceiptText.Safe(unit) : "（无法识别）"),
            ("结果", verdict),
        ];
        var row = 3;
        foreach (var (label, value) in facts)
        {
            sheet.Cells[row, 1].Value = label;
            sheet.Cells[row, 1].Style.Font.Bold = true;
            sheet.Cells[row, 2].Value = value;
            sheet.Cells[row, 2, row, 4].Merge = true;
            row++;
        }

        if (file.Submission is { } submission)
        {
            row++;
            sheet.Cells[row, 1].Value = "读取到的数值";
            sheet.Cells[row, 1].Style.Font.Bold = true;
            row++;
            Header(sheet, row++, ["字段代码", "指标名称", "数值", "计量单位", "原表位置"]);
            foreach (var field in definition.Fields)
            {
                sheet.Cells[row, 1].Value = field.Code;
                sheet.Cells[row, 2].Value = field.Label;
                ValueAsRead.Put(sheet.Cells[row, 3], submission, field);
                sheet.Cells[row, 4].Value = field.Unit;
                sheet.Cells[row, 5].Value = ReceiptText.Safe(ValueAsRead.Location(submission, field.Code) ?? ValueAsRead.NotFound);
                sheet.Cells[row, 5].Style.Numberformat.Format = "@";
                row++;
            }
        }
        sheet.Column(1).Width = 22;
        sheet.Column(2).Width = 34;
        sheet.Column(3).Width = 16;
        sheet.Column(4).Width = 10;
        sheet.Column(5).Width = 16;
        sheet.PrinterSettings.FitToPage = true;
        sheet.PrinterSettings.FitToWidth = 1;
        sheet.PrinterSettings.FitToHeight = 0;
    }

    private static void WriteFindings(ExcelWorksheet sheet, IReadOnlyList<Diagnostic> diagnostics)
    {
        Header(sheet, 1, ["序号", "代码", "级别", "工作表", "单元格", "字段", "说明", "怎么做"]);
        var row = 2;
        foreach (var diagnostic in diagnostics)
        {
            object[] values =
            [
                row - 1, diagnostic.Code, DiagnosticCatalogDocument.SeverityName(diagnostic.Severity), diagnostic.Sheet ?? "", diagnostic.Cell ?? "",
                diagnostic.Field ?? "", diagnostic.Message, DiagnosticCatalog.Find(diagnostic.Code)?.Advice ?? "",
            ];
            for (var i = 0; i < values.Length; i++)
            {
                sheet.Cells[row, i + 1].Value = values[i] is string text ? ReceiptText.Safe(text) : values[i];
            }
            if (diagnostic.IsError)
            {
                sheet.Cells[row, 3].Style.Font.Color.SetColor(Color.FromArgb(255, 192, 0, 0));
            }
            row++;
        }
        double[] widths = [6, 8, 6, 8, 8, 18, 60, 60];
        for (var i = 0; i < widths.Length; i++)
        {
            sheet.Column(i + 1).Width = widths[i];
        }
        sheet.Cells[2, 7, row, 8].Style.WrapText = true;
        sheet.View.FreezePanes(2, 1);
    }

    private static void Header(ExcelWorksheet sheet, int row, string[] headers)
    {
        for (var i = 0; i < headers.Length; i++)
        {
            var cell = sheet.Cells[row, i + 1];
            cell.Value = headers[i];
            cell.Style.Font.Bold = true;
            cell.Style.Fill.PatternType = ExcelFillStyle.Solid;
            cell.Style.Fill.BackgroundColor.SetColor(HeaderFill);
        }
    }
}
