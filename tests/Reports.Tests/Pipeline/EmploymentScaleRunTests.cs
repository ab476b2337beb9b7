using System.Globalization;
using OfficeOpenXml;
using Reports.Diagnostics;
using Reports.Intake;
using Reports.Pipeline;
using Reports.Templates;
using Reports.Tests.Support;

namespace Reports.Tests.Pipeline;

/// <summary>
/// The employment-scale sample (郑州市, 2022), merged end to end, reproduces the published figures (seed 000):
/// 24184 people in work, 110.63% of the province's target; the sum rule and the 雨露计划 threshold hold.
/// </summary>
[Collection(SampleRunsCollection.Name)]
public sealed class EmploymentScaleRunTests
{
    private static readonly SampleReturn Sample = SampleReturn.Employment;

    private readonly SampleRun _run;

    public EmploymentScaleRunTests(SampleRuns runs) => _run = runs.Employment;

    [Fact]
    public void Sample_totals_reproduce_the_published_figures()
    {
        Assert.Equal(7, Sample.SampleValues.Count);
        Assert.Equal(24184m, Sample.Sum("emp_total"));
        Assert.Equal(110.63m, decimal.Round(Sample.Sum("emp_total") / Sample.Sum("emp_target") * 100, 2, MidpointRounding.AwayFromZero));
        // Uneven: every unit's own completion differs, and each return keeps the sum rule.
        var rates = Sample.SampleValues.Keys.Select(u => Sample.Value(u, "emp_total") / Sample.Value(u, "emp_target")).ToList();
        Assert.Equal(rates.Count, rates.Distinct().Count());
        foreach (var unit in Sample.SampleValues.Keys)
        {
            Assert.Equal(Sample.Value(unit, "emp_total"), Sample.Value(unit, "emp_outside_province") + Sample.Value(unit, "emp_inside_province") + Sample.Value(unit, "emp_local"));
        }
    }

    [Fact]
    public void Every_unit_is_accepted_and_the_summary_equals_the_value_sheet()
    {
        Assert.Equal(ExitCode.Success, _run.Outcome.ExitCode);
        Assert.Equal(7, _run.Outcome.Merge.Accepted.Count());
        var total = _run.Summary.RootElement.GetProperty("total");
        foreach (var field in Sample.Definition.NumericFields)
        {
            Assert.Equal(Sample.Sum(field.Code), total.GetProperty("values").GetProperty(field.Code).GetDecimal());
        }
        foreach (var indicator in Sample.Definition.Indicators)
        {
            var expected = indicator.Numerator.Sum(f => Sample.Sum(f)) / indicator.Denominator.Sum(f => Sample.Sum(f));
            Assert.Equal((double)expected, total.GetProperty("indicators").GetProperty(indicator.Code).GetDouble(), 10);
        }
    }

    [Fact]
    public void Units_below_the_yulu_threshold_are_flagged()
    {
        var below = Sample.SampleValues.Keys.Where(u => Sample.Value(u, "yulu_placed") / Sample.Value(u, "yulu_graduates") < 0.9m).ToList();
        Assert.NotEmpty(below);
        var flagged = _run.Summary.RootElement.GetProperty("units").EnumerateArray()
            .Where(u => u.GetProperty("belowThreshold").EnumerateArray().Any(b => b.GetProperty("indicator").GetString() == "yulu_rate"))
            .Select(u => u.GetProperty("code").GetString());
        Assert.Equal(below.Order(), flagged.Order());
        foreach (var code in below)
        {
            Assert.Contains($"{Sample.Roster.Units.Single(u => u.Code == code).Name}（", _run.Briefing.Text);
        }
        Assert.Contains("不低于90%", _run.Briefing.Text);
    }

    [Theory]
    [InlineData("24184人")]
    [InlineData("完成年度目标任务的110.6%")]
    [InlineData("截至2022年12月底")]
    [InlineData("郑州市脱贫劳动力务工就业情况")]
    [InlineData("表：务工就业规模分县情况")]
    public void Briefing_text_carries_the_published_figures(string text) => Assert.Contains(text, _run.Briefing.Text);

    [Fact]
    public void Workbook_total_row_equals_the_value_sheet()
    {
        var path = _run.Outcome.OutputFiles.Single(f => Path.GetFileName(f) == "汇总表-employment-scale-2022-12.xlsx");
        using var package = new ExcelPackage(new FileInfo(path));
        var sheet = package.Workbook.Worksheets["汇总"];
        var headerRow = 4;
        var totalRow = Enumerable.Range(1, sheet.Dimension.End.Row).Single(r => sheet.Cells[r, 3].Text == "郑州市合计");
        var columns = Enumerable.Range(1, sheet.Dimension.End.Column).Where(c => sheet.Cells[headerRow, c].Text.Length > 0).ToDictionary(c => sheet.Cells[headerRow, c].Text, c => c);
        foreach (var field in Sample.Definition.NumericFields)
        {
            Assert.Equal(Sample.Sum(field.Code), Convert.ToDecimal(sheet.Cells[totalRow, columns[field.LabelWithUnit]].Value, CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void A_total_that_is_not_the_sum_of_its_parts_is_rejected_with_its_code()
    {
        using var temp = new TempDirectory();
        var unit = Sample.Roster.Units[0];
        var values = new Dictionary<string, string>(Sample.SampleValues[unit.Code]) { ["emp_local"] = "1000" };
        var path = Sample.WriteFilled(temp.Path, unit, values);

        var result = new ReturnFileReader(new IntakeContext(Sample.Definition, Sample.Roster, Sample.Period)).Read(path);

        var diagnostic = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCatalog.SumViolated.Code, diagnostic.Code);
        Assert.Equal("emp_total", diagnostic.Field);
        Assert.Contains("4120", diagnostic.Message);
        Assert.Contains(Sample.Value(unit.Code, "emp_outside_province") + Sample.Value(unit.Code, "emp_inside_province") + 1000 + "人", diagnostic.Message);
    }

    [Fact]
    public void The_template_names_every_field_and_states_the_sum_rule()
    {
        var unit = Sample.Roster.Units[0];
        var bytes = new TemplateGenerator(FixedClock.Default).Generate(new TemplateRequest(Sample.Definition, Sample.Period, unit));
        using var package = new ExcelPackage(new MemoryStream(bytes));
        foreach (var field in Sample.Definition.Fields)
        {
            Assert.True(package.Workbook.Names.ContainsKey(field.Code), field.Code);
        }
        var total = package.Workbook.Names["emp_total"];
        // The note is laid out in lines of the template's own (NoteText): the words, read across its line breaks.
        var note = total.Worksheet.Cells[total.Start.Row, total.Start.Column + 2].Text.Replace("\n", "", StringComparison.Ordinal);
        Assert.Contains("等于“其中:省外务工”、“省内县外务工”、“县内就业”之和", note);
        Assert.Empty(package.Workbook.Worksheets.Skip(1)); // no detail tables: the form alone
    }
}
