using Reports.Periods;

namespace Reports.Intake;

/// <summary>
/// Each roster unit's accepted figures of the previous period, from the store (the version that counted for it):
/// what a must-explain <c>notBelowPrevious</c> check compares a cumulative figure with, by unit code then field code.
/// </summary>
public sealed record PreviousFigures(ReportingPeriod Period, IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> ByUnit);
