using Reports.Definitions;
using Reports.Intake.Xlsx;
using Reports.Periods;
using Reports.Rosters;

namespace Reports.Intake;

/// <summary>What a file is checked against: the return, the roster and the period of this run.</summary>
public sealed record IntakeContext(ReturnDefinition Definition, Roster Roster, ReportingPeriod Period, XlsxLimits? Limits = null);
