using Reports.Analysis;
using Reports.Definitions;
using Reports.Merge;
using Reports.Pdf;

namespace Reports.Outputs.Briefing;

/// <summary>A task's table for the briefing: a row per roster unit, the city total last.</summary>
public static class TaskTableBuilder
{
    public static PdfTable Build(MergeResult merge, SectionDefinition section)
    {
        var fields = section.Fields.Where(f => f.IsNumeric).ToList();
        var tracked = section.Indicators.Where(i => merge.ProgressFor(i) is not null).ToList();
        var columns = new List<PdfTableColumn> { new("单位", 1.3f, PdfAlign.Left) };
        columns.AddRange(fields.Select(f => new PdfTableColumn(f.LabelWithUnit, 1f, PdfAlign.Right)));
        columns.AddRange(section.Indicators.Select(i => new PdfTableColumn(i.IsRate && i.Style != IndicatorStyle.Amount ? i.Label : $"{i.Label}({i.Unit})", 1f, PdfAlign.Right)));
        if (tracked.Count > 0)
        {
            columns.Add(new PdfTableColumn("进度", 0.8f, PdfAlign.Center));
        }

        var rows = new List<IReadOnlyList<string>>();
        foreach (var unit in merge.Units)
        {
            var row = new List<string> { unit.Unit.Name };
            if (unit.Status != UnitStatus.Accepted)
            {
                var status = unit.Status == UnitStatus.Missing ? "未报送" : "退回";
                row.AddRange(Enumerable.Repeat("—", columns.Count - 1));
                row[1] = status;
                rows.Add(row);
                continue;
            }
            row.AddRange(fields.Select(f => unit.Values.TryGetValue(f.Code, out var v) ? NumberStyle.Cell(f, v) : "—"));
            row.AddRange(section.Indicators.Select(i => NumberStyle.Cell(i, unit.Indicators.GetValueOrDefault(i.Code))));
            if (tracked.Count > 0)
            {
                var behind = tracked.Any(i => ProgressAnalysis.Lagging(merge, i).Any(l => l.Unit == unit.Unit));
                row.Add(behind ? "滞后" : "");
            }
            rows.Add(row);
        }
        var total = new List<string> { "全市" };
        total.AddRange(fields.Select(f => NumberStyle.Cell(f, merge.Total.Values.GetValueOrDefault(f.Code))));
        total.AddRange(section.Indicators.Select(i => NumberStyle.Cell(i, merge.Total.Indicators.GetValueOrDefault(i.Code))));
        if (tracked.Count > 0)
        {
            total.Add("");
        }
        rows.Add(total);
        return new PdfTable(columns, rows, Caption: $"表：{section.Title}分县情况", BoldLastRows: 1);
    }
}
