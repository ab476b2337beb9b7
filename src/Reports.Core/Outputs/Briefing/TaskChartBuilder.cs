using Reports.Analysis;
using Reports.Definitions;
using Reports.Merge;
using Reports.Numbers;
using Reports.Pdf;

namespace Reports.Outputs.Briefing;

/// <summary>
/// A task's chart: the headline rate of every accepted unit as a bar, highest first (the table's order), lagging
/// units highlighted and named in the legend, with a dashed line at time progress (tracked rates) or at last year's
/// level (ratios against last year). When every unit has the same rate a sentence says so instead of a row of equal
/// bars; in the leaders' form the chart shows how many units fall in each band of the rate.
/// </summary>
public static class TaskChartBuilder
{
    public const string LaggingLegend = "低于时序进度";

    /// <summary>Bands of the distribution chart, at most.</summary>
    private const int MaxBands = 12;

    public static PdfBlock? Build(MergeResult merge, MergeAnalysis analysis, SectionDefinition section, BriefingScale scale)
    {
        if (TaskHeadline.For(merge, section) is not { } headline)
        {
            return null;
        }
        var lagging = analysis.LaggingUnits(headline.Code);
        var required = merge.ProgressFor(headline) is null ? headline.Threshold?.For(merge.Period.Year) : null;
        if (required is not null)
        {
            // A rate held to a required level (雨露计划 ≥ 90%): the units below it stand out instead.
            lagging = analysis.BelowThresholdOn(headline.Code).Select(t => t.Unit.Code).ToHashSet(StringComparer.Ordinal);
        }
        var valued = merge.Accepted
            .Where(u => u.Indicators.GetValueOrDefault(headline.Code) is not null)
            .Select((u, order) => (Unit: u, Rate: u.Indicators[headline.Code]!.Value, Order: order))
            .OrderByDescending(x => x.Rate)
            .ThenBy(x => x.Order)
            .ToList();
        if (valued.Count == 0)
        {
            return null;
        }
        var progress = merge.ProgressFor(headline);
        var word = TaskTableBuilder.UnitWord(merge);
        if (valued.Count > 1 && valued.All(x => x.Rate == valued[0].Rate))
        {
            // The leaders' form's table note says it already.
            return scale.LeadersForm ? null : new PdfParagraph($"已汇总的{valued.Count}个{word}{headline.Label}均为{NumberStyle.Indicator(headline, valued[0].Rate)}，不再作图。");
        }
        var (reference, label) = progress is { } p
            ? ((double?)(double)(p * 100), $"时序进度{NumberStyle.Completion(p)}")
            : required is { } level ? ((double?)(double)(level * 100), $"要求{NumberStyle.Percent(level, level * 100 % 1 == 0 ? 0 : 1)}")
            : headline.Style == IndicatorStyle.Yoy ? (100d, "上年度水平") : ((double?)null, (string?)null);
        if (scale.LeadersForm)
        {
            return Distribution(headline, valued.Select(x => x.Rate).ToList(), progress, word);
        }
        var bars = valued
            .Select(x => new PdfBar(x.Unit.Unit.Name, (double)x.Rate * 100, lagging.Contains(x.Unit.Unit.Code), NumberStyle.Indicator(headline, x.Rate).TrimEnd('%'))) // in double: a huge rate cannot overflow
            .ToList();
        return new PdfBarChart($"图：各{word}{headline.Label}（%，由高到低）", bars, "%", reference, label,
            LegendLabel: bars.Any(b => b.Highlight) ? (required is null ? LaggingLegend : "低于要求") : null);
    }

    /// <summary>How many units fall in each band of the rate (10-point bands, wider when the rates spread far); the
    /// bands wholly below time progress highlighted.</summary>
    private static PdfBarChart Distribution(IndicatorDefinition headline, IReadOnlyList<decimal> rates, decimal? progress, string word)
    {
        var percents = rates.Select(r => (double)r * 100).ToList();
        var low = Math.Floor(percents.Min() / 10) * 10;
        var high = Math.Floor(percents.Max() / 10) * 10 + 10;
        double step = 10;
        while ((high - low) / step > MaxBands)
        {
            step *= 2;
            low = Math.Floor(percents.Min() / step) * step;
            high = Math.Floor(percents.Max() / step) * step + step;
        }
        var bands = (int)Math.Round((high - low) / step);
        var counts = new int[bands];
        foreach (var p in percents)
        {
            counts[Math.Clamp((int)Math.Floor((p - low) / step), 0, bands - 1)]++;
        }
        double? behind = progress is { } t ? (double)t * 100 : null;
        var bars = Enumerable.Range(0, bands)
            .Select(i => new PdfBar($"{low + i * step:0}-{low + (i + 1) * step:0}", counts[i], behind is { } b && low + (i + 1) * step <= b,
                counts[i].ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        var caption = $"图：各{word}{headline.Label}分布（单位个数，按{step:0}个百分点分段{(progress is { } pr ? $"，时序进度{NumberStyle.Completion(pr)}" : "")}）";
        return new PdfBarChart(caption, bars, "单位个数", HeightPt: 160, LegendLabel: bars.Any(x => x.Highlight) ? "整段低于时序进度" : null);
    }
}
