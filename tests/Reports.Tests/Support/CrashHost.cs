using System.Globalization;
using Reports.Cli;
using Reports.Runs;

namespace Reports.Tests.Support;

/// <summary>
/// The test assembly run as a program (<c>dotnet Reports.Tests.dll --pause-output MS --pause-record MS -- ARGS</c>):
/// the reports program itself (<see cref="Program.Run"/>: its Ctrl-C, console and fonts) with writes that stop
/// midway, so a crash test can interrupt or kill a real process in the middle of a file or of the store's transaction.
/// Started by <see cref="Cli.StartPausing"/>.
/// </summary>
public static class CrashHost
{
    public static int Main(string[] args)
    {
        var split = Array.IndexOf(args, "--");
        var pauses = args[..split];
        var output = Milliseconds(pauses, "--pause-output");
        var record = Milliseconds(pauses, "--pause-record");
        return Program.Run(args[(split + 1)..], new WriteSeams
        {
            OpenOutput = path => output > TimeSpan.Zero ? new PausingStream(OutputWriting.OpenFile(path), output) : OutputWriting.OpenFile(path),
            Recorded = record > TimeSpan.Zero ? new PausingRecording(record) : null,
        });
    }

    private static TimeSpan Milliseconds(string[] args, string name) =>
        Array.IndexOf(args, name) is var at and >= 0 ? TimeSpan.FromMilliseconds(int.Parse(args[at + 1], CultureInfo.InvariantCulture)) : TimeSpan.Zero;
}
