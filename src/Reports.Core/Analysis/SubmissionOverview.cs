using Reports.Intake;
using Reports.Merge;

namespace Reports.Analysis;

/// <summary>
/// Who sent what, and when: a row per roster unit in roster order, plus the files that belong to no roster unit.
/// The receive time is the submission's own record of it (for now the file time intake saw), so this stage never
/// asks the file system.
/// </summary>
public sealed record SubmissionOverview(
    DateTimeOffset? Deadline,
    IReadOnlyList<UnitSubmission> Units,
    IReadOnlyList<IntakeFileResult> Unidentified)
{
    public static SubmissionOverview Build(MergeResult merge, IReadOnlyList<IntakeFileResult> intake, DateTimeOffset? deadline)
    {
        var units = new List<UnitSubmission>(merge.Units.Count);
        foreach (var unit in merge.Units)
        {
            var files = intake.Where(f => f.UnitCode == unit.Unit.Code && f.Status != IntakeStatus.Ignored).ToList();
            // The file the merge used (the store may hold several versions under one file name: the one intake chose);
            // for a missing unit whose files could not be read, the last one seen.
            var used = files.LastOrDefault(f => f.File == unit.File && f.Status is IntakeStatus.Accepted or IntakeStatus.Rejected)
                       ?? files.FirstOrDefault(f => f.File == unit.File) ?? files.LastOrDefault();
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
                used?.WarningCount ?? 0));
        }
        var unidentified = intake.Where(f => f.UnitCode is null || merge.Roster.Find(f.UnitCode) is null).ToList();
        return new SubmissionOverview(deadline, units, unidentified);
    }
}
