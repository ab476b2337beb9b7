using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using OfficeOpenXml;
using Reports.Rosters;
using Reports.Tests.Support;

namespace Reports.Tests.Outputs.Workbook;

/// <summary>
/// The consolidated workbook of the bundled sample, read back with the Open XML SDK: every figure and formula
/// against the value sheet, the workbook's validity, its charts, print setup and flags.
/// </summary>
[Collection(SampleRunsCollection.Name)]
public sealed partial class ConsolidatedWorkbookTests
{
    private readonly SampleRun _sample;

    public ConsolidatedWorkbookTests(SampleRuns runs) => _sample = runs.Campaign;

    private static WorkbookFigures SampleFigures => new(Samples.Campaign, Samples.Changzhi, Samples.SampleValues);

    [Fact]
    public void Sheets_are_the_summary_a_sheet_per_task_and_the_audit_sheets()
    {
        Assert.Equal([.. WorkbookFigures.FigureSheets, "报送情况", "来源", "数据核查", "说明"], _sample.Workbook.Sheets.Select(s => s.Name));
    }

    [Fact]
    public void Every_figure_and_every_formula_value_equals_its_recomputation_from_the_value_sheet()
    {
        var figures = SampleFigures;
        var formulas = WorkbookFigures.FigureSheets.Sum(name => figures.Check(_sample.Workbook[name]));
        // 汇总: 12 units × 11 indicators + 28 field totals + 11 indicator totals; the task sheets repeat them.
        Assert.Equal(2 * (12 * 11 + 28 + 11), formulas);
        foreach (var sheet in _sample.Workbook.Sheets.Where(s => !WorkbookFigures.FigureSheets.Contains(s.Name)))
        {
            Assert.DoesNotContain(sheet.Cells.Values, c => c.Formula is not null);
        }
    }

    [Fact]
    public void Every_formula_calculates_to_the_value_stored_with_it()
    {
        var (differences, compared) = StoredFormulaValues.Check(_sample.WorkbookPath);
        Assert.Empty(differences);
        Assert.Equal(2 * (12 * 11 + 28 + 11), compared);
    }

    [Fact]
    public void Totals_are_live_formulas_sum_and_ratio_of_sums()
    {
        var summary = _sample.Workbook["汇总"];
        var totalRow = summary.Find("长治市合计").Row;
        var totals = summary.Cells.Values.Where(c => WorkbookReadBack.RowOf(c.Reference) == totalRow && c.Formula is not null).ToList();
        Assert.Contains(totals, c => SumOfUnitRows().IsMatch(c.Formula!));
        // 资金项目匹配率 = Σ已落实 / Σ投入, the total row's own sums, with "—" for a zero denominator.
        Assert.Contains(totals, c => RatioOfTotals().IsMatch(c.Formula!));
        Assert.DoesNotContain(totals, c => c.Formula!.Contains("AVERAGE", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Open_xml_validator_reports_no_errors()
    {
        AssertValid(_sample.WorkbookPath);
    }

    [Fact]
    public void Each_tracked_rate_has_a_bar_chart_with_solid_fills_and_the_time_progress_line()
    {
        // Tracked rates: 完成“百日攻坚”目标任务, 完成年度投放任务, 完成消费帮扶目标任务.
        var tracked = Samples.Campaign.Indicators.Where(i => i.Progress is not null).ToList();
        Assert.Equal(tracked.Count, _sample.Workbook.ChartXml.Count);
        XNamespace c = "http://schemas.openxmlformats.org/drawingml/2006/chart";
        XNamespace a = "http://schemas.openxmlformats.org/drawingml/2006/main";
        foreach (var xml in _sample.Workbook.ChartXml)
        {
            var chart = XDocument.Parse(xml);
            var bars = chart.Descendants(c + "barChart").Single().Elements(c + "ser").Single();
            var line = chart.Descendants(c + "lineChart").Single().Elements(c + "ser").Single();
            // Explicit fills: LibreOffice draws no bars without them.
            Assert.NotNull(bars.Element(c + "spPr")?.Element(a + "solidFill")?.Element(a + "srgbClr"));
            Assert.NotNull(line.Element(c + "spPr")?.Element(a + "ln")?.Element(a + "solidFill"));
            var units = bars.Element(c + "cat")!.Descendants(c + "v").Select(v => v.Value);
            Assert.Equal(Samples.Changzhi.Units.Select(u => u.Name), units);
            Assert.Equal(12, bars.Element(c + "val")!.Descendants(c + "pt").Count());
            Assert.Contains(tracked, i => chart.Descendants(a + "t").Any(t => t.Value.StartsWith(i.Label, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Every_sheet_prints_a4_landscape_one_page_wide_with_repeated_headers_title_and_page_numbers()
    {
        foreach (var sheet in _sample.Workbook.Sheets)
        {
            var worksheet = sheet.Part.Worksheet;
            var setup = worksheet.GetFirstChild<PageSetup>()!;
            Assert.Equal(9u, setup.PaperSize!.Value); // A4
            Assert.Equal(OrientationValues.Landscape, setup.Orientation!.Value);
            if (sheet.Name is "汇总" or "数据核查" or "来源")
            {
                // Too wide for one page: across pages at a fixed scale (their own tests, here and in WorkbookLayoutTests).
                Assert.False(worksheet.SheetProperties!.PageSetupProperties!.FitToPage!.Value);
                Assert.InRange(setup.Scale!.Value, 60u, 100u);
            }
            else
            {
                Assert.Equal(1u, setup.FitToWidth!.Value);
                Assert.Equal(0u, setup.FitToHeight!.Value);
                Assert.True(worksheet.SheetProperties!.PageSetupProperties!.FitToPage!.Value);
            }
            var header = worksheet.GetFirstChild<HeaderFooter>()!.OddHeader!.Text;
            Assert.Contains("&P", header, StringComparison.Ordinal);
            Assert.Contains("&N", header, StringComparison.Ordinal);
            Assert.Contains("汇总表", header, StringComparison.Ordinal);
            var index = (uint)_sample.Workbook.Sheets.ToList().IndexOf(sheet);
            Assert.Contains(_sample.Workbook.DefinedNames, n => n.Name == "_xlnm.Print_Titles" && n.SheetIndex == index);
            if (sheet.Name != "说明")
            {
                Assert.Equal(PaneStateValues.Frozen, worksheet.Descendants<Pane>().Single().State!.Value);
            }
        }
    }

    [Fact]
    public void The_summary_prints_across_pages_at_a_legible_scale_with_the_unit_columns_and_header_rows_on_each()
    {
        using var package = new ExcelPackage(new FileInfo(_sample.WorkbookPath));
        var sheet = package.Workbook.Worksheets["汇总"];
        var printer = sheet.PrinterSettings;
        Assert.False(printer.FitToPage);
        // At 60% or more an 11 pt cell prints at 6.6 pt or more (a third of the old fit-to-one-page size is about 3 pt).
        Assert.InRange(printer.Scale, 60, 100);
        Assert.Equal(11f, package.Workbook.Styles.NamedStyles[0].Style.Font.Size);
        Assert.Equal("$A:$D", printer.RepeatColumns.Address);
        Assert.Equal("$3:$4", printer.RepeatRows.Address);
        Assert.Equal(["序号", "单位代码", "单位名称", "报送状态"], Enumerable.Range(1, 4).Select(c => WorkbookReadBack.Unbroken(sheet.Cells[3, c].Text)));
        Assert.Equal(Samples.Changzhi.Units.Select(u => u.Name), Enumerable.Range(5, Samples.Changzhi.Units.Count).Select(r => sheet.Cells[r, 3].Text));
        // The title rows would print cut up by the repeated columns: the print area starts at the header rows.
        Assert.Equal(3, printer.PrintArea.Start.Row);
        Assert.Equal(sheet.Dimension.End.Column, printer.PrintArea.End.Column);
        // Page breaks fall between tasks: never inside a task's merged heading, and each page holds some of the columns.
        var breaks = Enumerable.Range(5, sheet.Dimension.End.Column - 5).Where(c => sheet.Column(c).PageBreak).ToList();
        Assert.NotEmpty(breaks);
        foreach (var column in breaks)
        {
            var heading = sheet.MergedCells.Select(a => new ExcelAddress(a)).SingleOrDefault(a => a.Start.Row == 3 && a.Start.Column <= column && a.End.Column >= column);
            Assert.True(heading is null || heading.End.Column == column, $"a page break inside the task heading {heading?.Address}");
        }
        // Each page's columns, the repeated ones included, fit A4 landscape less the margins (10.89 inches at 96 dpi)
        // at the scale, in Excel's pixels (7 per digit width of an 11 pt font, 5 of padding).
        double Pixels(int column) => sheet.Column(column).Width * 7 + 5;
        var first = 5;
        foreach (var last in breaks.Append(sheet.Dimension.End.Column))
        {
            var page = Enumerable.Range(1, 4).Concat(Enumerable.Range(first, last - first + 1)).Sum(Pixels);
            Assert.InRange(page, 1, (297 / 25.4 - 0.8) * 96 / (printer.Scale / 100.0));
            first = last + 1;
        }
        Assert.DoesNotContain("表表", sheet.Cells[1, 1].Text, StringComparison.Ordinal);
        Assert.Contains("报告期：2022年6月", sheet.Cells[2, 1].Text, StringComparison.Ordinal);
        Assert.Contains("时序进度：100%", sheet.HeaderFooter.OddFooter.LeftAlignedText, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_font_of_the_workbook_is_song_but_the_hash_columns_monospace_and_excel_is_not_asked_to_recalculate()
    {
        using var document = SpreadsheetDocument.Open(_sample.WorkbookPath, false);
        var fonts = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>()
            .Select(f => f.GetFirstChild<FontName>()!.Val!.Value).ToList();
        Assert.Equal("宋体", fonts[0]); // the Normal style's, which every cell without a style of its own inherits
        Assert.All(fonts, f => Assert.Contains(f, new[] { "宋体", "Consolas" }));
        using var package = new ExcelPackage(new FileInfo(_sample.WorkbookPath));
        Assert.Equal("宋体", package.Workbook.Styles.NamedStyles[0].Style.Font.Name);
        Assert.All(package.Workbook.Worksheets, s => Assert.Equal("宋体", s.Cells[3, 1].Style.Font.Name));
        // The stored values are the merge's figures, which every formula calculates to (checked above), so Excel need not recalculate on open.
        Assert.NotEqual(true, document.WorkbookPart.Workbook.CalculationProperties?.FullCalculationOnLoad?.Value);
    }

    [Fact]
    public void Task_sheets_rank_and_flag_lagging_units_as_recomputed_from_the_value_sheet()
    {
        var sheet = _sample.Workbook["小额信贷投放"];
        var headers = sheet.Headers(3);
        var figures = SampleFigures;
        var indicator = Samples.Campaign.Indicators.Single(i => i.Code == "loan_campaign_rate");
        var rates = Samples.Changzhi.Units.ToDictionary(u => u.Code, u => figures.Indicator(indicator, [u.Code])!.Value);
        // The window ends with the period (2022-06-30), so time progress is 100%.
        var progress = 1m;
        var rankColumn = headers[indicator.Label + "排名"];
        var flagColumn = headers["进度"];
        var lagging = 0;
        for (var i = 0; i < Samples.Changzhi.Units.Count; i++)
        {
            var unit = Samples.Changzhi.Units[i];
            var row = 4 + i;
            Assert.Equal(unit.Name, sheet.Text(row, 2));
            var expectedRank = 1 + rates.Values.Count(r => r > rates[unit.Code]);
            Assert.Equal(expectedRank, sheet[WorkbookReadBack.Reference(row, rankColumn)]!.Number);
            var behind = rates[unit.Code] < progress;
            lagging += behind ? 1 : 0;
            Assert.Equal(behind ? "滞后" : null, sheet.Text(row, flagColumn) is { Length: > 0 } flag ? flag : null);
        }
        Assert.InRange(lagging, 1, 11); // the sample has laggards and leaders
        // Conditional formatting shades the rate by the flag and the rank, and greys units not merged.
        var rules = sheet.Part.Worksheet.Descendants<ConditionalFormattingRule>().Select(r => r.GetFirstChild<Formula>()!.Text).ToList();
        Assert.Contains(rules, f => f.Contains("=\"滞后\"", StringComparison.Ordinal));
        Assert.Contains(rules, f => f.Contains("=1,COUNTIF(", StringComparison.Ordinal));
        Assert.Contains(rules, f => f.Contains("<>\"已汇总\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Number_formats_follow_the_briefing()
    {
        using var document = SpreadsheetDocument.Open(_sample.WorkbookPath, false);
        var stylesheet = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var formats = stylesheet.NumberingFormats!.Elements<NumberingFormat>().Select(f => f.FormatCode!.Value).ToList();
        Assert.Contains(stylesheet.CellFormats!.Elements<CellFormat>(), f => f.NumberFormatId?.Value == 4); // built-in #,##0.00: 万元, two decimals
        Assert.Contains("[=1]0%;0.0%", formats);   // completion: 121.9%, exactly 100% as 100%
        Assert.Contains("[=1]0%;0.00%", formats);  // against last year: 105.28%
    }

    [Fact]
    public void The_notes_sheet_explains_each_indicator_the_window_and_the_run()
    {
        var notes = _sample.Workbook["说明"];
        var texts = notes.Cells.Values.Select(c => c.Text).Where(t => t is not null).ToList();
        foreach (var indicator in Samples.Campaign.Indicators)
        {
            Assert.Contains(indicator.Code, texts);
        }
        Assert.Contains("Σ已落实到项目的资金 ÷ Σ投入财政衔接资金", texts);
        Assert.Contains(texts, t => t!.StartsWith("2022-03-22至2022-06-30，共 101 天", StringComparison.Ordinal));
        Assert.Contains("2022-07-05 09:00:00", texts); // the injected clock
    }

    internal static void AssertValid(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();
        Assert.Empty(errors);
    }

    [GeneratedRegex(@"^SUM\([A-Z]+5:[A-Z]+16\)$")]
    private static partial Regex SumOfUnitRows();

    [GeneratedRegex("""^IF\([A-Z]+17=0,"—",[A-Z]+17/[A-Z]+17\)$""")]
    private static partial Regex RatioOfTotals();
}
