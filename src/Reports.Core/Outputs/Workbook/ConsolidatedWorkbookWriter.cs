using OfficeOpenXml;
using Reports.Analysis;
using Reports.Intake;
using Reports.Merge;

namespace Reports.Outputs.Workbook;

/// <summary>
/// Writes the consolidated workbook (汇总表): 汇总, a sheet per task, the merged detail tables (项目台账), 报送情况, 数据核查 and 说明. Totals and rates are
/// live formulas whose values are calculated before saving, and checked against the merge, so a reader that does
/// not recalculate shows the same numbers as Excel. County text is always written as text.
/// </summary>
public sealed class ConsolidatedWorkbookWriter(TimeProvider clock)
{
    public byte[] Write(MergeResult merge, IReadOnlyList<IntakeFileResult> intake, SubmissionOverview submissions)
    {
        var title = $"{merge.Roster.Name}{merge.Definition.Title}汇总表（{merge.Period}）";
        var now = clock.GetUtcNow();
        var zone = clock.LocalTimeZone;
        var check = new FormulaCheck();
        using var package = new ExcelPackage();
        var workbook = package.Workbook;
        // 宋体 is what Chinese offices' Excel and WPS use by default; column widths are estimated in its digit width.
        workbook.Styles.NamedStyles[0].Style.Font.Name = "宋体";

        SummarySheet.Write(workbook.Worksheets.Add(SummarySheet.Name), merge, title, check);
        foreach (var section in merge.Definition.Sections.Where(s => !s.Informational && s.Fields.Any(f => f.IsNumeric)))
        {
            TaskSheet.Write(workbook.Worksheets.Add(TaskSheet.SheetName(section)), merge, section, title, check);
        }
        foreach (var table in merge.Definition.Details)
        {
            DetailSheet.Write(workbook.Worksheets.Add(DetailSheet.SheetName(table)), merge, table, title, check);
        }
        SubmissionSheet.Write(workbook.Worksheets.Add(SubmissionSheet.Name), submissions, merge.Roster.Name, title, zone);
        DiagnosticsSheet.Write(workbook.Worksheets.Add(DiagnosticsSheet.Name), intake, merge.Definition, merge.Roster, title);
        NotesSheet.Write(workbook.Worksheets.Add(NotesSheet.Name), merge, submissions, title, now, zone);

        // Store every formula's value, so readers that do not recalculate (previewers, libraries) show the totals.
        workbook.Calculate();
        check.Verify();

        var local = TimeZoneInfo.ConvertTime(now, zone);
        workbook.Properties.Title = title;
        workbook.Properties.Created = local.DateTime;
        workbook.Properties.Modified = local.DateTime;
        return ReproducibleZip.Normalize(package.GetAsByteArray(), local);
    }
}
