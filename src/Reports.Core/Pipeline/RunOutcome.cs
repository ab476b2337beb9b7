using Reports.Diagnostics;
using Reports.Merge;
using Reports.Runs;
using Reports.Versions;

namespace Reports.Pipeline;

/// <summary>
/// What a run did: the exit code, every file and version as decided, the merge (of the first return), the files it wrote,
/// what the outputs found (e.g. characters no briefing font can draw), and how long each stage took.
/// </summary>
public sealed record RunOutcome(
    ExitCode ExitCode,
    IReadOnlyList<DecidedVersion> Intake,
    MergeResult Merge,
    IReadOnlyList<string> OutputFiles,
    IReadOnlyList<Diagnostic>? OutputDiagnostics = null,
    IReadOnlyList<StageTiming>? Timings = null)
{
    /// <summary>The merge of each return of the run, in order; the first is <see cref="Merge"/>.</summary>
    public IReadOnlyList<MergeResult> Merges { get; init; } = [Merge];

    /// <summary>The files whose findings the run tells: of versions that count, or new in this run (<see cref="Results.ReturnResult.Told"/>).</summary>
    public IReadOnlyList<DecidedVersion> Told { get; init; } = Intake;

    /// <summary>The result of each return of the run, in order (what every output was rendered from).</summary>
    public IReadOnlyList<Results.ReturnResult> Results { get; init; } = [];
}
