using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Reports.Pipeline;
using Reports.Rosters;
using Reports.Tests.Support;

namespace Reports.Tests.Outputs.Workbook;

/// <summary>
/// A small roster where things go wrong: a county writes formulas into its remarks, one leaves last year's
/// figures blank and has found no issues (a zero denominator), one sends late, one sends nothing.
/// </summary>
public sealed class WorkbookEdgeCaseTests : IClassFixture<WorkbookEdgeCaseTests.EdgeRun>
{
    public const string Hyperlink = "=HYPERLINK(\"http://example.com/x\",\"点击查看\")";
    public static readonly RosterUnit Early = new("990101", "甲县");
    public static readonly RosterUnit Late = new("990102", "乙县");
    public static readonly RosterUnit Silent = new("990103", "丙县");
    public static readonly DateTimeOffset Deadline = new(2022, 7, 5, 18, 0, 0, TimeSpan.FromHours(8));

    public sealed class EdgeRun : IDisposable
    {
        private readonly TempDirectory _temp = new();

        public EdgeRun()
        {
            var inbox = _temp.Sub("inbox");
            var roster = Samples.WriteRoster(_temp.Path, Early, Late, Silent);

            var early = Samples.ValuesOf("140403");
            early["remarks"] = Hyperlink;
            early["emp_total_prev"] = "";
            early["emp_outside_prev"] = "";
            early["issues_found"] = "0";
            early["issues_fixed"] = "0";
            var late = Samples.ValuesOf("140404");
            late["remarks"] = "+1";
            late["filled_by"] = "@李强";
            late["phone"] = "-0355-2001379";
            File.SetLastWriteTimeUtc(Samples.WriteFilled(inbox, Early, early), new DateTime(2022, 7, 5, 1, 0, 0, DateTimeKind.Utc));
            File.SetLastWriteTimeUtc(Samples.WriteFilled(inbox, Late, late), new DateTime(2022, 7, 6, 2, 0, 0, DateTimeKind.Utc));
            Values = new Dictionary<string, IReadOnlyDictionary<string, string>> { [Early.Code] = early, [Late.Code] = late };

            Outcome = new RunPipeline(FixedClock.Default).Execute(Samples.Options(roster, inbox, _temp.Sub("out")) with { Deadline = Deadline });
            Path = Outcome.OutputFiles.Single(f => System.IO.Path.GetFileName(f).StartsWith("汇总表-", StringComparison.Ordinal));
            Workbook = new WorkbookReadBack(Path);
        }

        public RunOutcome Outcome { get; }
        public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Values { get; }
        public string Path { get; }
        public WorkbookReadBack Workbook { get; }

        public void Dispose() => _temp.Dispose();
    }

    private readonly EdgeRun _run;

    public WorkbookEdgeCaseTests(EdgeRun run) => _run = run;

    [Fact]
    public void The_run_merges_two_units_and_misses_one()
    {
        Assert.Equal(ExitCode.Incomplete, _run.Outcome.ExitCode);
        Assert.Equal([Early, Late], _run.Outcome.Merge.Accepted.Select(u => u.Unit));
    }

    [Fact]
    public void County_text_that_looks_like_a_formula_stays_text()
    {
        var summary = _run.Workbook["汇总"];
        var remarkColumn = summary.Headers(4)["备注"];
        string[] countyTexts = [Hyperlink, "+1", "@李强", "-0355-2001379"];
        foreach (var text in countyTexts)
        {
            var cells = _run.Workbook.Sheets.SelectMany(s => s.Cells.Values).Where(c => c.Text == text).ToList();
            Assert.NotEmpty(cells);
            Assert.All(cells, c => Assert.Null(c.Formula));
        }
        var (row, _) = summary.Find("甲县");
        Assert.Equal(Hyperlink, summary.Text(row, remarkColumn));

        // In the XML itself: the remark's cell is a shared string with the quote prefix, and has no <f>.
        using var document = SpreadsheetDocument.Open(_run.Path, false);
        var part = (WorksheetPart)document.WorkbookPart!.GetPartById(document.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        var cell = part.Worksheet.Descendants<Cell>().Single(c => c.CellReference == WorkbookReadBack.Reference(row, remarkColumn));
        Assert.Equal(CellValues.SharedString, cell.DataType!.Value);
        Assert.Null(cell.CellFormula);
        Assert.DoesNotContain("<x:f>", cell.OuterXml, StringComparison.Ordinal);
        Assert.DoesNotContain("<f>", cell.OuterXml, StringComparison.Ordinal);
        var format = document.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);
        Assert.True(format.QuotePrefix?.Value);
    }

    [Fact]
    public void Undefined_rates_show_a_dash_and_blank_optional_figures_stay_out_of_the_ratio()
    {
        var roster = new Roster("990000", "测试市", [Early, Late, Silent]);
        var figures = new WorkbookFigures(Samples.Campaign, roster, _run.Values);
        foreach (var name in WorkbookFigures.FigureSheets)
        {
            figures.Check(_run.Workbook[name]);
        }
        // The checks above include these, recomputed independently: 甲县's 整改率 has a zero denominator, and the
        // city's 务工总人数占上年度 counts only 乙县, the one unit that gave last year's figure.
        var fixRate = Samples.Campaign.Indicators.Single(i => i.Code == "fix_rate");
        Assert.Null(figures.Indicator(fixRate, [Early.Code]));
        var ratio = Samples.Campaign.Indicators.Single(i => i.Code == "emp_total_ratio");
        Assert.Equal(figures.Indicator(ratio, [Late.Code]), figures.Indicator(ratio, [Early.Code, Late.Code]));
    }

    [Fact]
    public void Formulas_over_blank_figures_and_zero_denominators_calculate_to_the_values_stored_with_them()
    {
        var (differences, compared) = StoredFormulaValues.Check(_run.Path);
        Assert.Empty(differences);
        Assert.True(compared > 0);
    }

    [Fact]
    public void Missing_units_are_greyed_with_their_status()
    {
        var summary = _run.Workbook["汇总"];
        var (row, column) = summary.Find("丙县");
        Assert.Equal("未报送", summary.Text(row, column + 1));
        var task = _run.Workbook["小额信贷投放"];
        var (taskRow, taskColumn) = task.Find("丙县");
        Assert.Equal("未报送", task.Text(taskRow, taskColumn + 1));
    }

    [Fact]
    public void Submission_sheet_lists_every_unit_with_timeliness_hash_and_receive_time()
    {
        var sheet = _run.Workbook["报送情况"];
        var headers = sheet.Headers(3);
        string Cell(RosterUnit unit, string header) => sheet.Text(sheet.Find(unit.Name).Row, headers[header]) ?? "";

        Assert.Equal("按时", Cell(Early, "是否按时"));
        Assert.Equal("逾期", Cell(Late, "是否按时"));
        Assert.Equal("", Cell(Silent, "是否按时"));
        Assert.Equal("未报送", Cell(Silent, "报送情况"));
        Assert.Equal("", Cell(Silent, "SHA-256"));
        foreach (var unit in new[] { Early, Late })
        {
            var file = _run.Outcome.Intake.Single(f => f.UnitCode == unit.Code);
            Assert.Equal(Path.GetFileName(file.File), Cell(unit, "采用的文件"));
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file.File)));
            Assert.Equal(hash, Cell(unit, "SHA-256"));
            // Printed: the first 12 characters; the whole hash's column lies outside the print area.
            Assert.Equal(hash[..12], Cell(unit, "SHA-256（前12位）"));
            Assert.Equal("1", Cell(unit, "收到版本数"));
        }
        // Received 2022-07-06 02:00 UTC, shown in the clock's zone (UTC in tests) as an Excel date.
        var received = DateTime.FromOADate(double.Parse(Cell(Late, "收到时间"), CultureInfo.InvariantCulture));
        Assert.Equal(new DateTime(2022, 7, 6, 2, 0, 0), received);
        var printArea = _run.Workbook.DefinedNames.Single(n => n.Name == "_xlnm.Print_Area" && n.SheetIndex == (uint)_run.Workbook.Sheets.ToList().IndexOf(sheet)).Text;
        var lastPrintedColumn = WorkbookReadBack.Reference(1, headers["SHA-256"] - 1)[..^1];
        Assert.Equal("L", lastPrintedColumn); // 数据来源; the whole hash is column M
        Assert.Matches($@"^'报送情况'!\$A\$1:\${lastPrintedColumn}\$[0-9]+$", printArea);
    }

    [Fact]
    public void Open_xml_validator_reports_no_errors() => ConsolidatedWorkbookTests.AssertValid(_run.Path);
}
