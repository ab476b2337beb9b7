using Reports.Merge;
using Reports.Outputs.Spreadsheet;
using Reports.Results;

namespace Reports.Outputs.Workbook;

/// <summary>
/// Writes the consolidated workbook (汇总表): 汇总, a sheet per task, the merged detail tables (项目台账), 报送情况,
/// 来源, 数据核查 and 说明. Totals and rates are live formulas stored with the merge's figures, so a reader that does
/// not recalculate shows the same numbers as Excel (the tests calculate every formula and compare). County text is
/// always written as text. Several returns of one period go into one workbook: a 目录 sheet, then each return's
/// sheets in order, their names prefixed 表1, 表2 …. The sheets are streamed into the file row by row
/// (<see cref="StreamedWorkbook"/>): a province's hundreds of thousands of rows never sit in memory as cells; a
/// sheet with more rows than Excel's limit (来源 at national scale) goes on on numbered sheets (<see cref="ContinuedSheet"/>).
/// </summary>
public sealed class ConsolidatedWorkbookWriter(TimeProvider clock)
{
    /// <summary>
    /// The rows a sheet may hold before it goes on on a numbered continuation sheet (来源(2) …): Excel's limit, set
    /// lower only by tests, to split the sample's sheets.
    /// </summary>
    internal int RowLimit { get; init; } = StreamedWorkbook.MaxRows;

    public byte[] Write(ReturnResult result) => Write([result]);

    public byte[] Write(IReadOnlyList<ReturnResult> parts)
    {
        using var buffer = new MemoryStream();
        Write(parts, buffer);
        return buffer.ToArray();
    }

    public void Write(IReadOnlyList<ReturnResult> parts, Stream output)
    {
        var first = parts[0].Merge;
        var title = parts.Count == 1
            ? Title(first)
            : $"{first.Roster.Name}报表汇总表（{first.Period.Chinese}）";
        var now = clock.GetUtcNow();
        var zone = clock.LocalTimeZone;
        var local = TimeZoneInfo.ConvertTime(now, zone);
        // 宋体 is what Chinese offices' Excel and WPS use by default; column widths are estimated in its digit width.
        using var book = new StreamedWorkbook(output, title, local, WorkbookStyle.FontName);
        if (parts.Count > 1)
        {
            ContentsSheet.Write(book, parts.Select((p, i) => (Prefix(i, parts.Count), Title(p.Merge))).ToList(), title);
        }
        for (var i = 0; i < parts.Count; i++)
        {
            AddSheets(book, parts[i], Prefix(i, parts.Count), parts.Count == 1 ? title : Title(parts[i].Merge), now, zone, RowLimit);
        }
        book.Finish();
    }

    /// <summary>"长治市财政衔接资金项目匹配情况汇总表（2022年6月）": a definition title ending in 表 gives it up to 汇总表.</summary>
    private static string Title(MergeResult merge)
    {
        var title = merge.Definition.Title;
        var stem = title.EndsWith('表') ? title[..^1] : title;
        return $"{merge.Roster.Name}{stem}汇总表（{merge.Period.Chinese}）";
    }

    /// <summary>"" for a single return (sheet names as ever), else 表1, 表2 ….</summary>
    private static string Prefix(int index, int count) => count == 1 ? "" : $"表{index + 1}";

    private static void AddSheets(StreamedWorkbook book, ReturnResult part, string prefix, string title, DateTimeOffset now, TimeZoneInfo zone, int limit)
    {
        var (merge, analysis, submissions) = (part.Merge, part.Analysis, part.Submissions);
        SummarySheet.Write(book, prefix + SummarySheet.Name, merge, analysis, title);
        foreach (var section in merge.Definition.Sections.Where(s => !s.Informational && s.Fields.Any(f => f.IsNumeric)))
        {
            TaskSheet.Write(book, prefix + TaskSheet.SheetName(section), merge, analysis, section, title);
        }
        foreach (var table in merge.Definition.Details)
        {
            DetailSheet.Write(book, prefix + DetailSheet.SheetName(table), merge, table, title, limit);
        }
        SubmissionSheet.Write(book, prefix + SubmissionSheet.Name, submissions, merge.Roster.Name, title, zone, part.Approval,
            SourcesSheet.Locations(part, prefix + SourcesSheet.Name, limit));
        SourcesSheet.Write(book, prefix + SourcesSheet.Name, part, title, limit);
        DiagnosticsSheet.Write(book, prefix + DiagnosticsSheet.Name, part, title, limit);
        NotesSheet.Write(book, prefix + NotesSheet.Name, merge, submissions, title, now, zone);
    }
}
