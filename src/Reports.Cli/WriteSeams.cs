using Reports.Intake;
using Reports.Runs;

namespace Reports.Cli;

/// <summary>
/// What the command's writes go through, handed in by whoever starts it: how an output's temporary file is opened,
/// and who is told as each received file is recorded inside the store's open transaction. The program keeps the
/// plain ones; a crash test's host hands in ones that stop midway, so a real process can be interrupted mid-write.
/// </summary>
public sealed record WriteSeams
{
    public static WriteSeams Plain { get; } = new();

    public Func<string, Stream> OpenOutput { get; init; } = OutputWriting.OpenFile;

    public IProgress<IntakeFileResult>? Recorded { get; init; }
}
