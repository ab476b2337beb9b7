using Reports.Intake;
using Reports.Merge;
using Reports.Versions;

namespace Reports.Analysis;

/// <summary>
/// Who sent what, and when: a row per roster unit in roster order, plus the files that belong to no roster unit.
/// <see cref="Rates"/> sums them up for the whole roster. The receive time is the file's time (when it reached the inbox), so this stage never asks the file system.
/// </summary>
public sealed record SubmissionOverview(
    DateTimeOffset? Deadline,
    IReadOnlyList<UnitSubmission> Units,
    IReadOnlyList<DecidedVersion> Unidentified)
{
    /// <summary>The roster's counts and rates: expected, received, accepted, sent back, missing, on time, pending.</summary>
    public ReportingRates Rates { get; } = ReportingRates.Of(Units, Deadline is not null);

    public static SubmissionOverview Build(MergeResult merge, VersionDecision decision, DateTimeOffset? deadline)
    {
        var byUnit = decision.Files.Where(f => f.UnitCode is not null && f.Status != IntakeStatus.Ignored).ToLookup(f => f.UnitCode!, StringComparer.Ordinal);
        var units = new List<UnitSubmission>(merge.Units.Count);
        foreach (var unit in merge.Units)
        {
            var files = byUnit[unit.Unit.Code].ToList();
            // The file the merge used; for a unit none of whose files counts, the last one seen.
            var used = decision.For(unit.Unit.Code) ?? files.LastOrDefault();
            // The file's own time: when the county's file reached the inbox, even if the office merges days later.
            var received = used?.Submission?.FileTime;
            units.Add(new UnitSubmission(
                unit.Unit,
                unit.Status,
                used?.File,
                used is { Sha256.Length: > 0 } ? used.Sha256 : null,
                received,
                deadline is { } due && received is { } at ? at <= due : null,
                files.Count(f => f.Status != IntakeStatus.Duplicate), // a byte-identical resend is not a version
                used?.ErrorCount ?? 0,
                used?.WarningCount ?? 0,
                files.Count(f => f.Status == IntakeStatus.Pending)));
        }
        var unidentified = decision.Files.Where(f => f.UnitCode is null || merge.Roster.Find(f.UnitCode) is null).ToList();
        return new SubmissionOverview(deadline, units, unidentified);
    }
}
