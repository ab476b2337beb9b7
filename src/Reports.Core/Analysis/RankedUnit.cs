using Reports.Rosters;

namespace Reports.Analysis;

/// <summary>A unit's place on one indicator: 1 = best, ties share a rank, null where the indicator is undefined.</summary>
public sealed record RankedUnit(RosterUnit Unit, decimal? Value, int? Rank);
