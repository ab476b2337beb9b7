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

    /// <summary>The workbook's font: a name Excel and WPS both map on Chinese Windows (and LibreOffice substitutes).</summary>
    public const string FontName = "宋体";

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
    /// Every font the sheets' styles made from EPPlus's built-in Calibri becomes <see cref="FontName"/> (a deliberate
    /// other font, such as the hash column's Consolas, stays): the Normal style alone does not reach them.
    /// </summary>
    public static void ChineseFonts(ExcelWorkbook workbook)
    {
        foreach (var font in workbook.Styles.Fonts)
        {
            if (font.Name is "Calibri" or "" or null)
            {
                font.Name = FontName;
            }
        }
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

    /// <summary>
    /// For a sheet too wide for one page (汇总's dozens of columns): a fixed scale instead of fit-to-width, the first
    /// <paramref name="titleColumns"/> columns (which unit a row is) repeated on every page beside the repeated header
    /// rows, and a page break before each group of columns that would not fit on the page, so a task is not split
    /// unless it alone is wider than a page. <paramref name="groups"/> are the column ranges that belong together.
    /// </summary>
    public static void PrintAcrossPages(ExcelWorksheet sheet, int titleColumns, IEnumerable<(int First, int Last)> groups)
    {
        var printer = sheet.PrinterSettings;
        printer.FitToPage = false;
        printer.Scale = PrintScale;
        printer.RepeatColumns = sheet.Cells[$"A:{ExcelCellAddress.GetColumnLetter(titleColumns)}"];
        // Printable width in pixels of the sheet at 96 dpi (A4 landscape less the margins), shrunk by the scale, less a
        // safety margin, less the repeated columns.
        var page = (297 / 25.4 - (double)(printer.LeftMargin + printer.RightMargin)) * 96 / (PrintScale / 100.0) * 0.95;
        var budget = page - Enumerable.Range(1, titleColumns).Sum(c => Pixels(sheet, c));
        var used = 0.0;
        foreach (var (first, last) in groups)
        {
            for (var column = first; column <= last; column++)
            {
                var width = Pixels(sheet, column);
                // A group that fits starts a page when the current one is too full for all of it; a group wider than a
                // page fills pages column by column.
                var groupWidth = column == first ? Enumerable.Range(first, last - first + 1).Sum(c => Pixels(sheet, c)) : width;
                var needed = groupWidth <= budget ? groupWidth : width;
                if (used > 0 && used + needed > budget)
                {
                    sheet.Column(column - 1).PageBreak = true;
                    used = 0;
                }
                used += width;
            }
        }
    }

    /// <summary>The print scale of a sheet printed across pages: 11 pt 宋体 prints at about 9.4 pt.</summary>
    public const int PrintScale = 85;

    // Excel's column width is in digit widths plus 5 px of padding; a digit of 11 pt 宋体 is 7 px in Excel, about 8 in
    // LibreOffice's substitute, so 8 keeps a page's columns on the page in either.
    private static double Pixels(ExcelWorksheet sheet, int column) => sheet.Column(column).Width * 8 + 5;
}
