using System.Text.Json;
using Reports.Pipeline;
using Reports.Tests.Support;

namespace Reports.Tests.Cli;

/// <summary>
/// Every verb with a weekly and a ten-day period, typed as people type them: files, folders and JSON say the canonical
/// form, and a file of another frequency (a monthly file in a weekly run) never counts.
/// </summary>
public sealed class PeriodVerbTests
{
    [Theory]
    [InlineData("2022年第25周", "2022-W25", "2022年第25周（6月20日—26日）")]
    [InlineData("2022W25", "2022-W25", "2022年第25周（6月20日—26日）")]
    [InlineData("2022年6月中旬", "2022-06-D2", "2022年6月中旬")]
    [InlineData("2022-06-D2", "2022-06-D2", "2022年6月中旬")]
    public void Every_verb_takes_a_weekly_and_a_ten_day_period(string typed, string canonical, string title)
    {
        using var temp = new TempDirectory();
        var units = Samples.Changzhi.Units.Take(4).ToArray();
        var sending = Samples.WriteRoster(temp.Sub("three"), units[..3]);
        var roster = Samples.WriteRoster(temp.Path, units);
        var inbox = temp.Sub("inbox");
        var store = Path.Combine(temp.Path, "store.db");
        string[] period = ["--return", Samples.ReturnCode, "--period", typed];
        string[] stored = [.. period, "--store", store];

        var template = Support.Cli.Invoke(["template", .. period, "--roster", roster, "--out", temp.Sub("blank")]);
        Assert.Equal(0, template.Exit);
        Assert.Equal(units.Select(u => $"{u.Code}-{u.Name}-{Samples.ReturnCode}-{canonical}.xlsx").Order(),
            Directory.GetFiles(Path.Combine(temp.Path, "blank")).Select(Path.GetFileName).Order());

        var fill = Support.Cli.Invoke(["fill", .. period, "--roster", sending, "--values", RepositoryPaths.SampleValues, "--out", inbox]);
        Assert.Equal(0, fill.Exit);
        var files = Directory.GetFiles(inbox).Order().ToArray();
        Assert.All(files, f => Assert.EndsWith($"-{canonical}.xlsx", f, StringComparison.Ordinal));
        // The fourth unit sends the month's return instead of the week's (or the ten days'): it never counts here.
        var monthly = Samples.WriteFilled(inbox, units[3], Samples.ValuesOf(units[3].Code));

        var validate = Support.Cli.Invoke("validate", files[0], "--roster", roster);
        Assert.Equal(0, validate.Exit);
        Assert.Contains("通过", validate.Stdout, StringComparison.Ordinal);
        var wrong = Support.Cli.Invoke(["validate", monthly, "--roster", roster, "--period", typed]);
        Assert.Equal((int)ExitCode.Incomplete, wrong.Exit);
        Assert.Contains("RPT014", wrong.Stdout + wrong.Stderr, StringComparison.Ordinal);

        var outRoot = temp.Sub("out");
        var run = Support.Cli.Invoke(["run", .. stored, "--roster", roster, "--inbox", inbox, "--out", outRoot, "--quiet"]);
        Assert.Equal((int)ExitCode.Incomplete, run.Exit);
        var folder = Path.Combine(outRoot, canonical);
        Assert.True(File.Exists(Path.Combine(folder, $"汇总表-{Samples.ReturnCode}-{canonical}.xlsx")));
        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "summary.json")));
        Assert.Equal(canonical, summary.RootElement.GetProperty("period").GetString());
        using var intake = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "intake.json")));
        var byUnit = intake.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("unit").GetString()!, f => f);
        Assert.All(units[..3], u => Assert.Equal("accepted", byUnit[u.Code].GetProperty("status").GetString()));
        Assert.Equal("rejected", byUnit[units[3].Code].GetProperty("status").GetString());
        Assert.Contains(byUnit[units[3].Code].GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "RPT014");
        using (var workbook = new OfficeOpenXml.ExcelPackage(new FileInfo(Path.Combine(folder, $"汇总表-{Samples.ReturnCode}-{canonical}.xlsx"))))
        {
            var cells = workbook.Workbook.Worksheets.SelectMany(s => s.Cells.Where(c => c.Value is string).Select(c => (string)c.Value)).ToList();
            Assert.Contains(cells, c => c.Contains(title, StringComparison.Ordinal));
        }

        var status = Support.Cli.Invoke(["status", .. stored, "--roster", roster, "--csv", Path.Combine(temp.Path, "chase.csv")]);
        Assert.Equal((int)ExitCode.Incomplete, status.Exit);
        Assert.Contains(units[3].Name, status.Stdout, StringComparison.Ordinal);

        var history = Support.Cli.Invoke(["history", .. stored, "--unit", units[0].Code]);
        Assert.Equal(0, history.Exit);
        Assert.Contains("共 1 个版本", history.Stdout, StringComparison.Ordinal);

        var explain = Support.Cli.Invoke(["explain", .. stored, "--unit", units[0].Code, "--field", "emp_total"]);
        Assert.Equal(0, explain.Exit);
        Assert.Contains(canonical, explain.Stdout, StringComparison.Ordinal);

        var sha256 = byUnit[units[2].Code].GetProperty("sha256").GetString()!;
        var withdraw = Support.Cli.Invoke(["withdraw", .. stored, "--sha256", sha256, "--why", "冒名报送"]);
        Assert.Equal(0, withdraw.Exit);

        var approve = Support.Cli.Invoke(["approve", .. stored, "--roster", roster, "--allow-incomplete"]);
        Assert.Equal(0, approve.Exit);
        var reopen = Support.Cli.Invoke(["reopen", .. stored, "--unit", units[0].Code, "--why", "更正"]);
        Assert.Equal(0, reopen.Exit);

        // Nothing of the week (or the ten days) is in the month's record, nor the reverse.
        var month = Support.Cli.Invoke(["history", "--return", Samples.ReturnCode, "--period", "2022-06", "--store", store, "--unit", units[0].Code]);
        Assert.DoesNotContain("共 1 个版本", month.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("template")]
    [InlineData("fill")]
    [InlineData("validate")]
    [InlineData("run")]
    [InlineData("status")]
    [InlineData("history")]
    [InlineData("approve")]
    [InlineData("reopen")]
    [InlineData("withdraw")]
    [InlineData("explain")]
    [InlineData("serve")]
    public void A_period_of_a_frequency_the_return_is_not_collected_at_is_refused_naming_the_ones_it_is(string verb)
    {
        using var temp = new TempDirectory();
        var roster = Samples.WriteRoster(temp.Path, [.. Samples.Changzhi.Units.Take(2)]);
        var file = Samples.WriteFilled(temp.Sub("in"), Samples.Changzhi.Units[0], Samples.ValuesOf(Samples.Changzhi.Units[0].Code));
        string[] period = ["--return", Samples.ReturnCode, "--period", "2022年第二季度"];
        string[] store = ["--store", Path.Combine(temp.Path, "store.db")];
        string[] args = verb switch
        {
            "template" => [verb, .. period, "--roster", roster, "--out", temp.Sub("t")],
            "fill" => [verb, .. period, "--roster", roster, "--values", RepositoryPaths.SampleValues, "--out", temp.Sub("t")],
            "validate" => [verb, file, .. period, "--roster", roster],
            "run" => [verb, .. period, "--roster", roster, "--inbox", temp.Sub("in"), "--out", temp.Sub("o"), .. store],
            "status" => [verb, .. period, "--roster", roster, .. store],
            "history" or "explain" => [verb, .. period, "--unit", Samples.Changzhi.Units[0].Code, .. verb == "explain" ? ["--field", "emp_total"] : Array.Empty<string>(), .. store],
            "approve" => [verb, .. period, "--roster", roster, .. store],
            "reopen" => [verb, .. period, "--why", "x", .. store],
            // Refused before it listens (else the desk would open a quarter for counties that report weekly).
            "serve" => [verb, .. period, "--roster", roster, "--urls", "http://127.0.0.1:0", .. store],
            _ => [verb, .. period, "--sha256", new string('0', 64), "--why", "x", .. store],
        };
        // A store exists, so that the refusal is not for want of one.
        Assert.Equal((int)ExitCode.Incomplete, Support.Cli.Invoke(["run", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", roster, "--inbox", temp.Sub("empty"), "--out", temp.Sub("o"), "--quiet", .. store]).Exit);

        var refused = Support.Cli.Invoke(args);
        Assert.Equal((int)ExitCode.UsageError, refused.Exit);
        Assert.Contains("按周、旬、月报送", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("2022-Q2", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("2022-W26、2022-06-D3、2022-06", refused.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "t")) && Directory.GetFiles(Path.Combine(temp.Path, "t")).Length > 0);
    }
}
