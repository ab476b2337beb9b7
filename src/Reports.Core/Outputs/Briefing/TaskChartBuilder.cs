using Reports.Analysis;
using Reports.Definitions;
using Reports.Merge;
using Reports.Pdf;

namespace Reports.Outputs.Briefing;

/// <summary>
/// A task's chart: the headline rate of every accepted unit as a bar, in roster order, lagging units
/// highlighted, with a dashed line at time progress (tracked rates) or at last year's level (ratios against last year).
/// </summary>
public static class TaskChartBuilder
{
    public static PdfBarChart? Build(MergeResult merge, MergeAnalysis analysis, SectionDefinition section)
    {
        if (TaskHeadline.For(merge, section) is not { } headline)
        {
            return null;
        }
        var lagging = analysis.LaggingUnits(headline.Code);
        var bars = merge.Accepted
            .Where(u => u.Indicators.GetValueOrDefault(headline.Code) is not null)
            .Select(u => new PdfBar(u.Unit.Name, (double)u.Indicators[headline.Code]!.Value * 100, lagging.Contains(u.Unit.Code))) // in double: a huge rate cannot overflow
            .ToList();
        if (bars.Count == 0)
        {
            return null;
        }
        var (reference, label) = merge.ProgressFor(headline) is { } progress
            ? ((double?)(double)(progress * 100), $"时序进度{NumberStyle.Completion(progress)}")
            : headline.Style == IndicatorStyle.Yoy ? (100d, "上年度水平") : ((double?)null, (string?)null);
        return new PdfBarChart($"图：各县（市、区）{headline.Label}（%）", bars, "%", reference, label);
    }
}
