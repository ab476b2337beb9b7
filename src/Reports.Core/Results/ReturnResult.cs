using Reports.Analysis;
using Reports.Definitions;
using Reports.Diagnostics;
using Reports.Intake;
using Reports.Merge;
using Reports.Versions;

namespace Reports.Results;

/// <summary>
/// Everything one return of a run came to, computed once and immutable: every file and version with the decision of
/// which counts (<see cref="Decision"/>: decided versions, never their bytes), the receipts of the files received in
/// this run (<see cref="Receipts"/>), the merge, the whole analysis, who sent what and when, every finding as a diagnostic (the counted files'
/// findings and the data-quality signals, each naming its unit). Every output is a rendering of this record (the
/// briefing renders its narrative from it); none re-reads a county file, re-decides a version or recomputes a rank.
/// </summary>
public sealed record ReturnResult(
    VersionDecision Decision,
    MergeResult Merge,
    MergeAnalysis Analysis,
    SubmissionOverview Submissions,
    IReadOnlyList<Diagnostic> Findings)
{
    public ReturnDefinition Definition => Merge.Definition;

    /// <summary>
    /// The files whose findings a run tells (console, run.log, the closing counts): the versions that count and those new
    /// in this run; not a superseded version's findings, told when it came. Unset: every file.
    /// </summary>
    public IReadOnlyList<DecidedVersion> Told { get => field ?? Files; init; }

    /// <summary>The receipts of the files received in this run, each named for its version, with what the decision made of the file.</summary>
    public IReadOnlyList<ReceiptToIssue> Receipts { get; init; } = [];

    /// <summary>The office's approval the figures stand under (审定), in the office's time zone; null when the period is not approved.</summary>
    public ApprovalStatus? Approval { get; init; }

    /// <summary>
    /// Where each of a unit's figures was read, in the definition's field order: from the file the decision chose for it
    /// (its cells as intake recorded them and the store keeps them); empty for a unit with no file that counts.
    /// </summary>
    public IReadOnlyList<FieldSource> SourcesOf(string unitCode)
    {
        if (Decision.For(unitCode) is not { Submission: { } submission } file)
        {
            return [];
        }
        // Asked for every unit by summary.json and the workbook: a plain loop, one lookup a field.
        var name = Path.GetFileName(file.File);
        var sources = new List<FieldSource>();
        foreach (var field in Definition.Fields)
        {
            if (submission.Cells.TryGetValue(field.Code, out var cell))
            {
                sources.Add(new FieldSource(field.Code, name, file.Sha256, cell.Sheet, cell.Cell, cell.Typed));
            }
        }
        return sources;
    }

    /// <summary>Every file and version, decided: what intake.json lists.</summary>
    public IReadOnlyList<DecidedVersion> Files => Decision.Files;

    /// <summary>
    /// The result of a merge: analysis (with the earlier periods of <paramref name="history"/>), the submission overview
    /// against <paramref name="deadline"/>, the findings, and the
    /// approval in force with its time in <paramref name="zone"/> (default UTC).
    /// </summary>
    public static ReturnResult Compute(VersionDecision decision, MergeResult merge,
        PeriodHistory? history = null, QualityThresholds? thresholds = null, DateTimeOffset? deadline = null,
        TimeZoneInfo? zone = null)
    {
        var analysis = MergeAnalysis.Of(merge, history, thresholds);
        return new ReturnResult(decision, merge, analysis, SubmissionOverview.Build(merge, decision, deadline), FindingsOf(merge, decision, analysis))
        {
            Approval = ApprovalStatus.Of(decision.Freeze, merge, zone ?? TimeZoneInfo.Utc),
        };
    }

    /// <summary>Per roster unit in roster order: the warnings and errors of the file that counts for it, then its data-quality signals.</summary>
    private static List<Diagnostic> FindingsOf(MergeResult merge, VersionDecision decision, MergeAnalysis analysis)
    {
        var signals = analysis.Signals.ToLookup(s => s.Unit!, StringComparer.Ordinal);
        var findings = new List<Diagnostic>();
        foreach (var unit in merge.Units)
        {
            if (decision.For(unit.Unit.Code) is { } file)
            {
                findings.AddRange(file.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info).Select(d => d with { Unit = unit.Unit.Code }));
            }
            findings.AddRange(signals[unit.Unit.Code].Select(s => s with { File = unit.File }));
        }
        return findings;
    }
}
