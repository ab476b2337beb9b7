using Reports.Intake;
using Reports.Merge;
using Reports.Pipeline;
using Reports.Store;
using Reports.Tests.Support;

namespace Reports.Tests.Store;

/// <summary>
/// "79228162514264337593543950335" (decimal.MaxValue) in a count cell once overflowed the merge, and since the store
/// keeps every version, every later run of the period crashed. Now that unit is rejected, the others merge, and
/// runs over the same store go on — also over a store an earlier version of the program filled with the figure.
/// </summary>
public sealed class ImpossibleFigureRunTests
{
    private const string Impossible = "79228162514264337593543950335";
    private static readonly Reports.Rosters.RosterUnit[] Units = [.. Samples.Changzhi.Units.Take(3)];
    private static readonly Reports.Rosters.RosterUnit Hostile = Units[1];

    private static RunOutcome Run(string roster, string inbox, string output, string store) =>
        new RunPipeline(FixedClock.Default).Execute(Samples.Options(roster, inbox, output) with { StorePath = store });

    private static decimal TotalOfTheOthers(string field) =>
        Figures.Sum(Units.Where(u => u != Hostile).Select(u => Samples.SampleValues[u.Code]), field);

    private static void AssertHostileRejectedAndOthersMerged(RunOutcome outcome)
    {
        Assert.Equal(ExitCode.Incomplete, outcome.ExitCode);
        Assert.Equal([UnitStatus.Accepted, UnitStatus.Rejected, UnitStatus.Accepted], outcome.Merge.Units.Select(u => u.Status));
        Assert.Equal(TotalOfTheOthers("emp_total"), outcome.Merge.Total.Values["emp_total"]);
        Assert.DoesNotContain("emp_total", outcome.Merge.Units[1].Values.Keys);
        Assert.Contains(outcome.OutputFiles, f => f.EndsWith(".pdf", StringComparison.Ordinal));
    }

    [Fact]
    public void A_county_typing_decimal_max_in_a_count_is_rejected_and_the_next_run_over_the_store_does_not_crash()
    {
        using var temp = new TempDirectory();
        var roster = Samples.WriteRoster(temp.Path, Units);
        var inbox = temp.Sub("inbox");
        var store = Path.Combine(temp.Path, "store", "reports.db");
        foreach (var unit in Units)
        {
            var path = Samples.WriteFilled(inbox, unit, Samples.ValuesOf(unit.Code));
            if (unit == Hostile)
            {
                OpenXmlNameWriter.Fill(path, new Dictionary<string, object> { ["emp_total"] = Impossible });
            }
        }

        var first = Run(roster, inbox, temp.Sub("out1"), store);
        AssertHostileRejectedAndOthersMerged(first);
        var diagnostic = Assert.Single(first.Intake.Single(f => f.UnitCode == Hostile.Code).Diagnostics, d => d.IsError);
        Assert.Equal("RPT079", diagnostic.Code);
        Assert.Contains(Impossible, diagnostic.Message);

        var second = Run(roster, inbox, temp.Sub("out2"), store);
        AssertHostileRejectedAndOthersMerged(second);
    }

    [Fact]
    public void A_store_that_accepted_the_figure_before_the_bounds_no_longer_crashes_the_run()
    {
        using var temp = new TempDirectory();
        var roster = Samples.WriteRoster(temp.Path, Units);
        var inbox = temp.Sub("inbox");
        var store = Path.Combine(temp.Path, "store", "reports.db");
        var paths = Units.Select(unit => Samples.WriteFilled(inbox, unit, Samples.ValuesOf(unit.Code))).ToList();

        // What the program recorded before intake bounded figures: the hostile unit's file, accepted, with decimal.MaxValue.
        var reader = new ReturnFileReader(new IntakeContext(Samples.Campaign, Samples.Changzhi, Samples.Period));
        var read = reader.Read(paths[1]);
        var poisoned = new Dictionary<string, decimal>(read.Submission!.Values) { ["emp_total"] = decimal.MaxValue };
        var recorded = read with { Submission = read.Submission with { Values = poisoned } };
        Assert.Equal(IntakeStatus.Accepted, recorded.Status);
        using (var opened = ReturnStore.Open(store, FixedClock.Default))
        {
            opened.RecordRun(Samples.ReturnCode, Samples.Period, inbox, [(recorded, File.ReadAllBytes(paths[1]))]);
        }

        // The same bytes are in the inbox: the run takes the version the store holds, impossible figure and all.
        var outcome = Run(roster, inbox, temp.Sub("out"), store);

        AssertHostileRejectedAndOthersMerged(outcome);
        Assert.Equal(Samples.Value(Hostile.Code, "emp_outside"), outcome.Merge.Units[1].Values["emp_outside"]);
    }
}
