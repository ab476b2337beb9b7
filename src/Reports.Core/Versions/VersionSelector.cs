using System.Globalization;
using Reports.Diagnostics;
using Reports.Intake;

namespace Reports.Versions;

/// <summary>
/// The one rule for which version of a unit's return counts, used by run, status, history and validate alike.
/// Only a file that is a version of this return, period and unit (its identity and sender check out) and that the
/// office has not withdrawn can count. Among a unit's versions the one the office received last wins (the store's
/// first-seen run), then — among versions first seen in the same run — the template's 报送时间 stamp, then the file
/// time, then the file name: a stamp never beats a later reception. The others are marked superseded. Once the office
/// has approved the period (a <see cref="Freeze"/>), a unit not reopened since keeps exactly its approved version, and
/// any newer one is pending.
/// </summary>
public static class VersionSelector
{
    /// <summary>
    /// Decides among <paramref name="files"/> under the approval in force; notices name a version by when the office
    /// received it (in <paramref name="zone"/>, default UTC) and its hash, never by a file name another version may share.
    /// </summary>
    public static VersionDecision Decide(IReadOnlyList<StoredVersion> files, Freeze? freeze = null, TimeZoneInfo? zone = null)
    {
        zone ??= TimeZoneInfo.Utc;
        var chosen = new Dictionary<string, StoredVersion>(StringComparer.Ordinal);
        foreach (var unit in files.Where(CanCount).GroupBy(f => f.UnitCode!, StringComparer.Ordinal))
        {
            // A unit the approval still holds keeps exactly its approved version; one that was sent back then stays sent back
            // (its rejected version speaks for it, and none of it counts); one that had sent nothing stays without.
            var pick = freeze is not null && freeze.Holds(unit.Key)
                ? (freeze.Approval.Versions.GetValueOrDefault(unit.Key) ?? freeze.Approval.SentBack.GetValueOrDefault(unit.Key)) is { } approved
                    ? unit.FirstOrDefault(f => f.Sha256 == approved)
                    : null
                : unit.OrderByDescending(f => f, Newest).First();
            if (pick is not null)
            {
                chosen[unit.Key] = pick;
            }
        }
        var decisions = new Dictionary<string, DecidedVersion>(StringComparer.Ordinal);
        var decided = new List<DecidedVersion>(files.Count);
        foreach (var file in files)
        {
            var decision = DecideOne(file, chosen, freeze, zone);
            if (file.UnitCode is { } unit && chosen.TryGetValue(unit, out var pick) && ReferenceEquals(pick, file))
            {
                decisions[unit] = decision;
            }
            decided.Add(decision);
        }
        // The chosen entries are the very objects in the decided list, so reference identity holds.
        return new VersionDecision(decided, decisions) { Freeze = freeze };
    }

    /// <summary>What the decision makes of one file: its own verdict when it counts or cannot count, else withdrawn, pending or superseded, and why.</summary>
    private static DecidedVersion DecideOne(StoredVersion file, Dictionary<string, StoredVersion> chosen, Freeze? freeze, TimeZoneInfo zone)
    {
        if (file.Withdrawal is { } withdrawal)
        {
            return new DecidedVersion(file, IntakeStatus.Withdrawn, DiagnosticCatalog.Withdrawn.At(
                $"市级于 {withdrawal.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} 撤销了这个版本（{withdrawal.By}）：{withdrawal.Reason}", file.File));
        }
        if (!CanCount(file) || chosen.GetValueOrDefault(file.UnitCode!) is { } same && ReferenceEquals(same, file))
        {
            return new DecidedVersion(file, file.Verdict);
        }
        var winner = chosen.GetValueOrDefault(file.UnitCode!);
        if (freeze is not null && freeze.Holds(file.UnitCode!) && (winner is null || Newest.Compare(file, winner) > 0))
        {
            var approved = winner is null ? "审定时本单位未报送，本单位不计入汇总"
                : winner.Verdict == IntakeStatus.Accepted ? $"汇总仍采用审定的版本（{Version(winner, zone)}）"
                : $"审定时本单位未通过（{Version(winner, zone)}，已退回），本单位不计入汇总";
            return new DecidedVersion(file, IntakeStatus.Pending,
                DiagnosticCatalog.PendingAfterApproval.At($"本期数据已审定，本文件（{Describe(file)}）待审，不计入汇总；{approved}", file.File));
        }
        return new DecidedVersion(file, IntakeStatus.Superseded, DiagnosticCatalog.Superseded.At(
            $"单位 {file.UnitCode} 本期还报送了更新的版本（{Version(winner!, zone)}，文件 {Path.GetFileName(winner!.File)}，{Describe(winner)}），以其为准；本文件为 {Describe(file)}", file.File));
    }

    /// <summary>A version of this return, period and unit that the office has not withdrawn, read (accepted or rejected on its content).</summary>
    public static bool CanCount(StoredVersion file) =>
        file.Withdrawal is null && file.UnitCode is not null && file.Submission is not null
        && file.Verdict is IntakeStatus.Accepted or IntakeStatus.Rejected
        && !file.Diagnostics.Any(d => DiagnosticCatalog.IdentityFailures.Contains(d.Code));

    /// <summary>Later reception first decides; then the stamp, the file time and the name, for versions first seen together.</summary>
    private static readonly Comparer<StoredVersion> Newest = Comparer<StoredVersion>.Create((a, b) =>
    {
        var order = a.FirstSeenRun.CompareTo(b.FirstSeenRun);
        if (order == 0)
        {
            order = Nullable.Compare(a.Submission!.Stamp, b.Submission!.Stamp);
        }
        if (order == 0)
        {
            order = Believable(a).CompareTo(Believable(b));
        }
        return order != 0 ? order : string.CompareOrdinal(Path.GetFileName(a.File), Path.GetFileName(b.File));
    });

    /// <summary>
    /// A file time after the office received the file cannot be true (a county PC's clock set to 2100): such a file
    /// ranks below every believable time, so it never beats a version that really came later.
    /// </summary>
    private static DateTimeOffset Believable(StoredVersion file) =>
        file.ReceivedAt is { } received && file.Submission!.FileTime > received ? DateTimeOffset.MinValue : file.Submission!.FileTime;

    /// <summary>"收到于 2022-07-03 12:00，SHA-256 1a2b3c4d5e6f": a version as the office knows it.</summary>
    public static string Version(StoredVersion file, TimeZoneInfo zone) =>
        (file.ReceivedAt is { } at ? $"收到于 {TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}，" : "")
        + $"SHA-256 {file.Sha256[..Math.Min(12, file.Sha256.Length)]}";

    private static string Describe(StoredVersion file)
    {
        var submission = file.Submission!;
        return (submission.Stamp is null ? "文件时间 " : "报送时间 ") + submission.SubmittedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }
}
