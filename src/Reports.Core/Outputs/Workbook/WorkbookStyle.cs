using Reports.Definitions;
using Reports.Numbers;
using Reports.Outputs.Spreadsheet;

namespace Reports.Outputs.Workbook;

/// <summary>The look every sheet of the workbook shares: colours, number formats, headers, borders and print setup.</summary>
internal static class WorkbookStyle
{
    public const string HeaderFill = "FFD9E1F2";
    public const string TotalFill = "FFF2F2F2";
    public const string LaggingFill = "FFFFC7CE";
    public const string LaggingFont = "FF9C0006";
    public const string LeaderFill = "FFC6EFCE";
    public const string LeaderFont = "FF006100";
    public const string MissingFill = "FFE6E6E6";
    public const string MissingFont = "FF808080";
    public const string LinkFont = "FF0563C1";

    /// <summary>A cell of a table: a thin border all round.</summary>
    public static readonly CellStyle Cell = new(Border: CellBorder.Thin);

    public static readonly CellStyle HeaderCell = Cell with { Bold = true, Fill = HeaderFill, Wrap = true, Center = true };

    public static readonly CellStyle TotalCell = Cell with { Bold = true, Fill = TotalFill };

    /// <summary>A unit not in the merge: grey.</summary>
    public static CellStyle Missing(CellStyle style) => style with { Fill = MissingFill, FontColor = MissingFont };

    /// <summary>A lagging figure (or a late or failing entry): light red.</summary>
    public static CellStyle Lagging(CellStyle style) => style with { Fill = LaggingFill, FontColor = LaggingFont };

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

    /// <summary>A sheet title over the table (row 1) and a line of context under it (row 2), each merged across the table.</summary>
    public static void Title(StreamedWorkbook book, StreamedSheet sheet, string title, string subtitle, int lastColumn, double subtitleHeight = 30)
    {
        var span = Math.Max(lastColumn, 6);
        sheet.Row(1, 28);
        sheet.Text(1, title, book.Style(new CellStyle(Bold: true, Size: 16, Center: true)));
        sheet.Row(2, subtitleHeight);
        sheet.Text(1, subtitle, book.Style(new CellStyle(Wrap: true)));
        sheet.Merges.Add((1, 1, 1, span));
        sheet.Merges.Add((2, 1, 2, span));
    }

    /// <summary>A header row: each text in a bold, filled, bordered, wrapped and centred cell.</summary>
    public static void Headers(StreamedWorkbook book, StreamedSheet sheet, int row, IReadOnlyList<string> headers, double? height = null)
    {
        var style = book.Style(HeaderCell);
        sheet.Row(row, height);
        for (var i = 0; i < headers.Count; i++)
        {
            sheet.Text(i + 1, headers[i], style);
        }
    }

    /// <summary>
    /// A4 landscape, one page wide, the header rows repeated on every page, the workbook's title and the page
    /// number in the page header. (The panes frozen under the header rows are given when the sheet is added.)
    /// </summary>
    public static PrintLayout PageSetup(string title, int firstHeaderRow, int lastHeaderRow) => new()
    {
        TitleRows = (firstHeaderRow, lastHeaderRow),
        CenteredHorizontally = true,
        // Header text is a format string: & starts a code, so a literal & is doubled.
        HeaderLeft = title.Replace("&", "&&", StringComparison.Ordinal),
        HeaderRight = "第 &P 页，共 &N 页",
    };

    /// <summary>
    /// For a sheet too wide for one page (汇总's dozens of columns): a fixed scale instead of fit-to-width, the first
    /// <paramref name="titleColumns"/> columns (which unit a row is) repeated on every page beside the repeated header
    /// rows, and a page break before each group of columns that would not fit on the page, so a task is not split
    /// unless it alone is wider than a page. <paramref name="groups"/> are the column ranges that belong together.
    /// </summary>
    public static PrintLayout PrintAcrossPages(PrintLayout print, IReadOnlyDictionary<int, double> widths, int titleColumns, IEnumerable<(int First, int Last)> groups)
    {
        double Pixels(int column) => widths.GetValueOrDefault(column, ColumnWidths.Default) * 8 + 5;
        // Printable width in pixels of the sheet at 96 dpi (A4 landscape less the margins), shrunk by the scale, less a
        // safety margin, less the repeated columns.
        var page = (297 / 25.4 - (double)(print.Side * 2)) * 96 / (PrintScale / 100.0) * 0.95;
        var budget = page - Enumerable.Range(1, titleColumns).Sum(Pixels);
        var used = 0.0;
        var breaks = new List<int>();
        foreach (var (first, last) in groups)
        {
            for (var column = first; column <= last; column++)
            {
                var width = Pixels(column);
                // A group that fits starts a page when the current one is too full for all of it; a group wider than a
                // page fills pages column by column.
                var groupWidth = column == first ? Enumerable.Range(first, last - first + 1).Sum(Pixels) : width;
                var needed = groupWidth <= budget ? groupWidth : width;
                if (used > 0 && used + needed > budget)
                {
                    breaks.Add(column - 1);
                    used = 0;
                }
                used += width;
            }
        }
        return print with { Scale = PrintScale, TitleColumns = (1, titleColumns), ColumnBreaks = breaks };
    }

    /// <summary>The print scale of a sheet printed across pages: 11 pt 宋体 prints at about 9.4 pt.</summary>
    public const int PrintScale = 85;
}
