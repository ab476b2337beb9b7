using Reports.Analysis;
using Reports.Merge;
using Reports.Periods;
using Scriban.Runtime;

namespace Reports.Outputs.Briefing;

/// <summary>
/// The figures a briefing template sees. <c>whole</c> names the roster's whole by its level ("全省", "全市", "全县":
/// <see cref="RosterLevel"/>), <c>unit_word</c> its units ("县（市、区）", "单位" for a large roster); <c>scope</c> names
/// what a total covers: <c>whole</c>, or "已报送的10个县（市、区）合计" when some units are not in the merge.
/// <c>rank_n</c> is how many units a ranking sentence ("…居前的是", "…较低的是") names: none under
/// <see cref="FewestRanked"/> accepted units (a unit is never ranked against itself), about a third of them, at most three. Field and indicator codes are the names: <c>total.emp_total</c>,
/// <c>total.fund_match_rate</c>; <c>units</c> in roster order; <c>lagging.CODE</c> the names of the accepted
/// units below time progress on that indicator, furthest behind first; <c>lagging_tasks</c> the same per task
/// (task, indicator, progress, names, units with name, rate and gap) for every tracked indicator;
/// <c>threshold.CODE</c> the level the plan requires of an indicator in the period's year and
/// <c>below_threshold.CODE</c> the accepted units below it (name, rate), furthest first. Unit lists stop at
/// <see cref="Listed"/> (<c>task.count</c>, <c>task.more</c> and <c>below_count.CODE</c> give the whole count), and
/// <c>join_names</c> names that many and then "等N个".
/// </summary>
public static class BriefingModel
{
    /// <summary>How many units a list in the narrative names (the furthest first); a template says how many more there are.</summary>
    public const int Listed = BriefingSettings.DefaultLaggingListed;

    /// <summary>Under this many accepted units nothing is ranked: no "居前" sentence, no rank column, no order in a caption.</summary>
    public const int FewestRanked = 3;

    /// <summary>How many units a ranking sentence names among <paramref name="accepted"/> units.</summary>
    public static int RankNamed(int accepted) => accepted < FewestRanked ? 0 : Math.Min(3, Math.Max(1, accepted / 3));

    public static IEnumerable<(string Name, object? Value)> Build(MergeResult merge, MergeAnalysis analysis)
    {
        var definition = merge.Definition;
        yield return ("city", merge.Roster.Name);
        yield return ("period", merge.Period.ToString());
        yield return ("period_end", merge.Period.ChineseEnd);
        // The period as people say it ("2022年第25周（6月20日—26日）", "2022年6月中旬", "2022年6月"), and shortly after the
        // day a week or a dekad ends ("第25周", "6月中旬"; empty for a month, whose end says it: 2022年6月底).
        yield return ("period_name", merge.Period.Chinese);
        yield return ("period_short", merge.Period.Frequency is Frequency.Week or Frequency.Dekad ? merge.Period.ChineseShort : "");
        yield return ("window_start", $"{merge.Window.Start.Year}年{merge.Window.Start.Month}月{merge.Window.Start.Day}日");
        yield return ("window_end", $"{merge.Window.End.Year}年{merge.Window.End.Month}月{merge.Window.End.Day}日");
        yield return ("time_progress", merge.TimeProgress);
        yield return ("year_progress", merge.YearProgress);
        yield return ("unit_count", merge.Units.Count);
        yield return ("accepted_count", merge.Accepted.Count());
        yield return ("whole", RosterLevel.Whole(merge.Roster));
        yield return ("unit_word", TaskTableBuilder.UnitWord(merge));
        yield return ("rank_n", RankNamed(merge.Accepted.Count()));
        // Where a total is stated: the whole roster's, or said to be over the units that reported.
        yield return ("scope", merge.Complete ? RosterLevel.Whole(merge.Roster) : $"已报送的{merge.Accepted.Count()}个{TaskTableBuilder.UnitWord(merge)}合计");
        yield return ("missing", Names(merge.Missing));
        yield return ("rejected", Names(merge.Rejected));

        var total = new ScriptObject();
        foreach (var field in definition.NumericFields)
        {
            total.SetValue(field.Code, merge.Total.Values.GetValueOrDefault(field.Code), true);
        }
        foreach (var (code, value) in merge.Total.Indicators)
        {
            total.SetValue(code, value, true);
        }
        yield return ("total", total);

        var units = new ScriptArray();
        foreach (var unit in merge.Units)
        {
            var item = new ScriptObject();
            item.SetValue("code", unit.Unit.Code, true);
            item.SetValue("name", unit.Unit.Name, true);
            item.SetValue("status", unit.Status.ToString().ToLowerInvariant(), true);
            foreach (var field in definition.NumericFields)
            {
                item.SetValue(field.Code, unit.Values.TryGetValue(field.Code, out var v) ? v : null, true);
            }
            foreach (var (code, value) in unit.Indicators)
            {
                item.SetValue(code, value, true);
            }
            units.Add(item);
        }
        yield return ("units", units);

        var lagging = new ScriptObject();
        foreach (var indicator in definition.Indicators.Where(i => merge.ProgressFor(i) is not null))
        {
            lagging.SetValue(indicator.Code, new ScriptArray(analysis.LaggingOn(indicator.Code).Select(l => l.Unit.Name)), true);
        }
        yield return ("lagging", lagging);

        var threshold = new ScriptObject();
        var below = new ScriptObject();
        var belowCount = new ScriptObject();
        foreach (var indicator in definition.Indicators.Where(i => i.Threshold is not null))
        {
            threshold.SetValue(indicator.Code, indicator.Threshold!.For(merge.Period.Year), true);
            var items = new ScriptArray();
            var all = analysis.BelowThresholdOn(indicator.Code);
            belowCount.SetValue(indicator.Code, all.Count, true);
            foreach (var item in all.Take(Listed))
            {
                var unit = new ScriptObject();
                unit.SetValue("name", item.Unit.Name, true);
                unit.SetValue("rate", item.Rate, true);
                items.Add(unit);
            }
            below.SetValue(indicator.Code, items, true);
        }
        yield return ("threshold", threshold);
        yield return ("below_threshold", below);
        yield return ("below_count", belowCount);

        // Per task with a tracked indicator, the units behind time progress: for the closing section.
        var laggingTasks = new ScriptArray();
        foreach (var section in definition.Sections)
        {
            foreach (var indicator in section.Indicators.Where(i => merge.ProgressFor(i) is not null))
            {
                var items = analysis.LaggingOn(indicator.Code);
                var task = new ScriptObject();
                task.SetValue("task", section.Title, true);
                task.SetValue("indicator", indicator.Label, true);
                task.SetValue("progress", merge.ProgressFor(indicator), true);
                task.SetValue("names", new ScriptArray(items.Select(l => l.Unit.Name)), true);
                task.SetValue("count", items.Count, true);
                task.SetValue("more", Math.Max(0, items.Count - Listed), true);
                var behind = new ScriptArray();
                foreach (var item in items.Take(Listed))
                {
                    var unit = new ScriptObject();
                    unit.SetValue("name", item.Unit.Name, true);
                    unit.SetValue("rate", item.Rate, true);
                    unit.SetValue("gap", item.Gap, true);
                    behind.Add(unit);
                }
                task.SetValue("units", behind, true);
                laggingTasks.Add(task);
            }
        }
        yield return ("lagging_tasks", laggingTasks);
    }

    private static ScriptArray Names(IEnumerable<UnitResult> units) => new(units.Select(u => u.Unit.Name));
}
