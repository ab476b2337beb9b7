using Reports.Intake;
using Reports.Merge;

namespace Reports.Pipeline;

/// <summary>What a run did: the exit code, the intake of every file, the merge, and the files it wrote.</summary>
public sealed record RunOutcome(
    ExitCode ExitCode,
    IReadOnlyList<IntakeFileResult> Intake,
    MergeResult Merge,
    IReadOnlyList<string> OutputFiles);
