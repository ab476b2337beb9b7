using System.Drawing;
using OfficeOpenXml;
using OfficeOpenXml.Style;
using Reports.Definitions;
using Reports.Intake;
using Reports.Merge;

namespace Reports.Outputs;

/// <summary>
/// Writes the consolidated workbook (汇总表): a row per roster unit in roster order, the city total, every field
/// and indicator; then the submission status of every file and every diagnostic. County text is written as
/// text, never as a formula.
/// </summary>
public sealed class ConsolidatedWorkbookWriter(TimeProvider clock)
{
    private static readonly Color HeaderFill = Color.FromArgb(255, 217, 225, 242);
    private static readonly Color TotalFill = Color.FromArgb(255, 242, 242, 242);
    private static readonly Color MissingFont = Color.FromArgb(255, 128, 128, 128);
    private const int FirstDataColumn = 5;

    public byte[] Write(MergeResult merge, IReadOnlyList<IntakeFileResult> intake)
    {
        using var package = new ExcelPackage();
        WriteSummary(package.Workbook.Worksheets.Add("汇总"), merge);
        WriteSubmissions(package.Workbook.Worksheets.Add("报送情况"), merge, intake);
        WriteDiagnostics(package.Workbook.Worksheets.Add("数据核查"), intake);
        var now = clock.GetLocalNow().DateTime;
        package.Workbook.Properties.Title = $"{merge.Roster.Name}{merge.Definition.Title}汇总表({merge.Period})";
        package.Workbook.Properties.Created = now;
        package.Workbook.Properties.Modified = now;
        return ReproducibleZip.Normalize(package.GetAsByteArray(), clock.GetLocalNow());
    }

    private static void WriteSummary(ExcelWorksheet sheet, MergeResult merge)
    {
        var definition = merge.Definition;
        var columns = new List<(SectionDefinition Section, FieldDefinition? Field, IndicatorDefinition? Indicator)>();
        foreach (var section in definition.Sections)
        {
            columns.AddRange(section.Fields.Select(f => (section, (FieldDefinition?)f, (IndicatorDefinition?)null)));
            columns.AddRange(section.Indicators.Select(i => (section, (FieldDefinition?)null, (IndicatorDefinition?)i)));
        }
        var lastColumn = FirstDataColumn + columns.Count - 1;

        sheet.Cells[1, 1].Value = $"{merge.Roster.Name}{definition.Title}汇总表";
        sheet.Cells[1, 1, 1, Math.Min(lastColumn, 12)].Merge = true;
        sheet.Cells[1, 1].Style.Font.Size = 16;
        sheet.Cells[1, 1].Style.Font.Bold = true;
        sheet.Cells[2, 1].Value = $"报告期：{merge.Period}（截至{merge.Period.ChineseEnd}）；时序进度：{Briefing.NumberStyle.Completion(merge.TimeProgress)}；已汇总 {merge.Accepted.Count()}/{merge.Units.Count} 个单位";
        sheet.Cells[2, 1, 2, Math.Min(lastColumn, 12)].Merge = true;

        const int groupRow = 3, headerRow = 4, firstUnitRow = 5;
        string[] fixedHeaders = ["序号", "单位代码", "单位名称", "报送状态"];
        for (var i = 0; i < fixedHeaders.Length; i++)
        {
            sheet.Cells[groupRow, i + 1].Value = fixedHeaders[i];
            sheet.Cells[groupRow, i + 1, headerRow, i + 1].Merge = true;
        }
        var column = FirstDataColumn;
        foreach (var group in columns.GroupBy(c => c.Section))
        {
            var count = group.Count();
            sheet.Cells[groupRow, column].Value = group.Key.Heading;
            if (count > 1)
            {
                sheet.Cells[groupRow, column, groupRow, column + count - 1].Merge = true;
            }
            foreach (var (_, field, indicator) in group)
            {
                sheet.Cells[headerRow, column].Value = field?.LabelWithUnit ?? Label(indicator!);
                sheet.Column(column).Width = 14;
                column++;
            }
        }
        var header = sheet.Cells[groupRow, 1, headerRow, lastColumn];
        header.Style.Font.Bold = true;
        header.Style.WrapText = true;
        header.Style.HorizontalAlignment = ExcelHorizontalAlignment.Center;
        header.Style.VerticalAlignment = ExcelVerticalAlignment.Center;
        header.Style.Fill.PatternType = ExcelFillStyle.Solid;
        header.Style.Fill.BackgroundColor.SetColor(HeaderFill);
        sheet.Row(headerRow).Height = 48;

        var row = firstUnitRow;
        var number = 1;
        foreach (var unit in merge.Units)
        {
            sheet.Cells[row, 1].Value = number++;
            sheet.Cells[row, 2].Value = unit.Unit.Code;
            sheet.Cells[row, 3].Value = unit.Unit.Name;
            sheet.Cells[row, 4].Value = unit.Status switch { UnitStatus.Accepted => "已汇总", UnitStatus.Rejected => "退回", _ => "未报送" };
            if (unit.Status == UnitStatus.Accepted)
            {
                WriteFigures(sheet, row, columns, unit.Values, unit.Texts, unit.Indicators);
            }
            else
            {
                sheet.Cells[row, 1, row, lastColumn].Style.Font.Color.SetColor(MissingFont);
            }
            row++;
        }
        sheet.Cells[row, 3].Value = $"{merge.Roster.Name}合计";
        sheet.Cells[row, 4].Value = $"{merge.Accepted.Count()}个单位";
        WriteFigures(sheet, row, columns, merge.Total.Values, null, merge.Total.Indicators);
        var totalRow = sheet.Cells[row, 1, row, lastColumn];
        totalRow.Style.Font.Bold = true;
        totalRow.Style.Fill.PatternType = ExcelFillStyle.Solid;
        totalRow.Style.Fill.BackgroundColor.SetColor(TotalFill);

        var table = sheet.Cells[groupRow, 1, row, lastColumn];
        table.Style.Border.Top.Style = table.Style.Border.Bottom.Style = table.Style.Border.Left.Style = table.Style.Border.Right.Style = ExcelBorderStyle.Thin;
        sheet.Column(1).Width = 6;
        sheet.Column(2).Width = 10;
        sheet.Column(3).Width = 12;
        sheet.Column(4).Width = 10;
        sheet.View.FreezePanes(firstUnitRow, FirstDataColumn);
        sheet.PrinterSettings.PaperSize = ePaperSize.A4;
        sheet.PrinterSettings.Orientation = eOrientation.Landscape;
        sheet.PrinterSettings.FitToPage = true;
        sheet.PrinterSettings.FitToWidth = 1;
        sheet.PrinterSettings.FitToHeight = 0;
    }

    private static void WriteFigures(
        ExcelWorksheet sheet,
        int row,
        List<(SectionDefinition Section, FieldDefinition? Field, IndicatorDefinition? Indicator)> columns,
        IReadOnlyDictionary<string, decimal> values,
        IReadOnlyDictionary<string, string>? texts,
        IReadOnlyDictionary<string, decimal?> indicators)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            var cell = sheet.Cells[row, FirstDataColumn + i];
            var (_, field, indicator) = columns[i];
            if (field is { Kind: FieldKind.Text })
            {
                // Set as a string value: EPPlus never turns a Value into a formula, whatever it starts with.
                cell.Value = texts?.GetValueOrDefault(field.Code);
                cell.Style.Numberformat.Format = "@";
            }
            else if (field is not null)
            {
                cell.Value = values.TryGetValue(field.Code, out var value) ? value : null;
                cell.Style.Numberformat.Format = field.Kind switch { FieldKind.Amount => "#,##0.00", FieldKind.Rate => "0.00%", _ => "0" };
            }
            else
            {
                var value = indicators.GetValueOrDefault(indicator!.Code);
                cell.Value = value is null ? "—" : value.Value;
                cell.Style.Numberformat.Format = indicator.Style switch
                {
                    IndicatorStyle.Yoy => "0.00%",
                    IndicatorStyle.Completion => "0.0%",
                    _ => "#,##0.00",
                };
                cell.Style.HorizontalAlignment = ExcelHorizontalAlignment.Right;
            }
        }
    }

    private static string Label(IndicatorDefinition indicator) =>
        indicator.IsRate && indicator.Style != IndicatorStyle.Amount ? $"{indicator.Label}(%)" : $"{indicator.Label}({indicator.Unit})";

    private static void WriteSubmissions(ExcelWorksheet sheet, MergeResult merge, IReadOnlyList<IntakeFileResult> intake)
    {
        string[] headers = ["单位代码", "单位名称", "状态", "文件", "SHA-256", "错误数", "警告数"];
        WriteHeader(sheet, headers);
        var row = 2;
        foreach (var unit in merge.Units)
        {
            var files = intake.Where(f => f.UnitCode == unit.Unit.Code).ToList();
            if (files.Count == 0)
            {
                WriteRow(sheet, row++, [unit.Unit.Code, unit.Unit.Name, "未报送", "", "", "", ""]);
            }
            foreach (var file in files)
            {
                WriteRow(sheet, row++, [unit.Unit.Code, unit.Unit.Name, StatusText(file.Status), Path.GetFileName(file.File), file.Sha256, file.ErrorCount, file.WarningCount]);
            }
        }
        foreach (var file in intake.Where(f => f.UnitCode is null || merge.Roster.Find(f.UnitCode) is null))
        {
            WriteRow(sheet, row++, [file.UnitCode ?? "", "(无法识别)", StatusText(file.Status), Path.GetFileName(file.File), file.Sha256, file.ErrorCount, file.WarningCount]);
        }
        double[] widths = [10, 12, 10, 44, 20, 8, 8];
        for (var i = 0; i < widths.Length; i++)
        {
            sheet.Column(i + 1).Width = widths[i];
        }
        sheet.View.FreezePanes(2, 1);
    }

    private static void WriteDiagnostics(ExcelWorksheet sheet, IReadOnlyList<IntakeFileResult> intake)
    {
        string[] headers = ["单位代码", "文件", "工作表", "单元格", "字段", "代码", "级别", "说明"];
        WriteHeader(sheet, headers);
        var row = 2;
        foreach (var file in intake)
        {
            foreach (var diagnostic in file.Diagnostics)
            {
                WriteRow(sheet, row++, [
                    file.UnitCode ?? "", Path.GetFileName(file.File), diagnostic.Sheet ?? "", diagnostic.Cell ?? "", diagnostic.Field ?? "",
                    diagnostic.Code, diagnostic.Severity switch { Diagnostics.DiagnosticSeverity.Error => "错误", Diagnostics.DiagnosticSeverity.Warning => "警告", _ => "提示" },
                    diagnostic.Message]);
            }
        }
        double[] widths = [10, 40, 8, 8, 18, 8, 6, 70];
        for (var i = 0; i < widths.Length; i++)
        {
            sheet.Column(i + 1).Width = widths[i];
        }
        sheet.View.FreezePanes(2, 1);
    }

    private static void WriteHeader(ExcelWorksheet sheet, string[] headers)
    {
        for (var i = 0; i < headers.Length; i++)
        {
            var cell = sheet.Cells[1, i + 1];
            cell.Value = headers[i];
            cell.Style.Font.Bold = true;
            cell.Style.Fill.PatternType = ExcelFillStyle.Solid;
            cell.Style.Fill.BackgroundColor.SetColor(HeaderFill);
        }
    }

    private static void WriteRow(ExcelWorksheet sheet, int row, object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            sheet.Cells[row, i + 1].Value = values[i];
        }
    }

    private static string StatusText(IntakeStatus status) => status switch
    {
        IntakeStatus.Accepted => "已汇总",
        IntakeStatus.Rejected => "退回",
        IntakeStatus.Superseded => "已被替代",
        IntakeStatus.Duplicate => "重复报送",
        _ => "未读取",
    };
}
