using Reports.Cli;
using Reports.Merge;
using Reports.Pipeline;
using Reports.Rosters;
using Reports.Tests.Support;

namespace Reports.Tests.Versions;

/// <summary>
/// Approved means frozen: the office cannot withdraw the version an approval adopted while the approval holds its unit —
/// it reopens the unit first, or says so with <c>--reopen</c> and the reason, recorded with the withdrawal.
/// </summary>
public sealed class ApprovedMeansFrozenTests : IDisposable
{
    private static readonly RosterUnit First = Samples.Changzhi.Units[0];
    private static readonly RosterUnit Second = Samples.Changzhi.Units[1];
    private static readonly FixedClock Day1 = new(new DateTimeOffset(2022, 7, 3, 12, 0, 0, TimeSpan.Zero));
    private static readonly FixedClock Day2 = new(new DateTimeOffset(2022, 7, 4, 12, 0, 0, TimeSpan.Zero));

    private readonly TempDirectory _temp = new();
    private readonly string _store;
    private readonly string _roster;
    private readonly string _inbox;

    public ApprovedMeansFrozenTests()
    {
        _store = Path.Combine(_temp.Path, "store.db");
        _roster = Samples.WriteRoster(_temp.Path, First, Second);
        _inbox = _temp.Sub("inbox");
        Samples.WriteFilled(_inbox, First, Samples.ValuesOf(First.Code));
        Samples.WriteFilled(_inbox, Second, Samples.ValuesOf(Second.Code));
    }

    public void Dispose() => _temp.Dispose();

    private static Support.Cli.Result Invoke(TimeProvider clock, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = new ReportsCommand(clock, stdout, stderr).Invoke(args);
        return new Support.Cli.Result(exit, stdout.ToString(), stderr.ToString());
    }

    private RunOutcome Run(TimeProvider clock, string output) =>
        new RunPipeline(clock).Execute(Samples.Options(_roster, _inbox, _temp.Sub(output)) with { StorePath = _store });

    private Support.Cli.Result Withdraw(string sha256, params string[] more) =>
        Invoke(Day2, ["withdraw", "--return", Samples.ReturnCode, "--period", "2022-06", "--sha256", sha256, "--why", "冒用潞州区名义报送", "--store", _store, .. more]);

    [Fact]
    public void Withdrawing_an_approved_version_is_refused_until_its_unit_is_reopened_or_reopened_with_it()
    {
        var first = Run(Day1, "out1");
        var approved = first.Results[0].Decision.For(First.Code)!.Sha256;
        Assert.Equal(0, Invoke(Day1, "approve", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", _roster, "--store", _store).Exit);

        var refused = Withdraw(approved);
        Assert.Equal(2, refused.Exit);
        Assert.Contains("已冻结", refused.Stderr);
        Assert.Contains("--reopen", refused.Stderr);
        var unchanged = Run(Day2, "out2");
        Assert.Equal(UnitStatus.Accepted, unchanged.Merge.Units.Single(u => u.Unit == First).Status);

        var withdrawn = Withdraw(approved, "--reopen");
        Assert.Equal(0, withdrawn.Exit);
        var after = Run(Day2, "out3");
        Assert.Equal(UnitStatus.Missing, after.Merge.Units.Single(u => u.Unit == First).Status);
        Assert.Equal(UnitStatus.Accepted, after.Merge.Units.Single(u => u.Unit == Second).Status);
        // The approval no longer holds the unit: the record says it was reopened, and why.
        Assert.Contains(First.Name, after.Results[0].Approval!.Line);
        var history = Invoke(Day2, "history", "--return", Samples.ReturnCode, "--period", "2022-06", "--unit", First.Code, "--store", _store).Stdout;
        Assert.Contains("重新开放", history);
        Assert.Contains("冒用潞州区名义报送", history);
        Assert.Contains("已撤销", history);
    }
}
