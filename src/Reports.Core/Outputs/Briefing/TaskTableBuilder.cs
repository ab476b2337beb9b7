using System.Globalization;
using Reports.Analysis;
using Reports.Definitions;
using Reports.Merge;
using Reports.Numbers;
using Reports.Pdf;

namespace Reports.Outputs.Briefing;

/// <summary>
/// A task's table for the briefing: the rank and the rate the units are ranked by first, with the 滞后 mark beside
/// it, then the task's figures and its other rates; rows in the order of that rank (units without a rank, then those
/// that did not report or were sent back, last); the total of the units merged last, named as such when some are
/// missing. In the leaders' form (a large roster) only the first and last units and the lagging ones (up to a cap)
/// are listed, and a note says what was left out and where the full table is.
/// </summary>
public static class TaskTableBuilder
{
    /// <summary>Above this many columns the table is set a size smaller (小五).</summary>
    private const int WideTable = 8;
    private const float WideTableFontSize = 9f;

    public static IReadOnlyList<PdfBlock> Build(MergeResult merge, MergeAnalysis analysis, SectionDefinition section, BriefingScale scale)
    {
        var fields = section.Fields.Where(f => f.IsNumeric).ToList();
        var tracked = section.Indicators.Where(i => merge.ProgressFor(i) is not null).ToList();
        var headline = TaskHeadline.For(merge, section);
        var ranks = headline is null
            ? new Dictionary<string, int?>()
            : analysis.Ranks[headline.Code].ToDictionary(r => r.Unit.Code, r => r.Rank);
        var lagging = tracked.SelectMany(i => analysis.LaggingUnits(i.Code)).ToHashSet(StringComparer.Ordinal);
        var others = section.Indicators.Where(i => i != headline).ToList();

        var columns = new List<PdfTableColumn>();
        if (headline is not null)
        {
            columns.Add(new PdfTableColumn("排名", 0.5f, PdfAlign.Center));
        }
        columns.Add(new PdfTableColumn("单位", 1.2f, PdfAlign.Left));
        if (headline is not null)
        {
            columns.Add(new PdfTableColumn(IndicatorHeader(headline), 1f, PdfAlign.Right));
        }
        if (tracked.Count > 0)
        {
            columns.Add(new PdfTableColumn("进度", 0.6f, PdfAlign.Center));
        }
        columns.AddRange(fields.Select(f => new PdfTableColumn(TableHeader.Of(f.Label, f.Unit), 1f, PdfAlign.Right)));
        columns.AddRange(others.Select(i => new PdfTableColumn(IndicatorHeader(i), 1f, PdfAlign.Right)));

        List<string> Row(UnitResult unit)
        {
            var row = new List<string>();
            if (headline is not null)
            {
                row.Add(ranks.GetValueOrDefault(unit.Unit.Code) is { } rank ? rank.ToString(CultureInfo.InvariantCulture) : "—");
            }
            row.Add(unit.Unit.Name);
            if (unit.Status != UnitStatus.Accepted)
            {
                var first = row.Count;
                row.AddRange(Enumerable.Repeat("—", columns.Count - row.Count));
                row[first] = unit.Status == UnitStatus.Missing ? "未报送" : "退回";
                return row;
            }
            if (headline is not null)
            {
                row.Add(NumberStyle.Cell(headline, unit.Indicators.GetValueOrDefault(headline.Code)));
            }
            if (tracked.Count > 0)
            {
                row.Add(lagging.Contains(unit.Unit.Code) ? "滞后" : "");
            }
            row.AddRange(fields.Select(f => unit.Values.TryGetValue(f.Code, out var v) ? NumberStyle.Cell(f, v) : "—"));
            row.AddRange(others.Select(i => NumberStyle.Cell(i, unit.Indicators.GetValueOrDefault(i.Code))));
            return row;
        }

        // Ranked first (1 = best; ties in roster order), then the merged units without a rank, then the rest.
        var ordered = merge.Units
            .Select((unit, order) => (Unit: unit, Order: order, Rank: unit.Status == UnitStatus.Accepted ? ranks.GetValueOrDefault(unit.Unit.Code) : null))
            .OrderBy(x => x.Unit.Status == UnitStatus.Accepted ? 0 : 1)
            .ThenBy(x => x.Rank ?? int.MaxValue)
            .ThenBy(x => x.Order)
            .Select(x => x.Unit)
            .ToList();

        var blocks = new List<PdfBlock>();
        var listed = ordered;
        string? note = null;
        if (scale.LeadersForm)
        {
            (listed, note) = LeadersRows(merge, analysis, ordered, tracked, headline, scale);
        }

        var rows = listed.Select(u => (IReadOnlyList<string>)Row(u)).ToList();
        var accepted = merge.Accepted.Count();
        var total = new List<string>();
        if (headline is not null)
        {
            total.Add("");
        }
        total.Add(TotalLabel(merge, accepted));
        if (headline is not null)
        {
            total.Add(NumberStyle.Cell(headline, merge.Total.Indicators.GetValueOrDefault(headline.Code)));
        }
        if (tracked.Count > 0)
        {
            total.Add("");
        }
        total.AddRange(fields.Select(f => NumberStyle.Cell(f, merge.Total.Values.GetValueOrDefault(f.Code))));
        total.AddRange(others.Select(i => NumberStyle.Cell(i, merge.Total.Indicators.GetValueOrDefault(i.Code))));
        rows.Add(total);

        var progress = tracked.Count > 0 ? $"，时序进度{NumberStyle.Completion(merge.ProgressFor(tracked[0]))}" : "";
        var order = headline is null ? "" : $"（按{headline.Label}由高到低排列{progress}）";
        var what = scale.LeadersForm ? $"{section.Title}情况摘要" : $"{section.Title}分县情况";
        blocks.Add(new PdfTable(columns, rows, Caption: $"表：{what}{order}", BoldLastRows: 1,
            FontSizePt: columns.Count > WideTable ? WideTableFontSize : null));
        if (note is not null)
        {
            blocks.Add(new PdfParagraph(note));
        }
        return blocks;
    }

    /// <summary>"全市合计", or "已报送的10个县（市、区）合计" when some units are not in the merge.</summary>
    public static string TotalLabel(MergeResult merge, int accepted) =>
        accepted == merge.Units.Count
            ? $"{Scope(merge)}合计"
            : $"已报送的{accepted}个{UnitWord(merge)}合计";

    private static string Scope(MergeResult merge) => merge.Units.Count <= BriefingSettings.DefaultFullTablesUpTo ? "全市" : "全部";

    internal static string UnitWord(MergeResult merge) => merge.Units.Count <= BriefingSettings.DefaultFullTablesUpTo ? "县（市、区）" : "单位";

    /// <summary>The first and last <see cref="BriefingScale.Ends"/> units by rank and the lagging ones up to the cap, in rank order; and the note.</summary>
    private static (List<UnitResult> Rows, string Note) LeadersRows(MergeResult merge, MergeAnalysis analysis, List<UnitResult> ordered,
        List<IndicatorDefinition> tracked, IndicatorDefinition? headline, BriefingScale scale)
    {
        var ranked = ordered.Where(u => u.Status == UnitStatus.Accepted).ToList();
        if (headline is not null && ranked.Count > 1
            && ranked.Select(u => u.Indicators.GetValueOrDefault(headline.Code)).Distinct().ToList() is [{ } same])
        {
            // Every unit alike: a list of them would say nothing the total does not.
            return ([], $"全部{merge.Units.Count}个单位中已汇总{ranked.Count}个，{headline.Label}均为{NumberStyle.Indicator(headline, same)}，表中只列出合计；各单位完整数据见{scale.Workbook}。");
        }
        var keep = new HashSet<string>(StringComparer.Ordinal);
        if (headline is not null)
        {
            keep.UnionWith(ranked.Take(BriefingScale.Ends).Select(u => u.Unit.Code));
            keep.UnionWith(ranked.TakeLast(BriefingScale.Ends).Select(u => u.Unit.Code));
        }
        // The furthest behind first, up to the cap.
        var behind = tracked.Count > 0 ? analysis.LaggingOn(tracked[0].Code).Select(l => l.Unit.Code).ToList() : [];
        var shownBehind = behind.Take(scale.LaggingListed).ToList();
        keep.UnionWith(shownBehind);
        var rows = ranked.Where(u => keep.Contains(u.Unit.Code)).ToList();
        var parts = new List<string>();
        if (headline is not null)
        {
            parts.Add($"表中列出{headline.Label}居前和居后的各{BriefingScale.Ends}个单位");
        }
        if (behind.Count > 0)
        {
            parts.Add(behind.Count > shownBehind.Count
                ? $"低于时序进度的{behind.Count}个单位中差距最大的{shownBehind.Count}个（其余{behind.Count - shownBehind.Count}个未列出）"
                : $"低于时序进度的全部{behind.Count}个单位");
        }
        var listed = parts.Count == 0 ? "表中只列出合计" : string.Join("，以及", parts);
        var note = $"全部{merge.Units.Count}个单位中已汇总{ranked.Count}个。{listed}；各单位完整数据见{scale.Workbook}。";
        return (rows, note);
    }

    /// <summary>A rate's header ("完成“百日攻坚”目标任务"; the cells carry the %), an amount's with its unit.</summary>
    private static string IndicatorHeader(IndicatorDefinition indicator) =>
        indicator.IsRate && indicator.Style != IndicatorStyle.Amount ? TableHeader.Of(indicator.Label, "") : TableHeader.Of(indicator.Label, indicator.Unit);
}
