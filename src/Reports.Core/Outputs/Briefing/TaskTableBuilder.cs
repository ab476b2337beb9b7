using Reports.Analysis;
using Reports.Definitions;
using Reports.Merge;
using Reports.Pdf;

namespace Reports.Outputs.Briefing;

/// <summary>
/// A task's table for the briefing: a row per roster unit with its figures, its rates, the time progress the
/// tracked rate is held against, its rank on the task's headline indicator and a mark when it lags; the city
/// total last. Units that did not report or were sent back say so in place of figures.
/// </summary>
public static class TaskTableBuilder
{
    /// <summary>Above this many columns the table is set a size smaller.</summary>
    private const int WideTable = 9;
    private const float WideTableFontSize = 9f;

    public static PdfTable Build(MergeResult merge, MergeAnalysis analysis, SectionDefinition section)
    {
        var fields = section.Fields.Where(f => f.IsNumeric).ToList();
        var tracked = section.Indicators.Where(i => merge.ProgressFor(i) is not null).ToList();
        var headline = TaskHeadline.For(merge, section);
        var ranks = headline is null
            ? new Dictionary<string, int?>()
            : analysis.Ranks[headline.Code].ToDictionary(r => r.Unit.Code, r => r.Rank);
        var lagging = tracked.SelectMany(i => analysis.LaggingUnits(i.Code)).ToHashSet(StringComparer.Ordinal);

        var columns = new List<PdfTableColumn> { new("单位", 1.2f, PdfAlign.Left) };
        columns.AddRange(fields.Select(f => new PdfTableColumn(f.LabelWithUnit, 1f, PdfAlign.Right)));
        columns.AddRange(section.Indicators.Select(i => new PdfTableColumn(i.IsRate && i.Style != IndicatorStyle.Amount ? i.Label : $"{i.Label}({i.Unit})", 1f, PdfAlign.Right)));
        if (tracked.Count > 0)
        {
            columns.Add(new PdfTableColumn("时序进度", 0.8f, PdfAlign.Right));
        }
        if (headline is not null)
        {
            columns.Add(new PdfTableColumn("排名", 0.6f, PdfAlign.Center));
        }
        if (tracked.Count > 0)
        {
            columns.Add(new PdfTableColumn("进度", 0.6f, PdfAlign.Center));
        }
        var progress = tracked.Count > 0 ? NumberStyle.Completion(merge.ProgressFor(tracked[0])) : "";

        var rows = new List<IReadOnlyList<string>>();
        foreach (var unit in merge.Units)
        {
            var row = new List<string> { unit.Unit.Name };
            if (unit.Status != UnitStatus.Accepted)
            {
                row.AddRange(Enumerable.Repeat("—", columns.Count - 1));
                row[1] = unit.Status == UnitStatus.Missing ? "未报送" : "退回";
                rows.Add(row);
                continue;
            }
            row.AddRange(fields.Select(f => unit.Values.TryGetValue(f.Code, out var v) ? NumberStyle.Cell(f, v) : "—"));
            row.AddRange(section.Indicators.Select(i => NumberStyle.Cell(i, unit.Indicators.GetValueOrDefault(i.Code))));
            if (tracked.Count > 0)
            {
                row.Add(progress);
            }
            if (headline is not null)
            {
                row.Add(ranks.GetValueOrDefault(unit.Unit.Code) is { } rank ? rank.ToString(System.Globalization.CultureInfo.InvariantCulture) : "—");
            }
            if (tracked.Count > 0)
            {
                row.Add(lagging.Contains(unit.Unit.Code) ? "滞后" : "");
            }
            rows.Add(row);
        }

        var total = new List<string> { "全市" };
        total.AddRange(fields.Select(f => NumberStyle.Cell(f, merge.Total.Values.GetValueOrDefault(f.Code))));
        total.AddRange(section.Indicators.Select(i => NumberStyle.Cell(i, merge.Total.Indicators.GetValueOrDefault(i.Code))));
        total.AddRange(Enumerable.Repeat("", columns.Count - total.Count));
        if (tracked.Count > 0)
        {
            total[1 + fields.Count + section.Indicators.Count] = progress;
        }
        rows.Add(total);

        var caption = headline is null ? $"表：{section.Title}分县情况" : $"表：{section.Title}分县情况（按{headline.Label}排名）";
        return new PdfTable(columns, rows, Caption: caption, BoldLastRows: 1,
            FontSizePt: columns.Count > WideTable ? WideTableFontSize : null);
    }
}
