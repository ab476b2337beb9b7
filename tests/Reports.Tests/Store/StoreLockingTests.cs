using Reports.Periods;
using Reports.Pipeline;
using Reports.Rosters;
using Reports.Tests.Support;

namespace Reports.Tests.Store;

/// <summary>
/// Readers read: status, history and explain open the store without taking its write lock (WAL), so a run recording
/// its files does not hold them up, and reading leaves the store's file as it was.
/// </summary>
public sealed class StoreLockingTests
{
    [Fact]
    public async Task History_status_and_explain_answer_while_a_run_holds_the_store()
    {
        using var temp = new TempDirectory();
        var (units, store, roster, may, june) = MayAndJune(temp, 6);
        var options = Samples.Options(roster, may, temp.Sub("out-05")) with { StorePath = store, Period = new ReportingPeriod(2022, 5) };
        Assert.Equal(ExitCode.Success, new RunPipeline(FixedClock.Default).Execute(options).ExitCode);

        // June's run stops after its first file, mid-intake, until the readers have answered.
        using var recording = new ManualResetEventSlim();
        using var answered = new ManualResetEventSlim();
        var held = new Held(() =>
        {
            recording.Set();
            answered.Wait(TimeSpan.FromMinutes(2)); // a hang guard, not a speed check
        });
        var run = Task.Run(() => new RunPipeline(FixedClock.Default) { Recorded = held }
            .Execute(Samples.Options(roster, june, temp.Sub("out-06")) with { StorePath = store }));
        Assert.True(recording.Wait(TimeSpan.FromMinutes(2)), "the run never reached the store");

        var history = Support.Cli.Invoke("history", "--return", Samples.ReturnCode, "--period", "2022-05", "--unit", units[0].Code, "--roster", roster, "--store", store);
        var status = Support.Cli.Invoke("status", "--return", Samples.ReturnCode, "--period", "2022-05", "--roster", roster, "--store", store, "--out", temp.Sub("status"));
        var explain = Support.Cli.Invoke("explain", "--return", Samples.ReturnCode, "--period", "2022-05", "--unit", units[0].Code, "--field", "emp_total", "--store", store);
        var stillRunning = !run.IsCompleted;
        answered.Set();

        Assert.Equal(0, history.Exit);
        Assert.Contains("← 汇总采用", history.Stdout);
        Assert.Equal(0, status.Exit);
        Assert.Equal(0, explain.Exit);
        Assert.True(stillRunning, "the run ended before the readers answered");
        Assert.Equal(ExitCode.Success, (await run).ExitCode);
    }

    [Fact]
    public async Task Runs_of_two_periods_record_side_by_side_on_one_store()
    {
        using var temp = new TempDirectory();
        var (units, store, roster, may, june) = MayAndJune(temp, 4);

        // May's intake stops after its first file until June's run has recorded one: with the write lock held for the
        // whole intake, June would wait for May (and fail after the busy timeout) while May waits for June.
        using var mayRecording = new ManualResetEventSlim();
        using var juneRecorded = new ManualResetEventSlim();
        var juneWhileMay = false;
        var mayRun = Task.Run(() => new RunPipeline(FixedClock.Default)
        {
            Recorded = new Held(() =>
            {
                mayRecording.Set();
                juneWhileMay = juneRecorded.Wait(TimeSpan.FromSeconds(60)); // a hang guard, not a speed check
            }),
        }.Execute(Samples.Options(roster, may, temp.Sub("out-05")) with { StorePath = store, Period = new ReportingPeriod(2022, 5) }));
        Assert.True(mayRecording.Wait(TimeSpan.FromMinutes(2)), "May's run never reached the store");
        var juneRun = Task.Run(() => new RunPipeline(FixedClock.Default) { Recorded = new Held(juneRecorded.Set) }
            .Execute(Samples.Options(roster, june, temp.Sub("out-06")) with { StorePath = store }));

        Assert.Equal(ExitCode.Success, (await juneRun).ExitCode);
        Assert.Equal(ExitCode.Success, (await mayRun).ExitCode);
        Assert.True(juneWhileMay, "June's run did not record while May's intake was under way");
        using var opened = Reports.Store.ReturnStore.Open(store, FixedClock.Default);
        Assert.Equal("ok", opened.IntegrityCheck());
        Assert.Equal(2, opened.RunCount);
        var codes = units.Select(u => u.Code).Order().ToList();
        Assert.Equal(codes, opened.Versions(Samples.ReturnCode, new ReportingPeriod(2022, 5)).Select(v => v.UnitCode!).Order());
        Assert.Equal(codes, opened.Versions(Samples.ReturnCode, Samples.Period).Select(v => v.UnitCode!).Order());
    }

    [Fact]
    public void Reading_the_store_leaves_its_file_as_it_was()
    {
        using var temp = new TempDirectory();
        var store = Path.Combine(temp.Path, "store.db");
        var unit = Samples.Changzhi.Units[0];
        var roster = Samples.WriteRoster(temp.Path, unit);
        var inbox = temp.Sub("inbox");
        Samples.WriteFilled(inbox, unit, Samples.ValuesOf(unit.Code));
        new RunPipeline(FixedClock.Default).Execute(Samples.Options(roster, inbox, temp.Sub("out")) with { StorePath = store });
        var before = File.ReadAllBytes(store);

        Assert.Equal(0, Support.Cli.Invoke("history", "--return", Samples.ReturnCode, "--period", "2022-06", "--unit", unit.Code, "--roster", roster, "--store", store).Exit);
        Assert.Equal(0, Support.Cli.Invoke("status", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", roster, "--store", store, "--out", temp.Sub("s")).Exit);

        Assert.Equal(before, File.ReadAllBytes(store));
        Assert.False(File.Exists(store + "-wal") && new FileInfo(store + "-wal").Length > 0, "a reader wrote to the store's log");
    }

    /// <summary>Told of each file as the store records it: the first one holds the run there.</summary>
    private sealed class Held(Action first) : IProgress<Reports.Intake.IntakeFileResult>
    {
        private int _told;

        public void Report(Reports.Intake.IntakeFileResult value)
        {
            if (Interlocked.Increment(ref _told) == 1)
            {
                first();
            }
        }
    }

    /// <summary>The first <paramref name="count"/> units, a store path, a roster of them and an inbox of their returns for May and one for June.</summary>
    private static (RosterUnit[] Units, string Store, string Roster, string May, string June) MayAndJune(TempDirectory temp, int count)
    {
        var units = Samples.Changzhi.Units.Take(count).ToArray();
        var roster = Samples.WriteRoster(temp.Path, units);
        var may = temp.Sub("inbox-05");
        var june = temp.Sub("inbox-06");
        foreach (var unit in units)
        {
            Samples.WriteFilled(may, unit, Samples.ValuesOf(unit.Code), new ReportingPeriod(2022, 5));
            Samples.WriteFilled(june, unit, Samples.ValuesOf(unit.Code));
        }
        return (units, Path.Combine(temp.Path, "store.db"), roster, may, june);
    }
}
