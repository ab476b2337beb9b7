using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Reports.Cli;
using Reports.Tests.Support;

namespace Reports.Tests.Pipeline;

/// <summary>
/// Every figure traced to its cell: summary.json names each unit's file and its hash once, and its sources per figure the
/// sheet, the cell and the text as typed; the workbook's 来源 sheet and the briefing's appendix carry the same; <c>reports explain</c> tells the chain
/// from the store alone.
/// </summary>
[Collection(SampleRunsCollection.Name)]
public sealed class ProvenanceTests
{
    private readonly SampleRun _run;

    public ProvenanceTests(SampleRuns runs) => _run = runs.Campaign;

    private IEnumerable<(string Unit, string Field, JsonElement Source, JsonElement UnitElement)> Sources() =>
        _run.Summary.RootElement.GetProperty("units").EnumerateArray()
            .SelectMany(u => u.GetProperty("sources").EnumerateObject().Select(s => (u.GetProperty("code").GetString()!, s.Name, s.Value, u)));

    [Fact]
    public void Every_sources_hash_appears_in_intake_json_and_is_the_hash_of_the_county_file()
    {
        var listed = _run.Intake.RootElement.EnumerateArray().Select(e => e.GetProperty("sha256").GetString()).ToHashSet();
        var sources = Sources().ToList();
        Assert.Equal(12, sources.Select(s => s.Unit).Distinct().Count());
        Assert.Equal(12 * Samples.Campaign.Fields.Count(f => f.IsNumeric), sources.Count(s => Samples.Campaign.FindField(s.Field)!.IsNumeric));
        foreach (var (unit, field, source, element) in sources)
        {
            var sha256 = element.GetProperty("sha256").GetString()!;
            Assert.Contains(sha256, listed);
            var file = Path.Combine(RepositoryPaths.SampleInbox, element.GetProperty("file").GetString()!);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))), sha256);
            // What was typed is what the merge holds (the sample's clerks typed plain numbers).
            if (element.GetProperty("values").TryGetProperty(field, out var value))
            {
                Assert.Equal(value.GetDecimal(), decimal.Parse(source.GetProperty("text").GetString()!, CultureInfo.InvariantCulture));
                Assert.Equal(Samples.SampleValues[unit][field], source.GetProperty("text").GetString());
            }
        }
    }

    [Fact]
    public void Summary_json_names_a_units_file_and_hash_once_and_each_figure_only_by_its_cell()
    {
        foreach (var unit in _run.Summary.RootElement.GetProperty("units").EnumerateArray())
        {
            var chosen = _run.Outcome.Results[0].Decision.For(unit.GetProperty("code").GetString()!)!;
            Assert.Equal(Path.GetFileName(chosen.File), unit.GetProperty("file").GetString());
            Assert.Equal(chosen.Sha256, unit.GetProperty("sha256").GetString());
            var sources = unit.GetProperty("sources").EnumerateObject().ToList();
            Assert.NotEmpty(sources);
            Assert.All(sources, s => Assert.Equal(["sheet", "cell", "text"], s.Value.EnumerateObject().Select(p => p.Name)));
        }
    }

    [Fact]
    public void The_workbook_lists_every_source_on_its_own_sheet_and_links_each_unit_to_it()
    {
        var workbook = _run.Workbook;
        var sheet = workbook["来源"];
        var headers = sheet.Headers(3);
        foreach (var (unit, field, source, element) in Sources())
        {
            var row = Enumerable.Range(4, 2000).First(r => sheet.Text(r, headers["单位代码"]) == unit && sheet.Text(r, headers["字段代码"]) == field);
            Assert.Equal($"{source.GetProperty("sheet").GetString()}!{source.GetProperty("cell").GetString()}", sheet.Text(row, headers["单元格"]));
            Assert.Equal(element.GetProperty("sha256").GetString(), sheet.Text(row, headers["SHA-256"]));
            Assert.Equal(source.GetProperty("text").GetString(), sheet.Text(row, headers["原始填写"]));
        }
        var submissions = workbook["报送情况"];
        var links = submissions.Part.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Hyperlink>().Select(h => h.Location?.Value).ToList();
        Assert.Equal(12, links.Count(l => l is not null && l.StartsWith("'来源'!A", StringComparison.Ordinal)));
        var first = Samples.Changzhi.Units[0].Code;
        var (unitRow, _) = sheet.Find(first);
        Assert.Contains($"'来源'!A{unitRow}", links);
    }

    [Fact]
    public void The_briefing_appendix_gives_each_unit_its_file_and_hash_prefix_and_the_reporting_rates()
    {
        var text = _run.Briefing.Text;
        foreach (var file in _run.Outcome.Results[0].Decision.Chosen.Values)
        {
            Assert.Contains(file.Sha256[..12], text);
        }
        var rates = _run.Summary.RootElement.GetProperty("reporting");
        Assert.Equal(12, rates.GetProperty("expected").GetInt32());
        Assert.Equal(12, rates.GetProperty("accepted").GetInt32());
        Assert.Contains("应报12个单位，已报送12个（100%）", text);
    }

    [Fact]
    public void Explain_prints_the_figure_its_cell_the_text_typed_and_the_files_hash_from_the_store()
    {
        var unit = Samples.Changzhi.Units[3].Code;
        var (_, _, source, element) = Sources().Single(s => s.Unit == unit && s.Field == "emp_total");
        var stdout = new StringWriter();
        var exit = new ReportsCommand(FixedClock.Default, stdout, new StringWriter()).Invoke(
            ["explain", "--return", Samples.ReturnCode, "--period", "2022-06", "--unit", unit, "--field", "emp_total", "--store", _run.Store]);

        Assert.Equal(0, exit);
        var text = stdout.ToString();
        Assert.Contains($"{source.GetProperty("sheet").GetString()}!{source.GetProperty("cell").GetString()}", text);
        Assert.Contains(element.GetProperty("sha256").GetString()!, text);
        Assert.Contains($"“{Samples.SampleValues[unit]["emp_total"]}”", text);
        Assert.Contains("本期未审定", text);
    }
}
