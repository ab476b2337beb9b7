using Reports.Definitions;
using Reports.Intake;
using Reports.Numbers;
using Reports.Periods;
using Reports.Rosters;
using Reports.Versions;

namespace Reports.Merge;

/// <summary>
/// Merges the submissions chosen for one period (<see cref="VersionDecision"/>), in roster order, into unit rows and a
/// total of the accepted ones. Every figure in the result is within <see cref="NumberBounds"/>: intake never accepts
/// another, and a version a store recorded before the bounds existed is merged as intake would now take it, rejected,
/// without the impossible figure.
/// </summary>
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
            var values = submission.Values.All(v => NumberBounds.IsWithin(v.Value))
                ? submission.Values
                : submission.Values.Where(v => NumberBounds.IsWithin(v.Value)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
            var accepted = file.Status == IntakeStatus.Accepted && values.Count == submission.Values.Count;
            units.Add(new UnitResult(
                unit,
                accepted ? UnitStatus.Accepted : UnitStatus.Rejected,
                file.File,
                values,
                submission.Texts,
                accepted ? IndicatorCalculator.ForUnit(definition, values) : empty)
            {
                Details = submission.Details,
            });
        }

        var members = units.Where(u => u.Status == UnitStatus.Accepted).Select(u => u.Values).ToList();
        var totals = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var field in definition.NumericFields)
        {
            // Bounded figures (|x| ≤ 10^15) cannot overflow a decimal sum short of 7.9 × 10^13 units: null is a bug.
            // A plain loop, one lookup a member: run for every field over every unit of a province.
            decimal? sum = 0m;
            foreach (var values in members)
            {
                if (sum is { } sofar && values.TryGetValue(field.Code, out var value))
                {
                    sum = SafeDecimal.Add(sofar, value);
                }
            }
            totals[field.Code] = sum ?? throw new InvalidOperationException($"{field.Code} 的合计溢出，而每个数都在界内：程序错误");
        }
        var total = new GroupTotal(totals, IndicatorCalculator.ForGroup(definition, members));
        return new MergeResult(
            definition, roster, period, window,
            window.ProgressAt(period.LastDay),
            CampaignWindow.Year(period.LastDay.Year).ProgressAt(period.LastDay),
            units, total);
    }
}
