using System.Globalization;
using Reports.Diagnostics;
using Reports.Results;
using Reports.Intake;
using Reports.Merge;
using Reports.Pdf;

namespace Reports.Outputs.Briefing;

/// <summary>The appendix: the submission status of every roster unit with the file that counts, and the data-quality signals per unit.</summary>
public static class AppendixTables
{
    public static PdfTable Status(ReturnResult result)
    {
        var merge = result.Merge;
        var columns = new List<PdfTableColumn>
        {
            new("序号", 0.45f, PdfAlign.Center),
            new("单位", 0.8f, PdfAlign.Left),
            new("报送情况", 0.9f, PdfAlign.Center),
            new("错误", 0.45f, PdfAlign.Right),
            new("提示", 0.45f, PdfAlign.Right),
            new("说明", 1.6f, PdfAlign.Left),
            new("文件（SHA-256 前12位）", 2.2f, PdfAlign.Left),
        };
        var pending = result.Submissions.Units.ToDictionary(u => u.Unit.Code, u => u.Pending, StringComparer.Ordinal);
        var rows = merge.Units.Select((unit, index) =>
        {
            var file = result.Decision.For(unit.Unit.Code);
            var (status, note) = unit.Status switch
            {
                UnitStatus.Accepted => ("已汇总", ""),
                UnitStatus.Rejected => ("退回", file?.Diagnostics.FirstOrDefault(d => d.IsError)?.Message ?? ""),
                _ => ("未报送", "截至汇总时未收到报表"),
            };
            if (pending.GetValueOrDefault(unit.Unit.Code) is var waiting and > 0)
            {
                // Received after the approval: listed, not counted.
                (status, note) = (file is null ? "待审" : status + "，待审", $"审定后又报送{waiting}份，待审，未计入" + (note.Length > 0 ? "；" + note : ""));
            }
            return (IReadOnlyList<string>)
            [
                (index + 1).ToString(CultureInfo.InvariantCulture),
                unit.Unit.Name,
                status,
                file is null ? "—" : file.ErrorCount.ToString(CultureInfo.InvariantCulture),
                file is null ? "—" : file.WarningCount.ToString(CultureInfo.InvariantCulture),
                note,
                file is null ? "—" : $"{Path.GetFileName(file.File)} {file.Sha256[..Math.Min(12, file.Sha256.Length)]}",
            ];
        }).ToList();
        return new PdfTable(columns, rows, Caption: "附表1：各县（市、区）报表报送情况");
    }

    /// <summary>The line under the status table: the reporting rates and, once approved, 已审定 with its time.</summary>
    public static string RecordLine(ReturnResult result) =>
        "报送情况：" + result.Submissions.Rates.Sentence + (result.Approval is { } approval ? approval.Line + "。" : "");

    /// <summary>
    /// The findings, a row per unit and source (报表审核: the checks of the file that counts; 合理性核查: the DQ signals),
    /// each kind of finding summarised once with its fields and count; null when there are none (the template then says so).
    /// </summary>
    public static PdfTable? Quality(ReturnResult result)
    {
        var merge = result.Merge;
        if (result.Findings.Count == 0)
        {
            return null;
        }
        var columns = new List<PdfTableColumn>
        {
            new("单位", 1f, PdfAlign.Left),
            new("来源", 0.9f, PdfAlign.Center),
            new("数据质量提示", 4f, PdfAlign.Left),
        };
        var labels = merge.Definition.Fields.ToDictionary(f => f.Code, f => f.Label, StringComparer.Ordinal);
        var rows = new List<IReadOnlyList<string>>();
        // Findings are in roster order already (ReturnResult); grouped per unit, then source, then kind.
        foreach (var unit in result.Findings.GroupBy(f => f.Unit!, StringComparer.Ordinal))
        {
            var name = merge.Roster.Find(unit.Key)?.Name ?? unit.Key;
            foreach (var source in unit.GroupBy(Source).OrderBy(g => g.Key == "报表审核" ? 0 : 1))
            {
                var summaries = source
                    .GroupBy(d => (d.Code, d.IsError))
                    .OrderBy(g => g.Key.IsError ? 0 : 1)
                    .ThenBy(g => g.Key.Code, StringComparer.Ordinal)
                    .Select(g =>
                    {
                        var title = DiagnosticCatalog.Find(g.Key.Code)?.Title ?? g.First().Message;
                        var fields = g.Select(d => d.Field).OfType<string>().Distinct(StringComparer.Ordinal).Select(f => labels.GetValueOrDefault(f, f)).ToList();
                        var where = fields.Count > 0 ? $"（{string.Join("、", fields)}）" : "";
                        return (g.Key.IsError ? "错误：" : "") + $"{title}{where}{g.Count()}处";
                    });
                // A must-explain finding the county explained: its 情况说明 beside it, once per unit.
                var explained = source.Select(d => d.Explanation).OfType<string>().Distinct(StringComparer.Ordinal).Select(e => $"县级情况说明：{e}");
                rows.Add([name, source.Key, string.Join("；", summaries) + "。" + string.Concat(explained.Select(e => e.TrimEnd('。') + "。"))]);
            }
        }
        return new PdfTable(columns, rows, Caption: "附表2：数据质量提示");
    }

    private static string Source(Diagnostic finding) => finding.Code.StartsWith("DQ", StringComparison.Ordinal) ? "合理性核查" : "报表审核";
}
