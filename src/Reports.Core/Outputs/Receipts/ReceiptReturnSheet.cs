using System.Globalization;
using Reports.Definitions;
using Reports.Diagnostics;
using Reports.Intake;
using Reports.Outputs.Spreadsheet;
using Reports.Periods;
using Reports.Templates;
using Reports.Versions;

namespace Reports.Outputs.Receipts;

/// <summary>
/// The county's return as intake read it, in our template's layout (<see cref="TemplateLayout"/>): every field's
/// value as parsed, or exactly what the clerk typed where it did not parse, and where the county's own file holds it.
/// Each field with findings is filled and commented with the findings, what to do and the county's sheet!cell.
/// Built from the definition and the intake result alone: nothing of the county's package is copied or opened.
/// Prints A4 portrait, one page wide, the header rows repeated.
/// </summary>
internal static class ReceiptReturnSheet
{
    private const int ColumnLocation = TemplateLayout.ColumnNote;
    private static readonly double[] Widths = [8, 34, 10, 18, 22, 24];
    private const string ErrorFill = "FFFFC7CE";
    private const string WarningFill = "FFFFEB9C";
    private const string ErrorBorder = "FFC00000";
    private const string WarningBorder = "FFBF8F00";
    private static readonly CellStyle Cell = new(Border: CellBorder.Thin);
    private static readonly CellStyle Bold = new(Bold: true, Border: CellBorder.Thin);
    private static readonly CellStyle Section = new(Bold: true, Fill: "FFDDEBF7", Border: CellBorder.Thin);
    private static readonly CellStyle Header = new(Bold: true, Fill: "FFD9D9D9", Border: CellBorder.Thin, Center: true);

    public static void Write(Sheet sheet, string received, DecidedVersion file, CountySubmission submission, ReturnDefinition definition, ReportingPeriod? period)
    {
        var findings = file.Diagnostics.Where(d => d.Field is not null).GroupBy(d => d.Field!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        const int last = TemplateLayout.ColumnNote;

        Merged(sheet, 1, definition.Title, new CellStyle(Bold: true, Size: 16, Wrap: true, Center: true), 38);
        Merged(sheet, 2, "（回执：按市级模板列出从贵单位文件中读取到的内容；红色为错误、黄色为提醒，批注写明原表中的位置和修改方法）", new CellStyle(Size: 10, Wrap: true, Center: true), 30);

        // Identification rows where the template has them; a meta name's value as read is only known when it matched.
        Pair(sheet, 3, TemplateLayout.ColumnIndex, "文件", Path.GetFileName(received));
        Pair(sheet, 3, TemplateLayout.ColumnUnit, "单位代码", submission.UnitCode);
        Pair(sheet, 3, TemplateLayout.ColumnCode, "报告期", findings.ContainsKey(MetaNames.Period) ? "（见批注）" : period?.Chinese ?? "与本次汇总一致");
        Pair(sheet, 4, TemplateLayout.ColumnIndex, "报表代码", definition.Code);
        Pair(sheet, 4, TemplateLayout.ColumnUnit, "模板版本", findings.ContainsKey(MetaNames.Version) ? "（见批注）" : definition.Version);
        sheet.Restyle(3, TemplateLayout.ColumnIndex, 4, last, style => style with { Border = CellBorder.Thin });
        // A long file name wraps in its cell, the row as high as its lines: never cut off by the label beside it.
        sheet.Heights[3] = TextMeasure.RowHeight([(Path.GetFileName(received), Widths[TemplateLayout.ColumnIndex])]);

        string[] headers = ["序号", "指标名称", "计量单位", "读取到的数值", "字段代码", "原表位置"];
        for (var column = 1; column <= headers.Length; column++)
        {
            sheet.Text(TemplateLayout.HeaderRow, column, headers[column - 1], Header);
        }

        var rows = TemplateLayout.Rows(definition);
        var wrapped = Cell with { Wrap = true };
        foreach (var row in rows)
        {
            if (row.Field is { } field)
            {
                sheet.Number(row.Row, TemplateLayout.ColumnIndex, row.Number, Cell with { Center = true });
                sheet.Text(row.Row, TemplateLayout.ColumnLabel, field.Label, wrapped);
                sheet.Text(row.Row, TemplateLayout.ColumnUnit, field.Unit, Cell);
                ValueAsRead.Put(sheet, row.Row, TemplateLayout.ColumnValue, submission, field, Cell);
                sheet.Text(row.Row, TemplateLayout.ColumnCode, field.Code, Cell);
                Text(sheet, row.Row, ColumnLocation, ValueAsRead.Location(submission, field.Code) ?? ValueAsRead.NotFound, Cell);
            }
            else if (row.Section is { } section)
            {
                sheet.Text(row.Row, TemplateLayout.ColumnIndex, section.Heading, Section);
                sheet.Restyle(row.Row, TemplateLayout.ColumnIndex + 1, row.Row, last, _ => Section);
                sheet.Merge(row.Row, TemplateLayout.ColumnIndex, row.Row, last);
            }
            else
            {
                sheet.Restyle(row.Row, TemplateLayout.ColumnIndex, row.Row, last, _ => Cell);
                sheet.Text(row.Row, TemplateLayout.ColumnLabel, "报送时间", wrapped);
                Text(sheet, row.Row, TemplateLayout.ColumnValue, submission.Stamp is { } stamp
                    ? stamp.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
                    : findings.ContainsKey(MetaNames.Submitted) ? "（见批注）" : ValueAsRead.Blank, Cell);
                sheet.Text(row.Row, TemplateLayout.ColumnCode, MetaNames.Submitted, Cell);
            }
        }

        var cells = TemplateLayout.Cells(definition);
        foreach (var (field, diagnostics) in findings.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (cells.TryGetValue(field, out var at))
            {
                Mark(sheet, at.Row, at.Column, CountyLocation(submission, field, diagnostics), diagnostics);
            }
        }

        for (var column = 1; column <= Widths.Length; column++)
        {
            sheet.Widths[column] = Widths[column - 1];
        }
        sheet.FrozenRows = TemplateLayout.HeaderRow;
        sheet.Print = ReceiptWriter.PrintLayout(landscape: false, (TemplateLayout.HeaderRow, TemplateLayout.HeaderRow), $"{definition.Title}（回执）");
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

    private static void Mark(Sheet sheet, int row, int column, string location, IReadOnlyList<Diagnostic> diagnostics)
    {
        var error = diagnostics.Any(d => d.IsError);
        sheet.Restyle(row, column, row, column, style => style with
        {
            Fill = error ? ErrorFill : WarningFill,
            Border = CellBorder.Medium,
            BorderColor = error ? ErrorBorder : WarningBorder,
        });
        var lines = diagnostics.Select(d => $"{d.Code} {DiagnosticCatalogDocument.SeverityName(d.Severity)}：{d.Message}。{DiagnosticCatalog.Find(d.Code)?.Advice}").Prepend(location).ToList();
        var text = string.Join("\n", lines);
        sheet.Comments.Add(new SheetComment(row, column, ReceiptWriter.CommentAuthor, text, lines.Sum(l => 1 + l.Length / 24)));
    }

    private static void Merged(Sheet sheet, int row, string text, CellStyle style, double height)
    {
        sheet.Text(row, TemplateLayout.ColumnIndex, text, style);
        sheet.Merge(row, TemplateLayout.ColumnIndex, row, TemplateLayout.ColumnNote);
        sheet.Heights[row] = height;
    }

    private static void Pair(Sheet sheet, int row, int column, string label, string value)
    {
        sheet.Text(row, column, label, Bold);
        Text(sheet, row, column + 1, value, Cell with { Wrap = true });
    }

    /// <summary>Text, stored as text whatever it begins with.</summary>
    private static void Text(Sheet sheet, int row, int column, string value, CellStyle style) =>
        sheet.Text(row, column, value, style with { NumberFormat = "@" });
}
