using Reports.Definitions;
using Reports.Periods;
using Reports.Rosters;

namespace Reports.Merge;

/// <summary>The merged return of one period: every roster unit in roster order, and the total.</summary>
public sealed record MergeResult(
    ReturnDefinition Definition,
    Roster Roster,
    ReportingPeriod Period,
    CampaignWindow Window,
    decimal TimeProgress,
    decimal YearProgress,
    IReadOnlyList<UnitResult> Units,
    GroupTotal Total)
{
    public IEnumerable<UnitResult> Accepted => Units.Where(u => u.Status == UnitStatus.Accepted);
    public IEnumerable<UnitResult> Missing => Units.Where(u => u.Status == UnitStatus.Missing);
    public IEnumerable<UnitResult> Rejected => Units.Where(u => u.Status == UnitStatus.Rejected);
    public bool Complete => Units.All(u => u.Status == UnitStatus.Accepted);

    /// <summary>Time progress an indicator is compared with: the campaign's or the year's; null if none.</summary>
    public decimal? ProgressFor(IndicatorDefinition indicator) => indicator.Progress switch
    {
        ProgressBasis.Campaign => TimeProgress,
        ProgressBasis.Year => YearProgress,
        _ => null,
    };
}
