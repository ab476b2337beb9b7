using Reports.Diagnostics;
using Reports.Merge;

namespace Reports.Analysis;

/// <summary>
/// What the analysis says of a merge: ranks per indicator, lagging items, units below a required level,
/// data-quality signals (DQ… diagnostics, each naming its unit and field), and — when the store holds earlier periods — increments, year-on-year and the trend.
/// </summary>
public sealed record MergeAnalysis(
    IReadOnlyDictionary<string, IReadOnlyList<RankedUnit>> Ranks,
    IReadOnlyList<LaggingItem> Lagging,
    IReadOnlyList<ThresholdItem> BelowThreshold,
    IReadOnlyList<Diagnostic> Signals,
    MergeResult? Previous,
    IReadOnlyList<FieldIncrement> Increments,
    IReadOnlyList<YearOnYear> YearOnYear,
    IReadOnlyList<MergeResult> Trend)
{
    public static MergeAnalysis Of(MergeResult merge, PeriodHistory? history = null, QualityThresholds? thresholds = null)
    {
        thresholds ??= QualityThresholds.Default;
        history ??= PeriodHistory.None(merge);
        var signals = QualitySignals.Find(merge, thresholds).ToList();
        if (history.Previous is { } previous)
        {
            signals.AddRange(PeriodComparison.Signals(merge, previous, thresholds.JumpFactor));
        }
        return new MergeAnalysis(
            merge.Definition.Indicators.ToDictionary(i => i.Code, i => ProgressAnalysis.Rank(merge, i), StringComparer.Ordinal),
            ProgressAnalysis.Lagging(merge),
            merge.Definition.Indicators.SelectMany(i => ProgressAnalysis.BelowThreshold(merge, i)).ToList(),
            signals.OrderBy(s => merge.Roster.PositionOf(s.Unit!)).ThenBy(s => s.Code, StringComparer.Ordinal).ToList(),
            history.Previous,
            history.Previous is null ? [] : PeriodComparison.Increments(merge, history.Previous),
            PeriodComparison.YearOnYear(merge, history.LastYear),
            history.Campaign);
    }

    private readonly ILookup<string, LaggingItem> _laggingByIndicator = Lagging.ToLookup(l => l.Indicator.Code, StringComparer.Ordinal);
    private readonly ILookup<string, ThresholdItem> _belowByIndicator = BelowThreshold.ToLookup(t => t.Indicator.Code, StringComparer.Ordinal);

    /// <summary>The units behind time progress on one indicator, furthest behind first.</summary>
    public IReadOnlyList<LaggingItem> LaggingOn(string indicatorCode) => [.. _laggingByIndicator[indicatorCode]];

    /// <summary>The codes of the units behind time progress on one indicator.</summary>
    public IReadOnlySet<string> LaggingUnits(string indicatorCode) => _laggingByIndicator[indicatorCode].Select(l => l.Unit.Code).ToHashSet(StringComparer.Ordinal);

    /// <summary>The units below the required level of one indicator, furthest first.</summary>
    public IReadOnlyList<ThresholdItem> BelowThresholdOn(string indicatorCode) => [.. _belowByIndicator[indicatorCode]];

    private readonly Dictionary<string, Dictionary<string, int?>> _rankIndex = Ranks.ToDictionary(
        r => r.Key, r => r.Value.ToDictionary(u => u.Unit.Code, u => u.Rank, StringComparer.Ordinal), StringComparer.Ordinal);

    public int? RankOf(string unitCode, string indicatorCode) =>
        _rankIndex.TryGetValue(indicatorCode, out var ranks) ? ranks.GetValueOrDefault(unitCode) : null;
}
