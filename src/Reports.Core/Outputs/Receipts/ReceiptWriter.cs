using System.Globalization;
using Reports.Definitions;
using Reports.Diagnostics;
using Reports.Intake;
using Reports.Outputs.Spreadsheet;
using Reports.Periods;
using Reports.Rosters;
using Reports.Templates;
using Reports.Versions;

namespace Reports.Outputs.Receipts;

/// <summary>
/// The receipt (回执) sent back to a county for one file, drawn from the intake result alone — the county's file is
/// never opened again: a "回执" sheet (received when, SHA-256, status, the figures as read); for a return with located
/// findings, the return as read in our template's layout (<see cref="ReceiptReturnSheet"/>) with each failing field
/// filled and commented; and a "核查结果" sheet listing every diagnostic with what to do. County text is always
/// written as text. Every sheet prints on A4, one page wide, its header rows repeated. Written by
/// <see cref="SpreadsheetPackage"/> (no spreadsheet library): a run writes thousands. For `validate`
/// (<see cref="ReceiptPurpose.SelfCheck"/>) the first sheet is a self-check (自查结果) that says the file was not sent.
/// </summary>
/// <param name="roster">Names the unit a file claims (its code alone when absent or not on it).</param>
/// <param name="period">The period the file was checked for, named on the receipt.</param>
public sealed class ReceiptWriter(TimeProvider clock, ReceiptPurpose purpose = ReceiptPurpose.Reception, Roster? roster = null, ReportingPeriod? period = null)
{
    public const string SummarySheet = "回执";
    public const string SelfCheckSheet = "自查结果";
    public const string ReturnSheet = TemplateGenerator.SheetName;
    public const string FindingsSheet = "核查结果";
    public const string CommentAuthor = "市级汇总";
    /// <summary>The self-check's plain word that nothing has reached the city.</summary>
    public const string NotSent = "本文件尚未报送：这是报送前的自查结果，市级尚未收到这份文件。自查通过后，请按规定报送。";

    /// <summary>How a county text longer than a cell holds ends in a receipt: the whole is in the county's own file.</summary>
    public const string CutMark = "…（过长已截断，全文见贵单位原报表）";

    private static readonly CellStyle HeaderStyle = new(Bold: true, Fill: "FFD9E1F2", Border: CellBorder.Thin, Wrap: true, Center: true);
    private static readonly CellStyle Boxed = new(Border: CellBorder.Thin, Top: true);
    private static readonly CellStyle LabelStyle = new(Bold: true, Border: CellBorder.Thin, Top: true);

    /// <summary>What every receipt this writer writes holds alike (styles, workbook, relationships), deflated once.</summary>
    private readonly DeflatedParts _common = new();

    /// <summary>The receipt of <paramref name="received"/> (the file's name as received), whose version the decision left as <paramref name="file"/>.</summary>
    public byte[] Write(string received, DecidedVersion file, ReturnDefinition definition)
    {
        var now = clock.GetLocalNow();
        var title = purpose == ReceiptPurpose.SelfCheck ? "自查结果" : "回执";
        var package = new SpreadsheetPackage($"{title}：{Path.GetFileName(received)}", now, cutMark: CutMark, common: _common);
        WriteSummary(package.Add(purpose == ReceiptPurpose.SelfCheck ? SelfCheckSheet : SummarySheet), received, file, definition, now);
        if (file.Submission is { } submission && file.Diagnostics.Any(d => d.Cell is not null))
        {
            ReceiptReturnSheet.Write(package.Add(ReturnSheet), received, file, submission, definition, period);
        }
        if (file.Diagnostics.Count > 0)
        {
            WriteFindings(package.Add(FindingsSheet), file.Diagnostics, definition);
        }
        return package.ToArray();
    }

    private void WriteSummary(Sheet sheet, string received, DecidedVersion file, ReturnDefinition definition, DateTimeOffset now)
    {
        var selfCheck = purpose == ReceiptPurpose.SelfCheck;
        sheet.Text(1, 1, selfCheck ? "报表自查结果（尚未报送）" : "报表接收回执", new CellStyle(Bold: true, Size: 16));
        sheet.Heights[1] = 28;
        var row = 3;
        if (selfCheck)
        {
            sheet.Text(2, 1, NotSent, new CellStyle(Bold: true, FontColor: "FFC00000", Wrap: true));
            sheet.Merge(2, 1, 2, 5);
            sheet.Heights[2] = 32;
            row = 4;
        }
        var errors = file.ErrorCount;
        var warnings = file.WarningCount;
        var verdict = selfCheck
            ? file.Status switch
            {
                IntakeStatus.Accepted when warnings == 0 => "通过自查，可以报送",
                IntakeStatus.Accepted => $"通过自查，有 {warnings} 条提醒，请核对后报送",
                IntakeStatus.Rejected => $"未通过：有 {errors} 处错误，请按“核查结果”修改后再自查",
                IntakeStatus.Superseded => "通过自查，但同一单位另有更新的文件，报送时以更新的为准",
                IntakeStatus.Duplicate => "与另一份自查的文件完全相同",
                _ => "未读取：不是报表文件",
            }
            : file.Status switch
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
            ("文件", Path.GetFileName(received)),
            // When the office first received these bytes (the store's record), else now: a re-run never re-dates a receipt.
            (selfCheck ? "自查时间" : "接收时间", (!selfCheck && file.ReceivedAt is { } receivedAt ? TimeZoneInfo.ConvertTime(receivedAt, clock.LocalTimeZone) : now)
                .ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
            ("SHA-256", file.Sha256.Length > 0 ? file.Sha256 : "（文件无法读取）"),
            ("报表", $"{definition.Title}（{definition.Code}）"),
            ("报告期", period?.Chinese ?? "（未指定）"),
            ("单位代码", file.UnitCode is { } unit ? unit : "（无法识别）"),
            ("单位名称", file.UnitCode is { } code && roster?.Find(code) is { } named ? named.Name : "（不在名册中或无法识别）"),
            ("结果", verdict),
        ];
        double[] widths = [22, 34, 16, 10, 16];
        foreach (var (label, value) in facts)
        {
            sheet.Text(row, 1, label, LabelStyle);
            sheet.Text(row, 2, value, Boxed with { NumberFormat = "@", Wrap = true });
            sheet.Restyle(row, 3, row, 5, _ => Boxed);
            sheet.Merge(row, 2, row, 5);
            // A long file name wraps in the merged cells: the row as high as its lines (no reader grows it on its own).
            SetHeight(sheet, row, [(value, widths[1..].Sum())]);
            row++;
        }

        var titleRows = ((int, int)?)null;
        if (file.Submission is { } submission)
        {
            row++;
            sheet.Text(row, 1, "读取到的数值", new CellStyle(Bold: true));
            row++;
            titleRows = (row, row);
            Header(sheet, row++, ["字段代码", "指标名称", "数值", "计量单位", "原表位置"]);
            foreach (var field in definition.Fields)
            {
                sheet.Text(row, 1, field.Code, Boxed);
                sheet.Text(row, 2, field.Label, Boxed with { Wrap = true });
                ValueAsRead.Put(sheet, row, 3, submission, field, Boxed with { Wrap = true });
                sheet.Text(row, 4, field.Unit, Boxed);
                sheet.Text(row, 5, ValueAsRead.Location(submission, field.Code) ?? ValueAsRead.NotFound, Boxed with { NumberFormat = "@" });
                SetHeight(sheet, row, [(field.Label, widths[1]), (sheet.At(row, 3)?.Text, widths[2])]);
                row++;
            }
        }
        for (var i = 0; i < widths.Length; i++)
        {
            sheet.Widths[i + 1] = widths[i];
        }
        sheet.Print = PrintLayout(landscape: false, titleRows, selfCheck ? "报表自查结果（尚未报送）" : "报表接收回执");
    }

    private static void WriteFindings(Sheet sheet, IReadOnlyList<Diagnostic> diagnostics, ReturnDefinition definition)
    {
        Header(sheet, 1, ["序号", "代码", "级别", "工作表", "单元格", "字段", "说明", "怎么做"]);
        var row = 2;
        var wrapped = Boxed with { Wrap = true };
        // 说明 and 怎么做 wrap within the page: one landscape A4 page wide at a legible scale.
        double[] widths = [6, 8, 6, 8, 8, 16, 45, 45];
        foreach (var diagnostic in diagnostics)
        {
            var advice = DiagnosticCatalog.Find(diagnostic.Code)?.Advice ?? "";
            sheet.Number(row, 1, row - 1, Boxed with { Center = true });
            sheet.Text(row, 2, diagnostic.Code, Boxed);
            sheet.Text(row, 3, DiagnosticCatalogDocument.SeverityName(diagnostic.Severity), diagnostic.IsError ? Boxed with { FontColor = "FFC00000" } : Boxed);
            sheet.Text(row, 4, diagnostic.Sheet ?? "", wrapped);
            sheet.Text(row, 5, diagnostic.Cell ?? "", Boxed);
            sheet.Text(row, 6, diagnostic.Field ?? "", wrapped);
            sheet.Text(row, 7, diagnostic.Message, wrapped);
            sheet.Text(row, 8, advice, wrapped);
            // Rows as high as their wrapped text, computed here: LibreOffice and WPS do not grow them on open, and
            // text taller than its row would print over the next.
            SetHeight(sheet, row, [(diagnostic.Sheet, widths[3]), (diagnostic.Field, widths[5]), (diagnostic.Message, widths[6]), (advice, widths[7])]);
            row++;
        }
        for (var i = 0; i < widths.Length; i++)
        {
            sheet.Widths[i + 1] = widths[i];
        }
        sheet.FrozenRows = 1;
        sheet.Print = PrintLayout(landscape: true, (1, 1), $"{definition.Title}：核查结果");
    }

    /// <summary>
    /// The row's height from its wrapped texts (15 points a line, as the workbook's rows), set only when it takes more
    /// than a line; capped at what a row may be (409 points).
    /// </summary>
    private static void SetHeight(Sheet sheet, int row, IEnumerable<(string? Text, double Width)> cells)
    {
        var height = TextMeasure.RowHeight(cells);
        if (height > 15)
        {
            sheet.Heights[row] = Math.Min(height, MaxRowHeight);
        }
    }

    /// <summary>The tallest row Excel allows, in points.</summary>
    private const double MaxRowHeight = 409;

    /// <summary>A receipt sheet's print: A4 one page wide, the header rows repeated, its title above and the page number below.</summary>
    internal static PrintLayout PrintLayout(bool landscape, (int First, int Last)? titleRows, string header) => new()
    {
        Landscape = landscape,
        TitleRows = titleRows,
        Side = 0.5m,
        HeaderCenter = Spreadsheet.PrintLayout.Literal(header),
        FooterCenter = Spreadsheet.PrintLayout.PageNumber,
    };

    private static void Header(Sheet sheet, int row, string[] headers)
    {
        for (var i = 0; i < headers.Length; i++)
        {
            sheet.Text(row, i + 1, headers[i], HeaderStyle);
        }
    }
}
