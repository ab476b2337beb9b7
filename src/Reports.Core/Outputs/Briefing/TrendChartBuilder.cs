using Reports.Analysis;
using Reports.Definitions;
using Reports.Pdf;
using Reports.Periods;

namespace Reports.Outputs.Briefing;

/// <summary>
/// The trend of a campaign over its periods (its weeks, its ten-day periods …): per period in the store, the whole
/// roster's rate of every indicator tracked against the campaign's time progress, and time progress itself dashed;
/// only once several periods are in the store.
/// </summary>
public static class TrendChartBuilder
{
    /// <summary>Periods the trend needs before it is drawn: two points make a segment, not a trend.</summary>
    public const int FewestPeriods = 3;

    public static PdfLineChart? Build(MergeAnalysis analysis)
    {
        var trend = analysis.Trend;
        if (trend.Count < FewestPeriods)
        {
            return null;
        }
        var current = trend[^1];
        var tracked = current.Definition.Indicators.Where(i => i.Progress == ProgressBasis.Campaign).ToList();
        if (tracked.Count == 0)
        {
            return null;
        }
        var lines = tracked
            .Select(i => new PdfLine(i.Label, [.. trend.Select(p => p.Total.Indicators.GetValueOrDefault(i.Code) is { } rate ? (double?)(double)(rate * 100) : null)]))
            .Append(new PdfLine(ProgressBasis.Campaign.Label(), [.. trend.Select(p => (double?)(double)(p.TimeProgress * 100))], Dashed: true))
            .ToList();
        var every = current.Period.Frequency switch
        {
            Frequency.Week => "各周",
            Frequency.Dekad => "各旬",
            Frequency.Month => "各月",
            Frequency.Quarter => "各季度",
            Frequency.Half => "各半年",
            _ => "各年",
        };
        return new PdfLineChart($"图：{current.Roster.Name}{every}完成情况与时序进度（%）", [.. trend.Select(p => p.Period.ChineseShort)], lines, "%");
    }
}
