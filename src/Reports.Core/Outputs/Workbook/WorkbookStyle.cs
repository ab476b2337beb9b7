using System.Drawing;
using OfficeOpenXml;
using OfficeOpenXml.Style;
using Reports.Definitions;

namespace Reports.Outputs.Workbook;

/// <summary>The look every sheet of the workbook shares: colours, number formats, headers, borders and print setup.</summary>
internal static class WorkbookStyle
{
    public static readonly Color HeaderFill = Color.FromArgb(255, 217, 225, 242);
    public static readonly Color TotalFill = Color.FromArgb(255, 242, 242, 242);
    public static readonly Color LaggingFill = Color.FromArgb(255, 255, 199, 206);
    public static readonly Color LaggingFont = Color.FromArgb(255, 156, 0, 6);
    public static readonly Color LeaderFill = Color.FromArgb(255, 198, 239, 206);
    public static readonly Color LeaderFont = Color.FromArgb(255, 0, 97, 0);
    public static readonly Color MissingFill = Color.FromArgb(255, 230, 230, 230);
    public static readonly Color MissingFont = Color.FromArgb(255, 128, 128, 128);

    /// <summary>Chart colours: the bars and the time-progress line.</summary>
    public const string BarColor = "4472C4";
    public const string ProgressLineColor = "C00000";

    public const string MissingText = "未报送";
    public const string RejectedText = "退回";
    public const string AcceptedText = "已汇总";
    public const string LaggingText = "滞后";
    public const string Undefined = "—";

    // The briefing's number style (NumberStyle.Cell): counts whole, 万元 with two decimals, ratios against last year
    // with two decimals, completion rates with one; a rate of exactly 100% shows as 100%, as the briefing prints it.
    public const string CountFormat = "0";
    public const string AmountFormat = "#,##0.00";
    public const string YoyFormat = "[=1]0%;0.00%";
    public const string CompletionFormat = "[=1]0%;0.0%";
    public const string DateTimeFormat = "yyyy-mm-dd hh:mm";

    public static string FormatOf(FieldDefinition field) => field.Kind switch
    {
        FieldKind.Amount => AmountFormat,
        FieldKind.Rate => "0.00%",
        _ => CountFormat,
    };

    public static string FormatOf(IndicatorDefinition indicator) => indicator.Style switch
    {
        IndicatorStyle.Yoy => YoyFormat,
        IndicatorStyle.Completion => CompletionFormat,
        _ => AmountFormat,
    };

    /// <summary>A column header for an indicator: rates carry %, amounts their unit.</summary>
    public static string Header(IndicatorDefinition indicator) =>
        indicator.IsRate && indicator.Style != IndicatorStyle.Amount ? $"{indicator.Label}(%)" : $"{indicator.Label}({indicator.Unit})";

    public static string StatusText(Merge.UnitStatus status) => status switch
    {
        Merge.UnitStatus.Accepted => AcceptedText,
        Merge.UnitStatus.Rejected => RejectedText,
        _ => MissingText,
    };

    /// <summary>A sheet title over the table (row 1) and a line of context under it (row 2).</summary>
    public static void Title(ExcelWorksheet sheet, string title, string subtitle, int lastColumn)
    {
        var span = Math.Max(lastColumn, 6);
        sheet.Cells[1, 1].Value = title;
        sheet.Cells[1, 1, 1, span].Merge = true;
        sheet.Cells[1, 1].Style.Font.Size = 16;
        sheet.Cells[1, 1].Style.Font.Bold = true;
        sheet.Cells[1, 1].Style.HorizontalAlignment = ExcelHorizontalAlignment.Center;
        sheet.Row(1).Height = 28;
        sheet.Cells[2, 1].Value = subtitle;
        sheet.Cells[2, 1, 2, span].Merge = true;
        sheet.Cells[2, 1].Style.WrapText = true;
        sheet.Row(2).Height = 30;
    }

    public static void HeaderCells(ExcelRange range)
    {
        range.Style.Font.Bold = true;
        range.Style.WrapText = true;
        range.Style.HorizontalAlignment = ExcelHorizontalAlignment.Center;
        range.Style.VerticalAlignment = ExcelVerticalAlignment.Center;
        range.Style.Fill.PatternType = ExcelFillStyle.Solid;
        range.Style.Fill.BackgroundColor.SetColor(HeaderFill);
    }

    public static void TotalCells(ExcelRange range)
    {
        range.Style.Font.Bold = true;
        range.Style.Fill.PatternType = ExcelFillStyle.Solid;
        range.Style.Fill.BackgroundColor.SetColor(TotalFill);
    }

    public static void Fill(ExcelRange range, Color fill, Color font)
    {
        range.Style.Fill.PatternType = ExcelFillStyle.Solid;
        range.Style.Fill.BackgroundColor.SetColor(fill);
        range.Style.Font.Color.SetColor(font);
    }

    public static void Borders(ExcelRange range)
    {
        var border = range.Style.Border;
        border.Top.Style = border.Bottom.Style = border.Left.Style = border.Right.Style = ExcelBorderStyle.Thin;
    }

    /// <summary>
    /// A4 landscape, one page wide, the header rows repeated on every page, the workbook's title and the page
    /// number in the page header; panes frozen under the header rows and after the first columns.
    /// </summary>
    public static void PageSetup(ExcelWorksheet sheet, string title, int firstHeaderRow, int lastHeaderRow, int frozenColumns)
    {
        sheet.View.FreezePanes(lastHeaderRow + 1, frozenColumns + 1);
        var printer = sheet.PrinterSettings;
        printer.PaperSize = ePaperSize.A4;
        printer.Orientation = eOrientation.Landscape;
        printer.FitToPage = true;
        printer.FitToWidth = 1;
        printer.FitToHeight = 0;
        printer.HorizontalCentered = true;
        printer.TopMargin = 0.8m;
        printer.BottomMargin = 0.6m;
        printer.LeftMargin = printer.RightMargin = 0.4m;
        printer.HeaderMargin = 0.3m;
        printer.FooterMargin = 0.3m;
        printer.RepeatRows = sheet.Cells[$"{firstHeaderRow}:{lastHeaderRow}"];
        // Header text is a format string: & starts a code, so a literal & is doubled.
        sheet.HeaderFooter.OddHeader.LeftAlignedText = title.Replace("&", "&&", StringComparison.Ordinal);
        sheet.HeaderFooter.OddHeader.RightAlignedText = $"第 {ExcelHeaderFooter.PageNumber} 页，共 {ExcelHeaderFooter.NumberOfPages} 页";
    }
}
