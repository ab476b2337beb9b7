using Reports.Definitions;
using Reports.Intake;
using Reports.Periods;
using Reports.Rosters;
using Reports.Versions;

namespace Reports.Merge;

/// <summary>Merges the submissions chosen for one period, in roster order, into unit rows and a total of the accepted ones.</summary>
public static class Merger
{
    public static MergeResult Merge(
        ReturnDefinition definition,
        Roster roster,
        ReportingPeriod period,
        CampaignWindow window,
        VersionDecision decision)
    {
        // The file that speaks for each unit was decided once (VersionSelector); the merge only reads it.
        var byUnit = decision.Chosen;

        var empty = new Dictionary<string, decimal?>(definition.Indicators.Select(i => KeyValuePair.Create(i.Code, (decimal?)null)), StringComparer.Ordinal);
        var units = new List<UnitResult>(roster.Units.Count);
        foreach (var unit in roster.Units)
        {
            if (!byUnit.TryGetValue(unit.Code, out var file))
            {
                units.Add(new UnitResult(unit, UnitStatus.Missing, null, new Dictionary<string, decimal>(), new Dictionary<string, string>(), empty));
                continue;
            }
            var submission = file.Submission!;
            var accepted = file.Status == IntakeStatus.Accepted;
            units.Add(new UnitResult(
                unit,
                accepted ? UnitStatus.Accepted : UnitStatus.Rejected,
                file.File,
                submission.Values,
                submission.Texts,
                accepted ? IndicatorCalculator.ForUnit(definition, submission.Values) : empty)
            {
                Details = submission.Details,
            });
        }

        var members = units.Where(u => u.Status == UnitStatus.Accepted).Select(u => u.Values).ToList();
        var totals = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var field in definition.NumericFields)
        {
            totals[field.Code] = members.Where(v => v.ContainsKey(field.Code)).Sum(v => v[field.Code]);
        }
        var total = new GroupTotal(totals, IndicatorCalculator.ForGroup(definition, members));
        return new MergeResult(
            definition, roster, period, window,
            window.ProgressAt(period.LastDay),
            CampaignWindow.Year(period.Year).ProgressAt(period.LastDay),
            units, total);
    }
}
