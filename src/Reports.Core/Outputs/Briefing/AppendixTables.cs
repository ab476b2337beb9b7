using System.Globalization;
using Reports.Analysis;
using Reports.Intake;
using Reports.Merge;
using Reports.Pdf;

namespace Reports.Outputs.Briefing;

/// <summary>The appendix: the submission status of every roster unit, and the data-quality signals per unit.</summary>
public static class AppendixTables
{
    public static PdfTable Status(MergeResult merge, IReadOnlyList<IntakeFileResult> intake)
    {
        var columns = new List<PdfTableColumn>
        {
            new("序号", 0.45f, PdfAlign.Center),
            new("单位", 1f, PdfAlign.Left),
            new("报送情况", 0.9f, PdfAlign.Center),
            new("错误", 0.5f, PdfAlign.Right),
            new("提示", 0.5f, PdfAlign.Right),
            new("说明", 2.6f, PdfAlign.Left),
        };
        var rows = merge.Units.Select((unit, index) =>
        {
            var file = intake.FirstOrDefault(f => f.UnitCode == unit.Unit.Code && f.File == unit.File);
            var (status, note) = unit.Status switch
            {
                UnitStatus.Accepted => ("已汇总", ""),
                UnitStatus.Rejected => ("退回", file?.Diagnostics.FirstOrDefault(d => d.IsError)?.Message ?? ""),
                _ => ("未报送", "截至汇总时未收到报表"),
            };
            return (IReadOnlyList<string>)
            [
                (index + 1).ToString(CultureInfo.InvariantCulture),
                unit.Unit.Name,
                status,
                file is null ? "—" : file.ErrorCount.ToString(CultureInfo.InvariantCulture),
                file is null ? "—" : file.WarningCount.ToString(CultureInfo.InvariantCulture),
                note,
            ];
        }).ToList();
        return new PdfTable(columns, rows, Caption: "附表1：各县（市、区）报表报送情况");
    }

    /// <summary>The signals, a row per unit and source; null when there are none (the template then says so).</summary>
    public static PdfTable? Quality(MergeResult merge, IReadOnlyList<DataQualitySignal> signals)
    {
        if (signals.Count == 0)
        {
            return null;
        }
        var columns = new List<PdfTableColumn>
        {
            new("单位", 1f, PdfAlign.Left),
            new("来源", 0.9f, PdfAlign.Center),
            new("数据质量提示", 4f, PdfAlign.Left),
        };
        var order = merge.Units.Select((u, i) => (u.Unit.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var rows = signals
            .GroupBy(s => (s.Unit, s.Source))
            .OrderBy(g => order.GetValueOrDefault(g.Key.Unit.Code, int.MaxValue))
            .ThenBy(g => g.Key.Source, StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<string>)
            [
                g.Key.Unit.Name,
                g.Key.Source,
                string.Join("；", g.Select(s => (s.IsError ? "错误：" : "") + s.Summary)) + "。",
            ])
            .ToList();
        return new PdfTable(columns, rows, Caption: "附表2：数据质量提示");
    }
}
