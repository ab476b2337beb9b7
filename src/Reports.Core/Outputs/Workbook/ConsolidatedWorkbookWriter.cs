using OfficeOpenXml;
using Reports.Merge;
using Reports.Results;

namespace Reports.Outputs.Workbook;

/// <summary>
/// Writes the consolidated workbook (汇总表): 汇总, a sheet per task, the merged detail tables (项目台账), 报送情况,
/// 数据核查 and 说明. Totals and rates are live formulas whose values are calculated before saving, and checked
/// against the merge, so a reader that does not recalculate shows the same numbers as Excel. County text is always
/// written as text. Several returns of one period go into one workbook: a 目录 sheet, then each return's sheets in
/// order, their names prefixed 表1, 表2 ….
/// </summary>
public sealed class ConsolidatedWorkbookWriter(TimeProvider clock)
{
    public byte[] Write(ReturnResult result) => Write([result]);

    public byte[] Write(IReadOnlyList<ReturnResult> parts)
    {
        var first = parts[0].Merge;
        var title = parts.Count == 1
            ? Title(first)
            : $"{first.Roster.Name}报表汇总表（{first.Period.Chinese}）";
        var now = clock.GetUtcNow();
        var zone = clock.LocalTimeZone;
        var check = new FormulaCheck();
        using var package = new ExcelPackage();
        var workbook = package.Workbook;
        // 宋体 is what Chinese offices' Excel and WPS use by default; column widths are estimated in its digit width.
        workbook.Styles.NamedStyles[0].Style.Font.Name = WorkbookStyle.FontName;

        if (parts.Count > 1)
        {
            ContentsSheet.Write(workbook.Worksheets.Add(ContentsSheet.Name), parts.Select((p, i) => (Prefix(i, parts.Count), Title(p.Merge))).ToList(), title);
        }
        for (var i = 0; i < parts.Count; i++)
        {
            AddSheets(workbook, parts[i], Prefix(i, parts.Count), parts.Count == 1 ? title : Title(parts[i].Merge), now, zone, check);
        }

        // Store every formula's value, so readers that do not recalculate (previewers, libraries) show the totals.
        check.CalculateAndVerify();
        // The values are stored and verified, so Excel need not recalculate on open: with fullCalcOnLoad it does, and
        // then asks "save changes?" when a reader closes a report they never edited.
        workbook.FullCalcOnLoad = false;
        WorkbookStyle.ChineseFonts(workbook);

        var local = TimeZoneInfo.ConvertTime(now, zone);
        workbook.Properties.Title = title;
        workbook.Properties.Created = local.DateTime;
        workbook.Properties.Modified = local.DateTime;
        return ReproducibleZip.Normalize(package.GetAsByteArray(), local);
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

    private static void AddSheets(ExcelWorkbook workbook, ReturnResult part, string prefix, string title, DateTimeOffset now, TimeZoneInfo zone, FormulaCheck check)
    {
        var (merge, analysis, submissions) = (part.Merge, part.Analysis, part.Submissions);
        ExcelWorksheet Add(string name) => workbook.Worksheets.Add(prefix + name);
        SummarySheet.Write(Add(SummarySheet.Name), merge, analysis, title, check);
        foreach (var section in merge.Definition.Sections.Where(s => !s.Informational && s.Fields.Any(f => f.IsNumeric)))
        {
            TaskSheet.Write(Add(TaskSheet.SheetName(section)), merge, analysis, section, title, check);
        }
        foreach (var table in merge.Definition.Details)
        {
            DetailSheet.Write(Add(DetailSheet.SheetName(table)), merge, table, title, check);
        }
        SubmissionSheet.Write(Add(SubmissionSheet.Name), submissions, merge.Roster.Name, title, zone, part.Approval, SourcesSheet.FirstRows(part));
        SourcesSheet.Write(Add(SourcesSheet.Name), part, title);
        DiagnosticsSheet.Write(Add(DiagnosticsSheet.Name), part, title);
        NotesSheet.Write(Add(NotesSheet.Name), merge, submissions, title, now, zone);
    }
}
