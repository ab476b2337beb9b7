namespace Reports.Versions;

/// <summary>
/// The approval in force for a return's period and the units reopened since it: every other unit's figures come from
/// exactly the version approved, and whatever it sends later waits (pending) until the office reopens it.
/// </summary>
public sealed record Freeze(Approval Approval, IReadOnlySet<string> Reopened)
{
    /// <summary>True when the approval still fixes this unit's version (it has not been reopened).</summary>
    public bool Holds(string unit) => !Reopened.Contains(unit);

    /// <summary>True when no unit has been reopened: the whole period stands as approved.</summary>
    public bool Whole => Reopened.Count == 0;

    /// <summary>
    /// The approval in force after these events (approvals and reopenings, in any order): the latest approval, less the
    /// units reopened since; null when there is none, or when a reopening of every unit followed it.
    /// </summary>
    public static Freeze? Of(IReadOnlyList<Approval> approvals, IReadOnlyList<Reopening> reopenings)
    {
        var approval = approvals.MaxBy(a => a.Sequence);
        if (approval is null)
        {
            return null;
        }
        var since = reopenings.Where(r => r.Sequence > approval.Sequence).ToList();
        return since.Any(r => r.Unit is null)
            ? null
            : new Freeze(approval, since.Select(r => r.Unit!).ToHashSet(StringComparer.Ordinal));
    }
}
