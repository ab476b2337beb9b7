using Reports.Merge;
using Reports.Rosters;

namespace Reports.Analysis;

/// <summary>
/// How one roster unit's return arrived this period: whether it is in the merge, the file that speaks for it,
/// when that file was received, whether in time, how many versions came in, its error and warning counts, and how many files wait after an approval.
/// </summary>
public sealed record UnitSubmission(
    RosterUnit Unit,
    UnitStatus Status,
    string? File,
    string? Sha256,
    /// <summary>When the file used was received; null when nothing usable came in.</summary>
    DateTimeOffset? ReceivedAt,
    /// <summary>True in time, false late; null when there is no deadline or no receive time.</summary>
    bool? OnTime,
    int Versions,
    int Errors,
    int Warnings,
    /// <summary>Files received after the office approved the period, waiting (not counted) until it reopens the unit.</summary>
    int Pending = 0);
