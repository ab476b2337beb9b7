using Reports.Analysis;
using Reports.Intake;
using Reports.Merge;
using Reports.Periods;
using Reports.Versions;

namespace Reports.Store;

/// <summary>
/// Rebuilds earlier periods' merges from the store, deciding among the versions by the one rule (VersionSelector), against the current roster.
/// </summary>
public static class HistoryLoader
{
    public static PeriodHistory Load(ReturnStore store, MergeResult current)
    {
        MergeResult? MergeOf(ReportingPeriod period)
        {
            var versions = store.Versions(current.Definition.Code, period);
            return versions.Count == 0
                ? null
                : Merger.Merge(current.Definition, current.Roster, period, current.Window, VersionSelector.Decide(versions, store.FreezeOf(current.Definition.Code, period)));
        }

        var campaign = PeriodArithmetic.PeriodsOf(current.Window, current.Period)
            .Where(p => p != current.Period)
            .Select(MergeOf)
            .OfType<MergeResult>()
            .Append(current)
            .ToList();
        return new PeriodHistory(MergeOf(current.Period.AddMonths(-1)), MergeOf(current.Period.AddMonths(-12)), campaign);
    }
}
