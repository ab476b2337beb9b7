using Reports.Analysis;
using Reports.Intake;
using Reports.Merge;
using Reports.Outputs.Spreadsheet;
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

    public static void Write(StreamedWorkbook book, string name, SubmissionOverview overview, string rosterName, string title, TimeZoneInfo zone,
        ApprovalStatus? approval = null, IReadOnlyDictionary<string, string>? sources = null)
    {
        // The printed sheet shows a hash's first 12 characters (enough to tell files apart by eye); the whole SHA-256
        // stays in the last column, outside the print area, for comparing and for `reports withdraw --sha256`.
        string[] headers = ["序号", "单位代码", "单位名称", "报送情况", "是否按时", "采用的文件", "SHA-256（前12位）", "收到时间", "收到版本数", "错误数", "警告数", "数据来源", "SHA-256"];
        const string Unknown = "（不在名册中或无法识别）";
        var deadline = overview.Deadline is { } due
            ? $"报送截止时间：{TimeZoneInfo.ConvertTime(due, zone):yyyy-MM-dd HH:mm}"
            : "未设定报送截止时间（设置 Reports:Deadline 后显示是否按时）";
        string Status(UnitSubmission unit) => unit.Status switch
        {
            UnitStatus.Accepted => "已报送，已汇总",
            UnitStatus.Rejected => "已报送，退回",
            _ => unit.Versions > 0 ? "未报送（文件无法读取）" : WorkbookStyle.MissingText,
        } + (unit.Pending > 0 ? $"；审定后又报送{unit.Pending}份，待审" : "");

        // Widths first: they precede the rows in the sheet's XML.
        var measure = new ColumnWidths(maximum: 50);
        for (var i = 0; i < headers.Length; i++)
        {
            measure.ObserveHeader(i + 1, headers[i], lines: 2);
        }
        foreach (var unit in overview.Units)
        {
            measure.Observe(2, unit.Unit.Code);
            measure.Observe(3, unit.Unit.Name);
            measure.Observe(4, Status(unit));
            ObserveFile(measure, unit.File, unit.ReceivedAt);
        }
        // The link's own text, whole on one line.
        measure.Observe(12, "查看来源");
        foreach (var file in overview.Unidentified)
        {
            measure.Observe(3, Unknown);
            ObserveFile(measure, file.File, file.Submission?.FileTime);
        }
        var widths = measure.Result();
        widths[1] = 6;
        widths[7] = 16;
        widths[FullHashColumn] = 52;

        var sheet = book.Add(name, widths, frozenRows: HeaderRow, frozenColumns: 3);
        WorkbookStyle.Title(book, sheet, $"{rosterName}报表报送情况",
            $"{overview.Rates.Sentence}{deadline}。收到时间暂为文件的修改时间。" + (approval is null ? "" : $"\n{approval.Line}（{approval.By}）。"), FullHashColumn - 1,
            approval is null ? 30 : 45);
        WorkbookStyle.Headers(book, sheet, HeaderRow, headers, widths, 32);

        // 序号 and 单位代码 are both digits: centred in their columns they do not read as one number. A SHA-256 is for
        // comparing, not reading: a small monospace font keeps the columns narrow.
        var looks = new CellStyle[FullHashColumn + 1];
        for (var c = 1; c <= FullHashColumn; c++)
        {
            looks[c] = c switch
            {
                1 or 2 or 5 => WorkbookStyle.Cell with { Center = true },
                7 => WorkbookStyle.Cell with { Font = "Consolas" },
                8 => WorkbookStyle.Cell with { NumberFormat = WorkbookStyle.DateTimeFormat },
                FullHashColumn => WorkbookStyle.Cell with { Font = "Consolas", Size = 8 },
                _ => WorkbookStyle.Cell,
            };
        }
        var plain = looks.Select((l, c) => c == 0 ? 0 : book.Style(l)).ToArray();
        var grey = looks.Select((l, c) => c == 0 ? 0 : book.Style(c <= 4 ? WorkbookStyle.Missing(l) : l)).ToArray();
        var late = book.Style(WorkbookStyle.Lagging(looks[5]));
        var link = book.Style(WorkbookStyle.Cell with { Underline = true, FontColor = WorkbookStyle.LinkFont });

        var row = HeaderRow + 1;
        foreach (var unit in overview.Units)
        {
            var styles = unit.Status == UnitStatus.Accepted ? plain : grey;
            sheet.Row(row);
            sheet.Number(1, row - HeaderRow, styles[1]);
            CellText.Write(sheet, 2, unit.Unit.Code, styles[2]);
            CellText.Write(sheet, 3, unit.Unit.Name, styles[3]);
            sheet.Text(4, Status(unit), styles[4]);
            sheet.Text(5, unit.OnTime switch { true => "按时", false => "逾期", null => "" }, unit.OnTime == false ? late : styles[5]);
            WriteFile(sheet, row, unit.File, unit.Sha256, unit.ReceivedAt, zone, styles, () =>
            {
                sheet.Number(9, unit.Versions, styles[9]);
                sheet.Number(10, unit.Errors, styles[10]);
                sheet.Number(11, unit.Warnings, styles[11]);
                if (sources?.GetValueOrDefault(unit.Unit.Code) is { } location)
                {
                    // The unit's figures lead to the cells they were read from (on a 来源 continuation sheet past its rows' limit).
                    sheet.Links.Add((row, 12, location, "查看来源"));
                    sheet.Text(12, "查看来源", link);
                }
                else
                {
                    sheet.Blank(12, styles[12]);
                }
            });
            row++;
        }
        foreach (var file in overview.Unidentified)
        {
            sheet.Row(row);
            sheet.Number(1, row - HeaderRow, plain[1]);
            CellText.Write(sheet, 2, file.UnitCode, plain[2]);
            sheet.Text(3, Unknown, plain[3]);
            sheet.Text(4, file.Status switch
            {
                IntakeStatus.Ignored => "未读取（非报表文件）",
                _ => "退回",
            }, plain[4]);
            sheet.Blank(5, plain[5]);
            WriteFile(sheet, row, file.File, file.Sha256.Length > 0 ? file.Sha256 : null, file.Submission?.FileTime, zone, plain, () =>
            {
                sheet.Number(9, 1, plain[9]);
                sheet.Number(10, file.ErrorCount, plain[10]);
                sheet.Number(11, file.WarningCount, plain[11]);
                sheet.Blank(12, plain[12]);
            });
            row++;
        }
        var lastRow = Math.Max(row - 1, HeaderRow);
        sheet.Print = WorkbookStyle.PageSetup(title, HeaderRow, HeaderRow) with { Area = (1, 1, lastRow, FullHashColumn - 1) };
    }

    private static void ObserveFile(ColumnWidths widths, string? file, DateTimeOffset? received)
    {
        widths.Observe(6, file is null ? null : Path.GetFileName(file));
        if (received is not null)
        {
            widths.Observe(8, "2022-07-05 09:00");
        }
    }

    /// <summary>Columns 6 to 8 (file, short hash, receive time), then <paramref name="counts"/> (9 to 12), then the whole hash (13).</summary>
    private static void WriteFile(StreamedSheet sheet, int row, string? file, string? sha256, DateTimeOffset? received, TimeZoneInfo zone, int[] styles, Action counts)
    {
        CellText.Write(sheet, 6, file is null ? null : Path.GetFileName(file), styles[6]);
        CellText.Write(sheet, 7, sha256 is { Length: > ShownHashLength } ? sha256[..ShownHashLength] : sha256, styles[7]);
        if (received is { } at)
        {
            sheet.Number(8, TimeZoneInfo.ConvertTime(at, zone).DateTime.ToOADate(), styles[8]);
        }
        else
        {
            sheet.Blank(8, styles[8]);
        }
        counts();
        CellText.Write(sheet, FullHashColumn, sha256, styles[FullHashColumn]);
    }
}
