using OfficeOpenXml;
using OfficeOpenXml.Style;
using Reports.Analysis;
using Reports.Intake;
using Reports.Merge;
using Reports.Results;

namespace Reports.Outputs.Workbook;

/// <summary>
/// 报送情况: every roster unit — in the merge, sent back or missing; on time or late when there is a deadline; the
/// file used with its SHA-256 and receive time; how many versions came in; its errors and warnings. Files that
/// belong to no roster unit follow, so nothing in the inbox goes unmentioned. The subtitle gives the reporting rates and,
/// once the office approved the period, 已审定 with its time; each unit's row links to its figures' cells on 来源.
/// </summary>
internal static class SubmissionSheet
{
    public const string Name = "报送情况";
    private const int HeaderRow = 3, FullHashColumn = 13, ShownHashLength = 12;

    public static void Write(ExcelWorksheet sheet, SubmissionOverview overview, string rosterName, string title, TimeZoneInfo zone,
        ApprovalStatus? approval = null, IReadOnlyDictionary<string, int>? sourceRows = null)
    {
        // The printed sheet shows a hash's first 12 characters (enough to tell files apart by eye); the whole SHA-256
        // stays in the last column, outside the print area, for comparing and for `reports withdraw --sha256`.
        string[] headers = ["序号", "单位代码", "单位名称", "报送情况", "是否按时", "采用的文件", "SHA-256（前12位）", "收到时间", "收到版本数", "错误数", "警告数", "数据来源", "SHA-256"];
        var widths = new ColumnWidths(maximum: 50);
        var deadline = overview.Deadline is { } due
            ? $"报送截止时间：{TimeZoneInfo.ConvertTime(due, zone):yyyy-MM-dd HH:mm}"
            : "未设定报送截止时间（设置 Reports:Deadline 后显示是否按时）";
        WorkbookStyle.Title(sheet, $"{rosterName}报表报送情况",
            $"{overview.Rates.Sentence}{deadline}。收到时间暂为文件的修改时间。" + (approval is null ? "" : $"\n{approval.Line}（{approval.By}）。"), FullHashColumn - 1);
        sheet.Row(2).Height = approval is null ? 30 : 45;
        for (var i = 0; i < headers.Length; i++)
        {
            sheet.Cells[HeaderRow, i + 1].Value = headers[i];
            widths.Observe(i + 1, headers[i], lines: 2);
        }
        WorkbookStyle.HeaderCells(sheet.Cells[HeaderRow, 1, HeaderRow, headers.Length]);
        sheet.Row(HeaderRow).Height = 32;

        var row = HeaderRow + 1;
        foreach (var unit in overview.Units)
        {
            sheet.Cells[row, 1].Value = row - HeaderRow;
            CellText.Write(sheet.Cells[row, 2], unit.Unit.Code);
            CellText.Write(sheet.Cells[row, 3], unit.Unit.Name);
            sheet.Cells[row, 4].Value = unit.Status switch
            {
                UnitStatus.Accepted => "已报送，已汇总",
                UnitStatus.Rejected => "已报送，退回",
                _ => unit.Versions > 0 ? "未报送（文件无法读取）" : WorkbookStyle.MissingText,
            } + (unit.Pending > 0 ? $"；审定后又报送{unit.Pending}份，待审" : "");
            sheet.Cells[row, 5].Value = unit.OnTime switch { true => "按时", false => "逾期", null => "" };
            if (unit.OnTime == false)
            {
                WorkbookStyle.Fill(sheet.Cells[row, 5], WorkbookStyle.LaggingFill, WorkbookStyle.LaggingFont);
            }
            WriteFile(sheet, row, unit.File, unit.Sha256, unit.ReceivedAt, zone, widths);
            sheet.Cells[row, 9].Value = unit.Versions;
            sheet.Cells[row, 10].Value = unit.Errors;
            sheet.Cells[row, 11].Value = unit.Warnings;
            if (sourceRows?.GetValueOrDefault(unit.Unit.Code) is int first and > 0)
            {
                // The unit's figures lead to the cells they were read from.
                sheet.Cells[row, 12].Hyperlink = new ExcelHyperLink($"'{sheet.Name.Replace("报送情况", SourcesSheet.Name, StringComparison.Ordinal)}'!A{first}", "查看来源");
                sheet.Cells[row, 12].Value = "查看来源";
                sheet.Cells[row, 12].Style.Font.UnderLine = true;
                sheet.Cells[row, 12].Style.Font.Color.SetColor(System.Drawing.Color.FromArgb(0x05, 0x63, 0xC1));
            }
            widths.Observe(2, unit.Unit.Code);
            widths.Observe(3, unit.Unit.Name);
            widths.Observe(4, sheet.Cells[row, 4].Text);
            if (unit.Status != UnitStatus.Accepted)
            {
                WorkbookStyle.Fill(sheet.Cells[row, 1, row, 4], WorkbookStyle.MissingFill, WorkbookStyle.MissingFont);
            }
            row++;
        }
        foreach (var file in overview.Unidentified)
        {
            sheet.Cells[row, 1].Value = row - HeaderRow;
            CellText.Write(sheet.Cells[row, 2], file.UnitCode);
            sheet.Cells[row, 3].Value = "（不在名册中或无法识别）";
            sheet.Cells[row, 4].Value = file.Status switch
            {
                IntakeStatus.Ignored => "未读取（非报表文件）",
                _ => "退回",
            };
            WriteFile(sheet, row, file.File, file.Sha256.Length > 0 ? file.Sha256 : null, file.Submission?.FileTime, zone, widths);
            sheet.Cells[row, 9].Value = 1;
            sheet.Cells[row, 10].Value = file.ErrorCount;
            sheet.Cells[row, 11].Value = file.WarningCount;
            widths.Observe(3, "（不在名册中或无法识别）");
            row++;
        }
        var lastRow = Math.Max(row - 1, HeaderRow);
        sheet.Cells[HeaderRow + 1, 5, lastRow, 5].Style.HorizontalAlignment = ExcelHorizontalAlignment.Center;
        // 序号 and 单位代码 are both digits: centred in their columns they do not read as one number.
        sheet.Cells[HeaderRow + 1, 1, lastRow, 2].Style.HorizontalAlignment = ExcelHorizontalAlignment.Center;
        // A SHA-256 is for comparing, not reading: a small monospace font keeps the columns narrow.
        sheet.Cells[HeaderRow + 1, 7, lastRow, 7].Style.Font.Name = "Consolas";
        sheet.Cells[HeaderRow + 1, FullHashColumn, lastRow, FullHashColumn].Style.Font.Name = "Consolas";
        sheet.Cells[HeaderRow + 1, FullHashColumn, lastRow, FullHashColumn].Style.Font.Size = 8;
        WorkbookStyle.Borders(sheet.Cells[HeaderRow, 1, lastRow, headers.Length]);
        widths.Apply(sheet);
        sheet.Column(1).Width = 6;
        sheet.Column(7).Width = 16;
        sheet.Column(FullHashColumn).Width = 52;
        WorkbookStyle.PageSetup(sheet, title, HeaderRow, HeaderRow, frozenColumns: 3);
        sheet.PrinterSettings.PrintArea = sheet.Cells[1, 1, lastRow, FullHashColumn - 1];
    }

    private static void WriteFile(ExcelWorksheet sheet, int row, string? file, string? sha256, DateTimeOffset? received, TimeZoneInfo zone, ColumnWidths widths)
    {
        var name = file is null ? null : Path.GetFileName(file);
        CellText.Write(sheet.Cells[row, 6], name);
        widths.Observe(6, name);
        CellText.Write(sheet.Cells[row, 7], sha256 is { Length: > ShownHashLength } ? sha256[..ShownHashLength] : sha256);
        CellText.Write(sheet.Cells[row, FullHashColumn], sha256);
        if (received is { } at)
        {
            sheet.Cells[row, 8].Value = TimeZoneInfo.ConvertTime(at, zone).DateTime;
            sheet.Cells[row, 8].Style.Numberformat.Format = WorkbookStyle.DateTimeFormat;
            widths.Observe(8, "2022-07-05 09:00");
        }
    }
}
