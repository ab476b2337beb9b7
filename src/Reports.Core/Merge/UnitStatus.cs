namespace Reports.Merge;

/// <summary>Whether a roster unit is in the merge.</summary>
public enum UnitStatus
{
    Accepted,
    Rejected,
    Missing,
}
