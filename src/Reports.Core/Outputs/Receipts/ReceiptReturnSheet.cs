using System.Drawing;
using System.Globalization;
using OfficeOpenXml;
using OfficeOpenXml.Style;
using Reports.Definitions;
using Reports.Diagnostics;
using Reports.Intake;
using Reports.Templates;

namespace Reports.Outputs.Receipts;

/// <summary>
/// The county's return as intake read it, in our template's layout (<see cref="TemplateLayout"/>): every field's
/// value as parsed, or exactly what the clerk typed where it did not parse, and where the county's own file holds it.
/// Each field with findings is filled and commented with the findings, what to do and the county's sheet!cell.
/// Built from the definition and the intake result alone: nothing of the county's package is copied or opened.
/// </summary>
internal static class ReceiptReturnSheet
{
    private const int ColumnLocation = TemplateLayout.ColumnNote;
    private static readonly double[] Widths = [10, 34, 10, 18, 22, 24];
    private static readonly Color ErrorFill = Color.FromArgb(255, 255, 199, 206);
    private static readonly Color WarningFill = Color.FromArgb(255, 255, 235, 156);
    private static readonly Color ErrorBorder = Color.FromArgb(255, 192, 0, 0);
    private static readonly Color WarningBorder = Color.FromArgb(255, 191, 143, 0);
    private static readonly Color SectionFill = Color.FromArgb(255, 221, 235, 247);
    private static readonly Color HeaderFill = Color.FromArgb(255, 217, 217, 217);

    public static void Write(ExcelWorksheet sheet, IntakeFileResult file, CountySubmission submission, ReturnDefinition definition)
    {
        var findings = file.Diagnostics.Where(d => d.Field is not null).GroupBy(d => d.Field!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var last = TemplateLayout.ColumnNote;

        Merged(sheet, 1, definition.Title, bold: true, size: 16);
        Merged(sheet, 2, "（回执：按市级模板列出从贵单位文件中读取到的内容；红色为错误、黄色为提醒，批注写明原表中的位置和修改方法）", bold: false, size: 10);

        // Identification rows where the template has them; a meta name's value as read is only known when it matched.
        Pair(sheet, 3, TemplateLayout.ColumnIndex, "文件", Path.GetFileName(file.File));
        Pair(sheet, 3, TemplateLayout.ColumnUnit, "单位代码", submission.UnitCode);
        Pair(sheet, 3, TemplateLayout.ColumnCode, "报告期", findings.ContainsKey(MetaNames.Period) ? "（见批注）" : "与本次汇总一致");
        Pair(sheet, 4, TemplateLayout.ColumnIndex, "报表代码", definition.Code);
        Pair(sheet, 4, TemplateLayout.ColumnUnit, "模板版本", findings.ContainsKey(MetaNames.Version) ? "（见批注）" : definition.Version);

        string[] headers = ["序号", "指标名称", "计量单位", "读取到的数值", "字段代码", "原表位置"];
        for (var column = 1; column <= headers.Length; column++)
        {
            var cell = sheet.Cells[TemplateLayout.HeaderRow, column];
            cell.Value = headers[column - 1];
            cell.Style.Font.Bold = true;
            cell.Style.Fill.PatternType = ExcelFillStyle.Solid;
            cell.Style.Fill.BackgroundColor.SetColor(HeaderFill);
            cell.Style.HorizontalAlignment = ExcelHorizontalAlignment.Center;
        }

        var rows = TemplateLayout.Rows(definition);
        foreach (var row in rows)
        {
            if (row.Field is { } field)
            {
                sheet.Cells[row.Row, TemplateLayout.ColumnIndex].Value = row.Number;
                sheet.Cells[row.Row, TemplateLayout.ColumnLabel].Value = field.Label;
                sheet.Cells[row.Row, TemplateLayout.ColumnUnit].Value = field.Unit;
                ValueAsRead.Put(sheet.Cells[row.Row, TemplateLayout.ColumnValue], submission, field);
                sheet.Cells[row.Row, TemplateLayout.ColumnCode].Value = field.Code;
                Text(sheet.Cells[row.Row, ColumnLocation], ValueAsRead.Location(submission, field.Code) ?? ValueAsRead.NotFound);
            }
            else if (row.Section is { } section)
            {
                var heading = sheet.Cells[row.Row, TemplateLayout.ColumnIndex, row.Row, last];
                heading.Merge = true;
                heading.Value = section.Heading;
                heading.Style.Font.Bold = true;
                heading.Style.Fill.PatternType = ExcelFillStyle.Solid;
                heading.Style.Fill.BackgroundColor.SetColor(SectionFill);
            }
            else
            {
                sheet.Cells[row.Row, TemplateLayout.ColumnLabel].Value = "报送时间";
                Text(sheet.Cells[row.Row, TemplateLayout.ColumnValue], submission.Stamp is { } stamp
                    ? stamp.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
                    : findings.ContainsKey(MetaNames.Submitted) ? "（见批注）" : ValueAsRead.Blank);
                sheet.Cells[row.Row, TemplateLayout.ColumnCode].Value = MetaNames.Submitted;
            }
        }
        var end = rows[^1].Row;
        var table = sheet.Cells[TemplateLayout.HeaderRow, TemplateLayout.ColumnIndex, end, last];
        table.Style.Border.Top.Style = table.Style.Border.Bottom.Style = table.Style.Border.Left.Style = table.Style.Border.Right.Style = ExcelBorderStyle.Thin;
        sheet.Cells[TemplateLayout.HeaderRow + 1, TemplateLayout.ColumnLabel, end, TemplateLayout.ColumnLabel].Style.WrapText = true;

        var cells = TemplateLayout.Cells(definition);
        foreach (var (field, diagnostics) in findings.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (cells.TryGetValue(field, out var at))
            {
                Mark(sheet.Cells[at.Row, at.Column], CountyLocation(submission, field, diagnostics), diagnostics);
            }
        }

        for (var column = 1; column <= Widths.Length; column++)
        {
            sheet.Column(column).Width = Widths[column - 1];
        }
        sheet.View.FreezePanes(TemplateLayout.HeaderRow + 1, 1);
        sheet.PrinterSettings.PaperSize = ePaperSize.A4;
        sheet.PrinterSettings.FitToPage = true;
        sheet.PrinterSettings.FitToWidth = 1;
        sheet.PrinterSettings.FitToHeight = 0;
    }

    /// <summary>Where the county's own file holds the field: as intake found it, else where the finding points.</summary>
    private static string CountyLocation(CountySubmission submission, string field, IReadOnlyList<Diagnostic> diagnostics)
    {
        if (ValueAsRead.Location(submission, field) is { } location)
        {
            var typed = submission.Cells[field].Typed;
            return string.IsNullOrWhiteSpace(typed) ? $"原表位置：{location}（单元格为空）" : $"原表位置：{location}，填的是“{typed}”";
        }
        return diagnostics.FirstOrDefault(d => d.Cell is not null) is { } located
            ? $"原表位置：{(located.Sheet is null ? "" : located.Sheet + "!")}{located.Cell}"
            : "原表中未找到该单元格";
    }

    private static void Mark(ExcelRange cell, string location, IReadOnlyList<Diagnostic> diagnostics)
    {
        var error = diagnostics.Any(d => d.IsError);
        cell.Style.Fill.PatternType = ExcelFillStyle.Solid;
        cell.Style.Fill.BackgroundColor.SetColor(error ? ErrorFill : WarningFill);
        cell.Style.Border.BorderAround(ExcelBorderStyle.Medium, error ? ErrorBorder : WarningBorder);
        var lines = diagnostics.Select(d => $"{d.Code} {DiagnosticCatalogDocument.SeverityName(d.Severity)}：{d.Message}。{DiagnosticCatalog.Find(d.Code)?.Advice}");
        var comment = cell.Worksheet.Comments.Add(cell, ReceiptText.Safe(string.Join("\n", lines.Prepend(location))), ReceiptWriter.CommentAuthor);
        comment.AutoFit = false;
        comment.From.Column = cell.Start.Column + 1;
    }

    private static void Merged(ExcelWorksheet sheet, int row, string text, bool bold, float size)
    {
        var range = sheet.Cells[row, TemplateLayout.ColumnIndex, row, TemplateLayout.ColumnNote];
        range.Merge = true;
        range.Value = text;
        range.Style.Font.Bold = bold;
        range.Style.Font.Size = size;
        range.Style.WrapText = true;
        range.Style.HorizontalAlignment = ExcelHorizontalAlignment.Center;
        sheet.Row(row).Height = size * 2.4;
    }

    private static void Pair(ExcelWorksheet sheet, int row, int column, string label, string value)
    {
        sheet.Cells[row, column].Value = label;
        sheet.Cells[row, column].Style.Font.Bold = true;
        Text(sheet.Cells[row, column + 1], value);
    }

    /// <summary>Text, stored as text whatever it begins with.</summary>
    private static void Text(ExcelRange cell, string value)
    {
        cell.Value = ReceiptText.Safe(value);
        cell.Style.Numberformat.Format = "@";
    }
}
