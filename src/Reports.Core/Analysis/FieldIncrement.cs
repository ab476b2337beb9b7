using Reports.Rosters;

namespace Reports.Analysis;

/// <summary>A unit's 本期新增 on a cumulative field: this period's figure less the previous period's.</summary>
public sealed record FieldIncrement(RosterUnit Unit, string Field, decimal Previous, decimal Current)
{
    /// <summary>Both figures are merged, so bounded by 10^15 (see <see cref="Merge.Merger"/>): the difference always fits.</summary>
    public decimal Increment => Current - Previous;
}
