using Reports.Definitions;
using Reports.Periods;
using Reports.Rosters;

namespace Reports.Templates;

/// <summary>
/// What a blank return is made for: which return, which period, which unit; and the values the office fills in
/// and locks (targets, last year's figures), by field code. Intake is given the same values to check against.
/// <see cref="DetailRows"/>: rows to write into the detail tables, per table code, as value-sheet text (the
/// <c>fill</c> verb and tests; a blank template has none).
/// </summary>
public sealed record TemplateRequest(ReturnDefinition Definition, ReportingPeriod Period, RosterUnit Unit, IReadOnlyDictionary<string, decimal>? Prefill = null)
{
    public IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>>? DetailRows { get; init; }

    /// <summary>
    /// "140403-潞州区-campaign-5plus1-2022-06.xlsx"; every part made safe (<see cref="SafeFileName"/>), so a unit named
    /// "../x" or "a/b" still names a file in the folder it is written to.
    /// </summary>
    public string FileName => $"{SafeFileName.Part(Unit.Code)}-{SafeFileName.Part(Unit.Name)}-{SafeFileName.Part(Definition.Code)}-{Period}.xlsx";
}
