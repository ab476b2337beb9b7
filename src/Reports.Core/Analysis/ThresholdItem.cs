using Reports.Definitions;
using Reports.Rosters;

namespace Reports.Analysis;

/// <summary>A unit below the level the plan requires of an indicator (未达到要求), and by how much.</summary>
public sealed record ThresholdItem(RosterUnit Unit, IndicatorDefinition Indicator, decimal Rate, decimal Required)
{
    public decimal Gap => Required - Rate;
}
