using Reports.Definitions;
using Reports.Rosters;

namespace Reports.Analysis;

/// <summary>A unit behind time progress (进度滞后) on a tracked indicator, and by how much (a fraction: 0.085 = 8.5 points).</summary>
public sealed record LaggingItem(RosterUnit Unit, IndicatorDefinition Indicator, decimal Rate, decimal Progress)
{
    public decimal Gap => Progress - Rate;
}
