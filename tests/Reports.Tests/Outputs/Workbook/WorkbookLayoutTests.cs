using System.Globalization;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Reports.Definitions;
using Reports.Outputs.Spreadsheet;
using Reports.Outputs.Workbook;
using Reports.Tests.Support;

namespace Reports.Tests.Outputs.Workbook;

/// <summary>
/// What a person sees of the sample's workbook, read back from the file: headers broken where a typesetter would
/// break them, rows no taller than they need to be (and never a page tall), the link text whole, the audit sheets
/// printed legibly across pages, the task charts colouring lagging bars, 序号 alike on every sheet.
/// </summary>
[Collection(SampleRunsCollection.Name)]
public sealed class WorkbookLayoutTests
{
    private const string Closing = ")）]】》”’」』、，。：；！？%";
    private const string Opening = "(（[【《“‘「『";

    private readonly SampleRun _sample;

    public WorkbookLayoutTests(SampleRuns runs) => _sample = runs.Campaign;

    /// <summary>Each column's width as the sheet stores it.</summary>
    private static Dictionary<int, double> Widths(WorksheetPart part) => part.Worksheet.Descendants<Column>()
        .SelectMany(c => Enumerable.Range((int)c.Min!.Value, (int)(c.Max!.Value - c.Min.Value + 1)).Select(i => (Column: i, c.Width!.Value)))
        .ToDictionary(c => c.Column, c => c.Value);

    [Theory]
    [InlineData("投放金额(万元)", 9)]
    [InlineData("完成“百日攻坚”目标任务(%)", 12)]
    [InlineData("SHA-256（前12位）", 10)]
    [InlineData("其中：省外务工人数(人)", 10)]
    public void A_header_breaks_never_before_a_closing_mark_after_an_opening_one_or_inside_a_latin_run(string header, double width)
    {
        var lines = ColumnWidths.Break(header, width).Split('\n');
        Assert.True(lines.Length > 1, "the header is wider than the column: it must break");
        Assert.Equal(header, string.Concat(lines));
        Assert.All(lines.Skip(1), line => Assert.DoesNotContain(line[0], Closing));
        Assert.All(lines.SkipLast(1), line => Assert.DoesNotContain(line[^1], Opening));
        Assert.DoesNotContain(lines, line => line.EndsWith("SHA", StringComparison.Ordinal) || line.StartsWith("256", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_header_line_fits_its_column_and_none_starts_with_a_closing_bracket_or_quotation_mark()
    {
        var checkedHeaders = 0;
        foreach (var sheet in _sample.Workbook.Sheets.Where(s => s.Name != "说明"))
        {
            var widths = Widths(sheet.Part);
            var rows = sheet.Name == "汇总" ? new[] { 3, 4 } : [3];
            foreach (var cell in sheet.Cells.Values.Where(c => rows.Contains(WorkbookReadBack.RowOf(c.Reference)) && c.Text is { Length: > 0 }))
            {
                var column = WorkbookReadBack.ColumnOf(cell.Reference);
                var merged = sheet.Name == "汇总" && WorkbookReadBack.RowOf(cell.Reference) == 3 && column >= 5; // a task heading spans its columns
                var lines = cell.Text!.Split('\n');
                Assert.All(lines.Skip(1), line => Assert.True(!Closing.Contains(line[0]), $"{sheet.Name}!{cell.Reference}: a line starts with “{line[0]}”"));
                Assert.All(lines.SkipLast(1), line => Assert.True(!Opening.Contains(line[^1]), $"{sheet.Name}!{cell.Reference}: a line ends with “{line[^1]}”"));
                if (!merged)
                {
                    // Each line fits the column (less a digit of padding): no reader wraps it again where it likes.
                    Assert.All(lines, line => Assert.True(TextMeasure.Width(line) <= widths[column] - 1,
                        $"{sheet.Name}!{cell.Reference}: “{line}” is wider than its column ({widths[column]})"));
                }
                checkedHeaders++;
            }
        }
        Assert.True(checkedHeaders > 100, $"{checkedHeaders} headers");
    }

    [Fact]
    public void A_summary_row_grows_for_its_remarks_only_up_to_four_lines()
    {
        var summary = _sample.Workbook["汇总"];
        var widths = Widths(summary.Part);
        var textColumns = summary.Headers(4).Where(h => h.Key.Replace("\n", "", StringComparison.Ordinal) is "情况说明" or "备注").Select(h => h.Value).ToList();
        Assert.NotEmpty(textColumns);
        var heights = summary.Part.Worksheet.Descendants<Row>().ToDictionary(r => (int)r.RowIndex!.Value, r => r.Height?.Value);
        var tall = 0;
        for (var row = 5; row < 5 + Samples.Changzhi.Units.Count; row++)
        {
            // Lines the remarks take in their columns, counted here from the texts: 15 points a line.
            var lines = textColumns.Max(c => summary.Text(row, c) is { } text
                ? text.Split('\n').Sum(l => Math.Max(1, Math.Ceiling(TextMeasure.Width(l) / (widths[c] - 1))))
                : 1);
            var expected = lines > 1 ? Math.Min(60, 15 * lines) : (double?)null;
            Assert.Equal(expected, heights[row]);
            tall += lines > 4 ? 1 : 0;
        }
        Assert.True(tall > 0, "the sample has a remark longer than four lines (潞城区's 情况说明)");
    }

    [Fact]
    public void The_link_to_a_units_sources_shows_whole()
    {
        var sheet = _sample.Workbook["报送情况"];
        var (row, column) = sheet.Find("查看来源");
        Assert.True(row > 3);
        Assert.True(Widths(sheet.Part)[column] >= TextMeasure.Width("查看来源") + 1);
    }

    [Theory]
    [InlineData("数据核查", "$A:$C")]
    [InlineData("来源", "$A:$B")]
    [InlineData("汇总", "$A:$D")]
    public void An_audit_sheet_prints_like_the_summary_across_pages_at_sixty_percent_or_more_with_its_unit_columns_repeated(string name, string columns)
    {
        var sheet = _sample.Workbook[name];
        var worksheet = sheet.Part.Worksheet;
        Assert.False(worksheet.SheetProperties!.PageSetupProperties!.FitToPage!.Value);
        Assert.InRange(worksheet.GetFirstChild<PageSetup>()!.Scale!.Value, 60u, 100u);
        var index = (uint)_sample.Workbook.Sheets.ToList().IndexOf(sheet);
        var titles = _sample.Workbook.DefinedNames.Single(n => n.Name == "_xlnm.Print_Titles" && n.SheetIndex == index).Text;
        Assert.Contains($"!{columns}", titles, StringComparison.Ordinal);
        Assert.Contains(name == "汇总" ? "!$3:$4" : "!$3:$3", titles, StringComparison.Ordinal);
    }

    [Fact]
    public void Task_charts_colour_the_lagging_units_bars_as_the_briefing_does_and_stand_their_labels_on_white()
    {
        XNamespace c = "http://schemas.openxmlformats.org/drawingml/2006/chart";
        XNamespace a = "http://schemas.openxmlformats.org/drawingml/2006/main";
        var coloured = 0;
        using var document = SpreadsheetDocument.Open(_sample.WorkbookPath, false);
        var workbook = document.WorkbookPart!;
        foreach (var entry in workbook.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>())
        {
            var sheet = _sample.Workbook[entry.Name!.Value!];
            var charts = ((WorksheetPart)workbook.GetPartById(entry.Id!)).DrawingsPart?.ChartParts ?? [];
            foreach (var part in charts)
            {
                var chart = XDocument.Load(part.GetStream());
                var bars = chart.Descendants(c + "barChart").Single().Element(c + "ser")!;
                var line = chart.Descendants(c + "lineChart").Single().Element(c + "ser")!;
                // The flag column (滞后) follows the progress column the line is drawn from.
                var progress = line.Element(c + "val")!.Descendants(c + "f").Single().Value;
                var flagColumn = WorkbookReadBack.ColumnOf(progress.Split('!')[1].Split(':')[0].Replace("$", "", StringComparison.Ordinal)) + 1;
                Assert.Equal("进度", sheet.Text(3, flagColumn));
                var lagging = Enumerable.Range(0, Samples.Changzhi.Units.Count).Where(i => sheet.Text(4 + i, flagColumn) == "滞后").ToHashSet();
                var points = bars.Elements(c + "dPt").ToDictionary(p => int.Parse(p.Element(c + "idx")!.Attribute("val")!.Value, CultureInfo.InvariantCulture),
                    p => p.Descendants(a + "srgbClr").Single().Attribute("val")!.Value);
                Assert.Equal(lagging.Order(), points.Keys.Order());
                Assert.All(points.Values, colour => Assert.Equal("D05A2C", colour)); // the briefing's Typography.ChartBarHighlight
                coloured += points.Count;
                var labelFill = bars.Element(c + "dLbls")!.Element(c + "spPr")!.Element(a + "solidFill")!.Element(a + "srgbClr")!.Attribute("val")!.Value;
                Assert.Equal("FFFFFF", labelFill);
            }
        }
        Assert.True(coloured > 0, "the sample has lagging units");
    }

    [Fact]
    public void Index_numbers_are_centred_alike_on_every_sheet()
    {
        using var document = SpreadsheetDocument.Open(_sample.WorkbookPath, false);
        var formats = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var sheets = 0;
        foreach (var sheet in _sample.Workbook.Sheets)
        {
            var header = sheet.Cells.Values.FirstOrDefault(c => c.Text == "序号" && WorkbookReadBack.RowOf(c.Reference) <= 3);
            if (header is null)
            {
                continue;
            }
            var column = WorkbookReadBack.ColumnOf(header.Reference);
            var numbers = sheet.Part.Worksheet.Descendants<Cell>()
                .Where(cell => WorkbookReadBack.ColumnOf(cell.CellReference!.Value!) == column && cell.DataType is null && cell.CellValue is not null)
                .ToList();
            Assert.NotEmpty(numbers);
            Assert.All(numbers, cell => Assert.Equal(HorizontalAlignmentValues.Center, formats[(int)cell.StyleIndex!.Value].Alignment?.Horizontal?.Value));
            sheets++;
        }
        Assert.True(sheets >= 9, $"{sheets} sheets with 序号");
    }

    [Fact]
    public void Every_label_of_every_bundled_return_writes_its_colon_full_width()
    {
        var labels = Directory.GetFiles(Path.Combine(RepositoryPaths.Templates, "returns"), "*.json")
            .Select(ReturnDefinitionLoader.Load)
            .SelectMany(d => d.Fields.Select(f => f.Label))
            .ToList();
        Assert.Contains(labels, l => l.StartsWith("其中：", StringComparison.Ordinal));
        Assert.DoesNotContain(labels, l => l.Contains(':', StringComparison.Ordinal));
    }
}
