using System.Collections.Concurrent;
using Reports.Cli;
using Reports.Intake;
using Reports.Pipeline;
using Reports.Runs;
using Reports.Tests.Support;

namespace Reports.Tests.Cli;

/// <summary>
/// The seams a crash test needs are handed in by whoever starts the command (the program, a test, Support/CrashHost),
/// not read from the environment by the command: every file a verb writes is opened through them, and the store tells
/// them each file it records.
/// </summary>
public sealed class WriteSeamsTests
{
    [Fact]
    public void Every_file_run_writes_is_opened_through_the_seams_handed_in_and_each_recorded_file_is_told()
    {
        using var temp = new TempDirectory();
        var units = Samples.Changzhi.Units.Take(3).ToArray();
        var roster = Samples.WriteRoster(temp.Path, units);
        var inbox = temp.Sub("inbox");
        foreach (var unit in units[..2])
        {
            Samples.WriteFilled(inbox, unit, Samples.ValuesOf(unit.Code));
        }
        var opened = new ConcurrentBag<string>();
        var recorded = new ConcurrentBag<string>();
        var timings = Path.Combine(temp.Path, "timings.json");
        var command = new ReportsCommand(FixedClock.Default, new StringWriter(), new StringWriter())
        {
            Seams = new WriteSeams
            {
                OpenOutput = file => { opened.Add(file); return OutputWriting.OpenFile(file); },
                Recorded = new Told(recorded),
            },
        };

        var exit = command.Invoke(["run", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", roster, "--inbox", inbox,
            "--out", Path.Combine(temp.Path, "out"), "--store", Path.Combine(temp.Path, "s.db"), "--timings", timings]);

        Assert.Equal((int)ExitCode.Incomplete, exit);
        var written = Directory.GetFiles(Path.Combine(temp.Path, "out", "2022-06"), "*", SearchOption.AllDirectories).Append(timings);
        Assert.Equal(written.Select(f => f + OutputFile.TemporarySuffix).Order(StringComparer.Ordinal), opened.Order(StringComparer.Ordinal));
        Assert.Equal(Directory.GetFiles(inbox).Select(Path.GetFileName).Order(StringComparer.Ordinal), recorded.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_status_csv_and_the_templates_are_opened_through_the_seams_too()
    {
        using var temp = new TempDirectory();
        var opened = new ConcurrentBag<string>();
        var command = new ReportsCommand(FixedClock.Default, new StringWriter(), new StringWriter())
        {
            Seams = new WriteSeams { OpenOutput = file => { opened.Add(file); return OutputWriting.OpenFile(file); } },
        };
        var templates = Path.Combine(temp.Path, "t");
        var csv = Path.Combine(temp.Path, "催报.csv");

        Assert.Equal(0, command.Invoke(["template", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", RepositoryPaths.SampleRoster, "--out", templates]));
        command.Invoke(["status", "--period", "2022-06", "--store", Path.Combine(temp.Path, "none.db"), "--csv", csv]);

        var written = Directory.GetFiles(templates).Append(csv);
        Assert.Equal(written.Select(f => f + OutputFile.TemporarySuffix).Order(StringComparer.Ordinal), opened.Order(StringComparer.Ordinal));
    }

    private sealed class Told(ConcurrentBag<string> names) : IProgress<IntakeFileResult>
    {
        public void Report(IntakeFileResult value) => names.Add(Path.GetFileName(value.File));
    }
}
