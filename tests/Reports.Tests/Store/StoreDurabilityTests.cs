using System.Diagnostics;
using Reports.Pipeline;
using Reports.Store;
using Reports.Tests.Support;

namespace Reports.Tests.Store;

/// <summary>Two runs at once never corrupt the store; a run killed mid-write leaves it as before.</summary>
public sealed class StoreDurabilityTests
{
    [Fact]
    public async Task Two_runs_at_once_both_land_and_the_store_stays_sound()
    {
        using var temp = new TempDirectory();
        var store = Path.Combine(temp.Path, "reports.db");
        var units = Samples.Changzhi.Units.Take(4).ToArray();
        var roster = Samples.WriteRoster(temp.Path, units);
        var inboxes = new[] { temp.Sub("a"), temp.Sub("b") };
        for (var i = 0; i < units.Length; i++)
        {
            Samples.WriteFilled(inboxes[i % 2], units[i], Samples.ValuesOf(units[i].Code));
        }

        var runs = inboxes.Select((inbox, i) => Task.Run(() =>
            new RunPipeline(FixedClock.Default) { Recorded = new PausingRecording(TimeSpan.FromMilliseconds(100)) }
                .Execute(Samples.Options(roster, inbox, temp.Sub("out" + i)) with { StorePath = store }))).ToArray();
        await Task.WhenAll(runs);

        using var opened = ReturnStore.Open(store, FixedClock.Default);
        Assert.Equal("ok", opened.IntegrityCheck());
        Assert.Equal(2, opened.RunCount);
        Assert.Equal(units.Select(u => u.Code).Order(), opened.Versions(Samples.ReturnCode, Samples.Period).Select(v => v.UnitCode!).Order());
    }

    [Fact]
    public void A_run_killed_mid_write_leaves_the_store_as_before_and_the_next_run_completes()
    {
        using var temp = new TempDirectory();
        var store = Path.Combine(temp.Path, "store", "reports.db");
        var inbox = temp.Sub("inbox");
        foreach (var unit in Samples.Changzhi.Units.Take(6))
        {
            Samples.WriteFilled(inbox, unit, Samples.ValuesOf(unit.Code));
        }

        // Each recorded file holds the run's transaction open for 1.5 s: six files, so the kill lands inside it.
        using (var child = Support.Cli.StartPausing(temp.Path, TimeSpan.Zero, TimeSpan.FromMilliseconds(1500),
                   "run", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", RepositoryPaths.SampleRoster,
                   "--inbox", inbox, "--out", temp.Sub("killed"), "--store", store))
        {
            child.ErrorDataReceived += (_, _) => { };
            child.BeginErrorReadLine();
            string? line;
            while ((line = child.StandardOutput.ReadLine()) is not null && !line.Contains("记录到存储库", StringComparison.Ordinal))
            {
            }
            Assert.NotNull(line); // the child reached the store
            Thread.Sleep(300);     // well inside its transaction
            Assert.False(child.HasExited, "the child finished before it could be killed");
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }

        using (var opened = ReturnStore.Open(store, FixedClock.Default))
        {
            Assert.Equal("ok", opened.IntegrityCheck());
            Assert.Equal(0, opened.RunCount);
            Assert.Empty(opened.Versions(Samples.ReturnCode, Samples.Period));
        }

        var outcome = new RunPipeline(FixedClock.Default).Execute(Samples.Options(RepositoryPaths.SampleRoster, inbox, temp.Sub("out")) with { StorePath = store });
        Assert.Equal(6, outcome.Merge.Accepted.Count());
        using (var opened = ReturnStore.Open(store, FixedClock.Default))
        {
            Assert.Equal("ok", opened.IntegrityCheck());
            Assert.Equal(1, opened.RunCount);
            Assert.Equal(6, opened.Versions(Samples.ReturnCode, Samples.Period).Count);
        }
    }

    [Fact]
    public void A_recording_left_without_completing_leaves_the_store_as_before()
    {
        using var temp = new TempDirectory();
        var inbox = temp.Sub("inbox");
        foreach (var unit in Samples.Changzhi.Units.Take(3))
        {
            Samples.WriteFilled(inbox, unit, Samples.ValuesOf(unit.Code));
        }
        var context = new Reports.Intake.IntakeContext(Samples.Campaign, Samples.Changzhi, Samples.Period);
        var store = Path.Combine(temp.Path, "reports.db");

        using (var opened = ReturnStore.Open(store, FixedClock.Default))
        {
            // Intake fails on the third file (a bug, a full disk): the two recorded before it must not stay.
            var recorded = 0;
            Assert.Throws<IOException>(() =>
            {
                using var recording = opened.BeginRun(Samples.ReturnCode, Samples.Period, inbox, 3);
                new Reports.Intake.IntakeProcessor(context).ProcessEntries(Reports.Intake.InboxReader.List(inbox, Samples.Changzhi), null, f =>
                {
                    if (recorded == 2)
                    {
                        throw new IOException("disk full");
                    }
                    recording.Add(f.File, f.Bytes);
                    recorded++;
                    return f.File;
                });
            });
            Assert.Equal(2, recorded);
        }

        using (var opened = ReturnStore.Open(store, FixedClock.Default))
        {
            Assert.Equal("ok", opened.IntegrityCheck());
            Assert.Equal(0, opened.RunCount);
            Assert.Empty(opened.Versions(Samples.ReturnCode, Samples.Period));
            // And the next recording completes.
            using var recording = opened.BeginRun(Samples.ReturnCode, Samples.Period, inbox, 0);
            recording.Complete();
            Assert.Equal(1, opened.RunCount);
        }
    }
}
