using Reports.Definitions;
using Reports.Intake.Xlsx;
using Reports.Periods;
using Reports.Rosters;

namespace Reports.Intake;

/// <summary>
/// What a file is checked against: the return, the roster and the period of this run, and the values the office
/// prefilled into each unit's template (targets, last year's figures), per unit code then field code.
/// <see cref="Now"/> is the run's clock in the office's local time: a 报送时间 stamp after it cannot be true.
/// <see cref="Previous"/>: the previous period's accepted figures from the store, for the checks against them (none
/// without a store, or when the store holds no earlier period: those checks are then not made).
/// </summary>
public sealed record IntakeContext(
    ReturnDefinition Definition,
    Roster Roster,
    ReportingPeriod Period,
    XlsxLimits? Limits = null,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>>? Prefilled = null,
    DateTimeOffset? Now = null,
    PreviousFigures? Previous = null)
{
    public XlsxLimits EffectiveLimits => Limits ?? XlsxLimits.Default;
}
