namespace Reports.Definitions;

/// <summary>
/// An indicator: Σ numerator fields, divided by Σ denominator fields when there are any.
/// Computed from summed field values, so a group's indicator is always a ratio of sums.
/// </summary>
public sealed record IndicatorDefinition(
    string Code,
    string Label,
    IReadOnlyList<string> Numerator,
    IReadOnlyList<string> Denominator,
    IndicatorStyle Style,
    string Unit,
    /// <summary>What the rate is compared with to call a unit lagging; null when it is not tracked against time.</summary>
    ProgressBasis? Progress,
    /// <summary>The level the plan requires, if any.</summary>
    IndicatorThreshold? Threshold = null)
{
    public bool IsRate => Denominator.Count > 0;
}
