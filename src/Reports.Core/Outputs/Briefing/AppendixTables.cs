using System.Globalization;
using Reports.Diagnostics;
using Reports.Merge;
using Reports.Pdf;
using Reports.Results;

namespace Reports.Outputs.Briefing;

/// <summary>A roster unit's line of the submission-status table: what the columns of <see cref="AppendixTables.StatusColumns"/> print.</summary>
public sealed record StatusRow(int Number, string Unit, UnitStatus Status, string StatusText, int? Errors, int? Warnings, string Note, string File);

/// <summary>A column of an appendix table: its header, relative width, alignment and what it prints of a row.</summary>
public sealed record AppendixColumn<TRow>(string Title, float RelativeWidth, PdfAlign Align, Func<TRow, string> Cell)
{
    /// <summary>Each line on one line, shortened in the middle if need be (a file name): <see cref="PdfTableColumn.OneLine"/>.</summary>
    public bool OneLine { get; init; }

    public PdfTableColumn Header => new(Title, RelativeWidth, Align) { OneLine = OneLine };
}

/// <summary>The appendix tables: the submission status of every roster unit, and the data-quality signals per unit.</summary>
public static class AppendixTables
{
    private static string Count(int? n) => n is { } v ? v.ToString(CultureInfo.InvariantCulture) : "—";

    /// <summary>The columns of the status table; a new column is a line here and a field of <see cref="StatusRow"/>.</summary>
    public static readonly IReadOnlyList<AppendixColumn<StatusRow>> StatusColumns =
    [
        new("序号", 0.45f, PdfAlign.Center, r => r.Number.ToString(CultureInfo.InvariantCulture)),
        new("单位", 1.1f, PdfAlign.Left, r => r.Unit),
        new("报送情况", 0.9f, PdfAlign.Center, r => r.StatusText),
        new("错误", 0.45f, PdfAlign.Right, r => Count(r.Errors)),
        new("提示", 0.45f, PdfAlign.Right, r => Count(r.Warnings)),
        new("说明", 1.35f, PdfAlign.Left, r => r.Note),
        new("文件（SHA-256 前12位）", 2.85f, PdfAlign.Left, r => r.File) { OneLine = true },
    ];

    /// <summary>Every roster unit's row, in roster order.</summary>
    /// <remarks>
    /// <paramref name="brief"/> (the leaders' form) gives a sent-back unit its first error's title from the catalogue
    /// rather than the whole message, so a page holds the listed units; the message is on the receipt and in the workbook.
    /// </remarks>
    public static IReadOnlyList<StatusRow> StatusRows(ReturnResult result, bool brief = false)
    {
        var pending = result.Submissions.Units.ToDictionary(u => u.Unit.Code, u => u.Pending, StringComparer.Ordinal);
        return result.Merge.Units.Select((unit, index) =>
        {
            var file = result.Decision.For(unit.Unit.Code);
            var (status, note) = unit.Status switch
            {
                UnitStatus.Accepted => ("已汇总", ""),
                UnitStatus.Rejected => ("退回", file?.Diagnostics.FirstOrDefault(d => d.IsError) is { } error
                    ? brief && DiagnosticCatalog.Find(error.Code) is { } code ? $"{code.Title}（{code.Code}）" : error.Message
                    : ""),
                _ => ("未报送", "截至汇总时未收到报表"),
            };
            if (pending.GetValueOrDefault(unit.Unit.Code) is var waiting and > 0)
            {
                // Received after the approval: listed, not counted.
                (status, note) = (file is null ? "待审" : status + "，待审", $"审定后又报送{waiting}份，待审，未计入" + (note.Length > 0 ? "；" + note : ""));
            }
            return new StatusRow(index + 1, unit.Unit.Name, unit.Status, status, file?.ErrorCount, file?.WarningCount, note,
                file is null ? "—" : $"{Path.GetFileName(file.File)}\n{file.Sha256[..Math.Min(12, file.Sha256.Length)]}"); // the hash on a line of its own
        }).ToList();
    }

    /// <summary>
    /// 附表N: the submission status. Every unit for a city's roster; in the leaders' form a count per status and
    /// the units not merged (up to the cap), the rest in the workbook's 报送情况 sheet.
    /// </summary>
    public static IReadOnlyList<PdfBlock> Status(ReturnResult result, int number, BriefingScale scale)
    {
        var rows = StatusRows(result, scale.LeadersForm);
        var columns = StatusColumns.Select(c => c.Header).ToList();
        var caption = $"附表{number}：各{UnitWord(result)}报表报送情况";
        var record = new PdfParagraph(RecordLine(result));
        if (!scale.LeadersForm)
        {
            return [record, new PdfTable(columns, rows.Select(r => (IReadOnlyList<string>)StatusColumns.Select(c => c.Cell(r)).ToList()).ToList(), Caption: caption)];
        }
        var notMerged = rows.Where(r => r.Status != UnitStatus.Accepted).ToList();
        var shown = notMerged.Take(scale.LaggingListed).ToList();
        var blocks = new List<PdfBlock>
        {
            record,
            // The counts are in the record line above; this says only what the table holds.
            new PdfParagraph((notMerged.Count == 0 ? $"全部{rows.Count}个单位均已汇总。" : notMerged.Count > shown.Count
                                 ? $"下表列出未汇总单位中的{shown.Count}个，其余{notMerged.Count - shown.Count}个见{scale.Workbook}“报送情况”。"
                                 : "下表列出未汇总的单位，各单位报送情况见" + scale.Workbook + "“报送情况”。")),
        };
        if (shown.Count > 0)
        {
            blocks.Add(new PdfTable(columns, shown.Select(r => (IReadOnlyList<string>)StatusColumns.Select(c => c.Cell(r)).ToList()).ToList(), Caption: caption + "（未汇总单位）"));
        }
        return blocks;
    }

    /// <summary>The line under the status table: the reporting rates and, once approved, 已审定 with its time.</summary>
    public static string RecordLine(ReturnResult result) =>
        "报送情况：" + result.Submissions.Rates.Sentence + (result.Approval is { } approval ? approval.Line + "。" : "");

    /// <summary>
    /// 附表N: the findings, a row per unit and source (报表审核: the checks of the file that counts; 合理性核查: the DQ signals),
    /// each kind of finding summarised once with its fields and count; null when there are none. In the leaders' form
    /// the first rows up to the cap, then a line for the rest.
    /// </summary>
    public static PdfTable? Quality(ReturnResult result, int number, BriefingScale scale)
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
        var units = result.Findings.GroupBy(f => f.Unit!, StringComparer.Ordinal).ToList();
        var listed = scale.LeadersForm ? units.Take(scale.LaggingListed).ToList() : units;
        foreach (var unit in listed)
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
                var explained = source.Select(d => d.Explanation).OfType<string>().Distinct(StringComparer.Ordinal).Select(e => $"县级情况说明：{ShownText.Cut(ShownText.Escape(e), ShownText.BriefingChars, "全文见回执和汇总表“数据核查”")}");
                rows.Add([name, source.Key, string.Join("；", summaries) + "。" + string.Concat(explained.Select(e => e.TrimEnd('。') + "。"))]);
            }
        }
        if (units.Count > listed.Count)
        {
            rows.Add([$"其余{units.Count - listed.Count}个单位", "", $"见{scale.Workbook}“数据核查”。"]);
        }
        return new PdfTable(columns, rows, Caption: $"附表{number}：数据质量提示");
    }

    /// <summary>"县（市、区）" for a city's counties, "单位" for a larger roster.</summary>
    private static string UnitWord(ReturnResult result) => TaskTableBuilder.UnitWord(result.Merge);

    private static string Source(Diagnostic finding) => finding.Code.StartsWith("DQ", StringComparison.Ordinal) ? "合理性核查" : "报表审核";
}
