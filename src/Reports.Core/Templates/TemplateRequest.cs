using Reports.Definitions;
using Reports.Periods;
using Reports.Rosters;

namespace Reports.Templates;

/// <summary>
/// What a blank return is made for: which return, which period, which unit; and the values the office fills in
/// and locks (targets, last year's figures), by field code. Intake is given the same values to check against.
/// </summary>
public sealed record TemplateRequest(ReturnDefinition Definition, ReportingPeriod Period, RosterUnit Unit, IReadOnlyDictionary<string, decimal>? Prefill = null)
{
    /// <summary>"140403-潞州区-campaign-5plus1-2022-06.xlsx"</summary>
    public string FileName => $"{Unit.Code}-{Unit.Name}-{Definition.Code}-{Period}.xlsx";
}
