using Reports.Merge;

namespace Reports.Analysis;

/// <summary>
/// Earlier merges of the same return from the store: the previous period, the same period last year, and every
/// period of the campaign up to the current one (the current merge included), oldest first.
/// </summary>
public sealed record PeriodHistory(MergeResult? Previous, MergeResult? LastYear, IReadOnlyList<MergeResult> Campaign)
{
    public static PeriodHistory None(MergeResult current) => new(null, null, [current]);
}
