using System.Globalization;
using System.Text;
using System.Text.Json;
using Reports.Diagnostics;
using Reports.Periods;
using Reports.Pipeline;
using Reports.Tests.Support;

namespace Reports.Tests.Frequencies;

/// <summary>"Last period" is the one before of the same frequency; a deadline may be set per frequency from the period's end.</summary>
public sealed class PeriodHistoryTests
{
    private static string[] RunArgs(string roster, string inbox, string output, string store, string period) =>
    [
        "run", "--return", Samples.ReturnCode, "--period", period, "--roster", roster, "--inbox", inbox, "--out", output,
        "--window", "2022-03-22:2022-06-30", "--store", store, "--quiet",
    ];

    private static string Shifted(string unit, string field, int by) =>
        (int.Parse(Samples.SampleValues[unit][field], CultureInfo.InvariantCulture) + by).ToString(CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2022-W24", "2022-W25")]
    [InlineData("2020-W53", "2021-W01")]
    [InlineData("2022-05-D3", "2022-06-D1")]
    [InlineData("2022-06-D1", "2022-06-D2")]
    public void Not_below_last_period_compares_with_the_period_before_of_the_same_frequency(string previous, string current)
    {
        Assert.True(ReportingPeriod.TryParse(previous, out var before));
        Assert.True(ReportingPeriod.TryParse(current, out var now));
        using var temp = new TempDirectory();
        var store = Path.Combine(temp.Path, "store.db");
        var unit = Samples.Changzhi.Units.Single(u => u.Code == "140403");
        var roster = Samples.WriteRoster(temp.Path, unit);
        var output = temp.Sub("out");

        // The previous period of the same frequency holds the sample's figures; the month (of another frequency) holds
        // far more, and must not be taken for "last period".
        Samples.WriteFilled(temp.Sub("before"), unit, Samples.ValuesOf(unit.Code), before);
        Assert.Equal((int)ExitCode.Success, Support.Cli.Invoke(RunArgs(roster, temp.Sub("before"), output, store, previous)).Exit);
        var month = Samples.ValuesOf(unit.Code);
        month["proj_library"] = Shifted(unit.Code, "proj_library", 500);
        var monthPeriod = new ReportingPeriod(before.LastDay.Year, before.LastDay.Month);
        Samples.WriteFilled(temp.Sub("month"), unit, month, monthPeriod);
        Assert.Equal((int)ExitCode.Success, Support.Cli.Invoke(RunArgs(roster, temp.Sub("month"), output, store, monthPeriod.ToString())).Exit);

        var lower = Samples.ValuesOf(unit.Code);
        lower["proj_library"] = Shifted(unit.Code, "proj_library", -10);
        Samples.WriteFilled(temp.Sub("now"), unit, lower, now);
        Assert.Equal((int)ExitCode.Incomplete, Support.Cli.Invoke(RunArgs(roster, temp.Sub("now"), output, store, current)).Exit);

        using var intake = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, current, "intake.json")));
        var finding = intake.RootElement[0].GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("code").GetString() == DiagnosticCatalog.BelowPrevious.Code);
        Assert.Contains($"少于上期（{previous}）已采用的 {Samples.SampleValues[unit.Code]["proj_library"]}个", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, current, "summary.json")));
        Assert.Equal(previous, summary.RootElement.GetProperty("previousPeriod").GetString());
        // Time progress at the period's last day: days from 2022-03-22 to it, both counted, over the window's 101.
        var elapsed = Math.Clamp(now.LastDay.DayNumber - new DateOnly(2022, 3, 22).DayNumber + 1, 0, 101);
        Assert.Equal(Math.Round((decimal)elapsed / 101, 4), Math.Round(summary.RootElement.GetProperty("timeProgress").GetDecimal(), 4));
    }

    [Fact]
    public void A_weekly_deadline_is_an_offset_from_the_weeks_end()
    {
        using var temp = new TempDirectory();
        var units = Samples.Changzhi.Units.Take(2).ToArray();
        var roster = Samples.WriteRoster(temp.Path, units);
        var inbox = temp.Sub("inbox");
        var store = Path.Combine(temp.Path, "store.db");
        Assert.True(ReportingPeriod.TryParse("2022-W25", out var week));
        // 2022-W25 ends on Sunday 2022-06-26: due on the Monday after at 12:00.
        var times = new[] { new DateTime(2022, 6, 27, 11, 59, 0, DateTimeKind.Utc), new DateTime(2022, 6, 27, 12, 1, 0, DateTimeKind.Utc) };
        foreach (var (unit, time) in units.Zip(times))
        {
            File.SetLastWriteTimeUtc(Samples.WriteFilled(inbox, unit, Samples.ValuesOf(unit.Code), week), time);
        }
        string[] weekly = ["--return", Samples.ReturnCode, "--period", "2022年第25周", "--store", store, "--setting", "Reports:DeadlineAfter:Week=12:00"];
        Assert.Equal((int)ExitCode.Success, Support.Cli.Invoke(["run", .. weekly, "--roster", roster, "--inbox", inbox, "--out", temp.Sub("out"), "--quiet"]).Exit);

        var csv = Path.Combine(temp.Path, "chase.csv");
        var status = Support.Cli.Invoke(["status", .. weekly, "--roster", roster, "--csv", csv]);
        Assert.Equal((int)ExitCode.Incomplete, status.Exit);
        var rows = Encoding.UTF8.GetString(File.ReadAllBytes(csv)[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(r => r.Split(',')).ToList();
        Assert.Equal("按时", rows[1][4]);
        Assert.Equal("逾期", rows[2][4]);

        // Reports:Deadline, when set, wins for the one period run: a day later, both are on time.
        var set = Support.Cli.Invoke(["status", .. weekly, "--roster", roster, "--csv", csv, "--setting", "Reports:Deadline=2022-06-28 12:00"]);
        Assert.Equal((int)ExitCode.Success, set.Exit);
    }
}
