using Reports.Rosters;

namespace Reports.Merge;

/// <summary>
/// One roster unit in the merge: its status, the figures it sent (also when rejected, for the record) and
/// its indicators (null where undefined or the unit is not accepted).
/// </summary>
public sealed record UnitResult(
    RosterUnit Unit,
    UnitStatus Status,
    string? File,
    IReadOnlyDictionary<string, decimal> Values,
    IReadOnlyDictionary<string, string> Texts,
    IReadOnlyDictionary<string, decimal?> Indicators)
{
    /// <summary>The rows of each detail table (台账) the unit sent, by table code.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Intake.DetailRow>> Details { get; init; } = new Dictionary<string, IReadOnlyList<Intake.DetailRow>>();
}
