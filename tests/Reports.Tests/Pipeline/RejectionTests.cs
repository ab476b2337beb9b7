using System.Text.Json;
using Reports.Cli;
using Reports.Cli.Settings;
using Reports.Pipeline;
using Reports.Tests.Support;

namespace Reports.Tests.Pipeline;

/// <summary>One bad file never stops the run: it is rejected with its reason, the rest merge, the exit code says so.</summary>
public sealed class RejectionTests
{
    [Fact]
    public void A_return_with_more_outside_the_province_than_in_total_is_rejected_and_the_rest_still_merge()
    {
        using var temp = new TempDirectory();
        var inbox = temp.Sub("inbox");
        var output = temp.Sub("out");
        var units = Samples.Changzhi.Units.Take(3).ToArray();
        foreach (var unit in units)
        {
            var values = Samples.ValuesOf(unit.Code);
            if (unit.Code == "140404")
            {
                values["emp_outside"] = "12000"; // more than emp_total (11499)
            }
            Samples.WriteFilled(inbox, unit, values);
        }
        var roster = Samples.WriteRoster(temp.Path, units);

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = new ReportsCommand(FixedClock.Default, stdout, stderr).Invoke(
        [
            "run", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", roster,
            "--inbox", inbox, "--out", output, "--window", "2022-03-22:2022-06-30", "--store", Path.Combine(temp.Path, "store.db"),
        ]);

        Assert.Equal((int)ExitCode.Incomplete, exit);
        // A finding is the run's result, not the program's failure: on standard output, with the verdict.
        Assert.Contains("错误 RPT040", stdout.ToString());
        Assert.Equal("", stderr.ToString());
        output = Path.Combine(output, "2022-06"); // the period's folder
        Assert.Contains("140404-上党区-campaign-5plus1-2022-06.xlsx[填报!", stdout.ToString());

        using var intake = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "intake.json")));
        var rejected = intake.RootElement.EnumerateArray().Single(f => f.GetProperty("unit").GetString() == "140404");
        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        var diagnostic = Assert.Single(rejected.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("RPT040", diagnostic.GetProperty("code").GetString());
        Assert.Equal("emp_outside", diagnostic.GetProperty("field").GetString());
        Assert.Equal("填报", diagnostic.GetProperty("sheet").GetString());
        Assert.Matches("^D[0-9]+$", diagnostic.GetProperty("cell").GetString());
        Assert.Contains("大于", diagnostic.GetProperty("message").GetString());

        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "summary.json")));
        Assert.Equal(["140404"], summary.RootElement.GetProperty("rejected").EnumerateArray().Select(e => e.GetString()));
        var expectedTotal = new[] { "140403", "140405" }.Sum(code => Samples.Value(code, "emp_total"));
        Assert.Equal(expectedTotal, summary.RootElement.GetProperty("total").GetProperty("values").GetProperty("emp_total").GetDecimal());
        Assert.True(File.Exists(Path.Combine(output, "简报-campaign-5plus1-2022-06-送审稿.pdf")));
    }

    [Fact]
    public void A_missing_county_makes_the_run_incomplete_and_is_named()
    {
        using var temp = new TempDirectory();
        var inbox = temp.Sub("inbox");
        var units = Samples.Changzhi.Units.Take(2).ToArray();
        Samples.WriteFilled(inbox, units[0], Samples.ValuesOf(units[0].Code));
        var roster = Samples.WriteRoster(temp.Path, units);

        var outcome = new RunPipeline(FixedClock.Default).Execute(Samples.Options(roster, inbox, temp.Sub("out")));

        Assert.Equal(ExitCode.Incomplete, outcome.ExitCode);
        Assert.Equal([units[1].Code], outcome.Merge.Missing.Select(u => u.Unit.Code));
    }

    [Fact]
    public void A_bad_period_on_the_command_line_is_a_usage_error()
    {
        var stderr = new StringWriter();
        var exit = new ReportsCommand(FixedClock.Default, new StringWriter(), stderr).Invoke(
            ["run", "--return", Samples.ReturnCode, "--period", "2022-13", "--roster", RepositoryPaths.SampleRoster, "--inbox", RepositoryPaths.SampleInbox, "--out", Path.GetTempPath()]);
        Assert.Equal((int)ExitCode.UsageError, exit);
        Assert.Contains("--period", stderr.ToString());
    }

    [Fact]
    public void A_missing_required_option_is_a_usage_error()
    {
        var stderr = new StringWriter();
        var exit = new ReportsCommand(FixedClock.Default, new StringWriter(), stderr).Invoke(["run", "--return", Samples.ReturnCode]);
        Assert.Equal((int)ExitCode.UsageError, exit);
        Assert.Contains("--roster", stderr.ToString());
    }
}
