using Reports.Merge;

namespace Reports.Analysis;

/// <summary>What the analysis says of a merge: ranks per indicator, lagging items, data-quality signals.</summary>
public sealed record MergeAnalysis(
    IReadOnlyDictionary<string, IReadOnlyList<RankedUnit>> Ranks,
    IReadOnlyList<LaggingItem> Lagging,
    IReadOnlyList<ThresholdItem> BelowThreshold,
    IReadOnlyList<QualitySignal> Signals)
{
    public static MergeAnalysis Of(MergeResult merge, QualityThresholds? thresholds = null) => new(
        merge.Definition.Indicators.ToDictionary(i => i.Code, i => ProgressAnalysis.Rank(merge, i), StringComparer.Ordinal),
        ProgressAnalysis.Lagging(merge),
        merge.Definition.Indicators.SelectMany(i => ProgressAnalysis.BelowThreshold(merge, i)).ToList(),
        QualitySignals.Find(merge, thresholds));

    public int? RankOf(string unitCode, string indicatorCode) =>
        Ranks.TryGetValue(indicatorCode, out var ranks) ? ranks.FirstOrDefault(r => r.Unit.Code == unitCode)?.Rank : null;
}
