using Reports.Cli;
using Reports.Ledger;
using Reports.Periods;
using Reports.Store;
using Reports.Tests.Support;

namespace Reports.Tests.Versions;

/// <summary>The desk's verdict decides only the uploading unit's versions: what that tells each file is what deciding the whole period tells it.</summary>
public sealed class UnitDecisionTests : IDisposable
{
    private static readonly ReportingPeriod June = new(2022, 6);
    private static readonly FixedClock Day1 = new(new DateTimeOffset(2022, 7, 3, 12, 0, 0, TimeSpan.Zero));
    private static readonly FixedClock Day2 = new(new DateTimeOffset(2022, 7, 4, 12, 0, 0, TimeSpan.Zero));

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Deciding_one_unit_tells_each_of_its_files_what_deciding_the_whole_period_tells_it()
    {
        var store = Path.Combine(_temp.Path, "store", "reports.db");
        var units = Samples.Changzhi.Units.Take(4).ToArray();
        var roster = Samples.WriteRoster(_temp.Path, units);
        // Day 1: every unit; the third's sent back (a loan amount with no households). Day 2: the first corrects a figure
        // (its first version superseded), the third sends its return right.
        var first = _temp.Sub("inbox-1");
        foreach (var unit in units)
        {
            var values = Samples.ValuesOf(unit.Code);
            if (unit == units[2])
            {
                values["loan_households"] = "0";
            }
            Samples.WriteFilled(first, unit, values);
        }
        var second = _temp.Sub("inbox-2");
        var corrected = Samples.ValuesOf(units[0].Code);
        corrected["proj_library"] = (int.Parse(corrected["proj_library"], System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Samples.WriteFilled(second, units[0], corrected);
        Samples.WriteFilled(second, units[2], Samples.ValuesOf(units[2].Code));
        foreach (var (clock, inbox, output) in new[] { (Day1, first, "out-1"), (Day2, second, "out-2") })
        {
            var stderr = new StringWriter();
            var exit = new ReportsCommand(clock, new StringWriter(), stderr).Invoke(["run", "--return", Samples.ReturnCode, "--period", "2022-06",
                "--roster", roster, "--inbox", inbox, "--out", _temp.Sub(output), "--window", "2022-03-22:2022-06-30", "--store", store]);
            Assert.True(exit is 0 or 3, $"run exited {exit}: {stderr}");
        }

        using var opened = ReturnStore.OpenToRead(store, Day2);
        var ledger = ReturnLedger.Open(opened, Samples.Campaign, Samples.Changzhi, June, Day2);
        var whole = ledger.Decide([]);
        Assert.Equal(6, whole.Files.Count);
        Assert.Contains(whole.Files, f => f.Status == Reports.Intake.IntakeStatus.Superseded);
        foreach (var unit in units)
        {
            var mine = ledger.DecideUnit(unit.Code, []);
            var expected = whole.Files.Where(f => f.UnitCode == unit.Code).Select(f => (f.Sha256, f.Status, Codes: string.Join(",", f.Diagnostics.Select(d => d.Code)))).ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, mine.Files.Select(f => (f.Sha256, f.Status, Codes: string.Join(",", f.Diagnostics.Select(d => d.Code)))).ToList());
        }
    }
}
