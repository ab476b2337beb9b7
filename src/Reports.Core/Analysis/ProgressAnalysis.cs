using Reports.Definitions;
using Reports.Merge;

namespace Reports.Analysis;

/// <summary>
/// Who is behind and who leads: rankings per indicator over the accepted units, and the units below time
/// progress on each indicator a definition tracks against the campaign or the year.
/// </summary>
public static class ProgressAnalysis
{
    /// <summary>
    /// Ranks accepted units on an indicator, higher is better; equal values share a rank (1, 2, 2, 4);
    /// units without a value (or not accepted) get no rank and come last, in roster order.
    /// </summary>
    public static IReadOnlyList<RankedUnit> Rank(MergeResult merge, IndicatorDefinition indicator)
    {
        var valued = merge.Accepted
            .Select(u => (Unit: u, Value: u.Indicators.GetValueOrDefault(indicator.Code)))
            .Where(x => x.Value is not null)
            .OrderByDescending(x => x.Value)
            .ToList();
        var ranked = new List<RankedUnit>(merge.Units.Count);
        for (var i = 0; i < valued.Count; i++)
        {
            var rank = i > 0 && valued[i].Value == valued[i - 1].Value ? ranked[i - 1].Rank : i + 1;
            ranked.Add(new RankedUnit(valued[i].Unit.Unit, valued[i].Value, rank));
        }
        var rankedUnits = valued.Select(v => v.Unit.Unit.Code).ToHashSet(StringComparer.Ordinal);
        var unranked = merge.Units.Where(u => !rankedUnits.Contains(u.Unit.Code));
        ranked.AddRange(unranked.Select(u => new RankedUnit(u.Unit, u.Status == UnitStatus.Accepted ? u.Indicators.GetValueOrDefault(indicator.Code) : null, null)));
        return ranked;
    }

    /// <summary>The accepted units below time progress on a tracked indicator, furthest behind first (then roster order).</summary>
    public static IReadOnlyList<LaggingItem> Lagging(MergeResult merge, IndicatorDefinition indicator)
    {
        if (merge.ProgressFor(indicator) is not { } progress)
        {
            return [];
        }
        return merge.Accepted
            .Where(u => u.Indicators.GetValueOrDefault(indicator.Code) is { } rate && rate < progress)
            .Select(u => new LaggingItem(u.Unit, indicator, u.Indicators[indicator.Code]!.Value, progress))
            .OrderByDescending(l => l.Gap)
            .ToList();
    }

    /// <summary>The accepted units below the level the definition requires of an indicator for the period's year, furthest first.</summary>
    public static IReadOnlyList<ThresholdItem> BelowThreshold(MergeResult merge, IndicatorDefinition indicator)
    {
        if (indicator.Threshold?.For(merge.Period.Year) is not { } required)
        {
            return [];
        }
        return merge.Accepted
            .Where(u => u.Indicators.GetValueOrDefault(indicator.Code) is { } rate && rate < required)
            .Select(u => new ThresholdItem(u.Unit, indicator, u.Indicators[indicator.Code]!.Value, required))
            .OrderByDescending(t => t.Gap)
            .ToList();
    }

    /// <summary>Every lagging item of the return, task by task in definition order.</summary>
    public static IReadOnlyList<LaggingItem> Lagging(MergeResult merge) =>
        merge.Definition.Indicators.SelectMany(i => Lagging(merge, i)).ToList();
}
