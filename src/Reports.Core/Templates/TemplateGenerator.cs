using System.Drawing;
using OfficeOpenXml;
using OfficeOpenXml.DataValidation;
using OfficeOpenXml.DataValidation.Contracts;
using OfficeOpenXml.Style;
using Reports.Definitions;
using Reports.Diagnostics;
using Reports.Outputs;

namespace Reports.Templates;

/// <summary>
/// Writes a blank county return: labels and units locked, input cells unlocked with validation and a Chinese
/// prompt, and every input cell a workbook-level defined name equal to its field code (the contract intake reads by).
/// </summary>
public sealed class TemplateGenerator(TimeProvider clock)
{
    public const string SheetName = "填报";

    private const int ColumnIndex = 1, ColumnLabel = 2, ColumnUnit = 3, ColumnValue = 4, ColumnCode = 5, ColumnNote = 6;
    private static readonly Color InputFill = Color.FromArgb(255, 255, 242, 204);
    private static readonly Color SectionFill = Color.FromArgb(255, 221, 235, 247);
    private static readonly double[] Widths = [10, 34, 10, 16, 22, 40];
    private static readonly Color HeaderFill = Color.FromArgb(255, 217, 217, 217);
    private static readonly Color PrefilledFill = Color.FromArgb(255, 237, 237, 237);

    public byte[] Generate(TemplateRequest request)
    {
        using var package = new ExcelPackage();
        var definition = request.Definition;
        var sheet = package.Workbook.Worksheets.Add(SheetName);
        var names = package.Workbook.Names;
        sheet.Cells.Style.Font.Name = "宋体";
        sheet.Cells.Style.Font.Size = 11;

        Merge(sheet, 1, definition.Title, bold: true, size: 16);
        Merge(sheet, 2, definition.Cumulative ? $"（截至{request.Period.ChineseEnd}累计数）" : $"（{request.Period.Year}年{request.Period.Month}月）", bold: false, size: 11);

        // Identification rows: visible, locked, and named, so any tool can tell what this file is.
        Pair(sheet, 3, ColumnIndex, "填报单位", request.Unit.Name);
        sheet.Cells[3, ColumnLabel, 3, ColumnLabel].Style.Font.Bold = true;
        Pair(sheet, 3, ColumnUnit, "单位代码", request.Unit.Code);
        names.Add(MetaNames.Unit, sheet.Cells[3, ColumnValue]);
        Pair(sheet, 3, ColumnCode, "报告期", request.Period.ToString());
        names.Add(MetaNames.Period, sheet.Cells[3, ColumnNote]);
        Pair(sheet, 4, ColumnIndex, "报表代码", definition.Code);
        names.Add(MetaNames.Return, sheet.Cells[4, ColumnLabel]);
        Pair(sheet, 4, ColumnUnit, "模板版本", definition.Version);
        names.Add(MetaNames.Version, sheet.Cells[4, ColumnValue]);
        sheet.Cells[4, ColumnCode].Value = "只在黄色单元格内填写";
        sheet.Cells[4, ColumnCode, 4, ColumnNote].Merge = true;
        sheet.Cells[4, ColumnCode].Style.Font.Color.SetColor(Color.FromArgb(255, 192, 0, 0));

        var row = 5;
        var number = 1;
        string[] headers = ["序号", "指标名称", "计量单位", "填报数值", "字段代码", "填报说明"];
        for (var column = 1; column <= headers.Length; column++)
        {
            var cell = sheet.Cells[row, column];
            cell.Value = headers[column - 1];
            cell.Style.Font.Bold = true;
            cell.Style.Fill.PatternType = ExcelFillStyle.Solid;
            cell.Style.Fill.BackgroundColor.SetColor(HeaderFill);
            cell.Style.HorizontalAlignment = ExcelHorizontalAlignment.Center;
        }
        Muted(sheet.Cells[row, ColumnCode]);
        row++;

        foreach (var section in definition.Sections)
        {
            var heading = sheet.Cells[row, ColumnIndex, row, ColumnNote];
            heading.Merge = true;
            heading.Value = section.Heading;
            heading.Style.Font.Bold = true;
            heading.Style.Fill.PatternType = ExcelFillStyle.Solid;
            heading.Style.Fill.BackgroundColor.SetColor(SectionFill);
            row++;
            number = 1;
            foreach (var field in section.Fields)
            {
                sheet.Cells[row, ColumnIndex].Value = number++;
                sheet.Cells[row, ColumnIndex].Style.HorizontalAlignment = ExcelHorizontalAlignment.Center;
                sheet.Cells[row, ColumnLabel].Value = field.Label;
                sheet.Cells[row, ColumnUnit].Value = field.Unit;
                sheet.Cells[row, ColumnUnit].Style.HorizontalAlignment = ExcelHorizontalAlignment.Center;
                sheet.Cells[row, ColumnCode].Value = field.Code;
                Muted(sheet.Cells[row, ColumnCode]);
                var note = Explain(definition, field);
                sheet.Cells[row, ColumnNote].Value = note;
                sheet.Cells[row, ColumnNote].Style.WrapText = true;
                // The 情况说明 cell is written in: room for a few lines.
                var isVerifyNote = field.Code == ReturnDefinition.VerifyNoteField;
                FitRow(sheet, row, isVerifyNote ? VerifyNoteLines : 1, (note, ColumnNote), (field.Label, ColumnLabel));
                var input = sheet.Cells[row, ColumnValue];
                if (isVerifyNote)
                {
                    input.Style.WrapText = true;
                    input.Style.VerticalAlignment = ExcelVerticalAlignment.Top;
                }
                input.Style.Locked = false;
                input.Style.Fill.PatternType = ExcelFillStyle.Solid;
                input.Style.Fill.BackgroundColor.SetColor(InputFill);
                if (field.Kind == FieldKind.Text)
                {
                    input.Style.Numberformat.Format = "@";
                }
                else
                {
                    input.Style.Numberformat.Format = field.Kind switch { FieldKind.Amount => "0.00", FieldKind.Rate => "0.00%", _ => "0" };
                }
                AddValidation(sheet, input.Address, field);
                names.Add(field.Code, input);
                if (request.Prefill?.TryGetValue(field.Code, out var prefilled) == true)
                {
                    // The office's own figure: shown, locked, and checked on intake.
                    input.Value = prefilled;
                    input.Style.Locked = true;
                    input.Style.Fill.BackgroundColor.SetColor(PrefilledFill);
                    sheet.Cells[row, ColumnNote].Value = Explain(definition, field) + "；市级预填，不能修改";
                    FitRow(sheet, row, 1, ((string)sheet.Cells[row, ColumnNote].Value, ColumnNote), (field.Label, ColumnLabel));
                }
                row++;
            }
        }

        // The submission stamp: when a county sends a corrected return, the newest stamp wins. An input row, numbered.
        sheet.Cells[row, ColumnIndex].Value = number;
        sheet.Cells[row, ColumnIndex].Style.HorizontalAlignment = ExcelHorizontalAlignment.Center;
        sheet.Cells[row, ColumnLabel].Value = "报送时间";
        sheet.Cells[row, ColumnLabel].Style.Font.Bold = true;
        var stamp = sheet.Cells[row, ColumnValue];
        stamp.Style.Locked = false;
        stamp.Style.Fill.PatternType = ExcelFillStyle.Solid;
        stamp.Style.Fill.BackgroundColor.SetColor(InputFill);
        stamp.Style.Numberformat.Format = "yyyy-mm-dd hh:mm";
        names.Add(MetaNames.Submitted, stamp);
        sheet.Cells[row, ColumnCode].Value = MetaNames.Submitted;
        Muted(sheet.Cells[row, ColumnCode]);
        const string stampNote = "本次报送的日期和时间，如 2022-07-03 16:30；修改后重报时请填新的时间";
        sheet.Cells[row, ColumnNote].Value = stampNote;
        sheet.Cells[row, ColumnNote].Style.WrapText = true;
        FitRow(sheet, row, 1, (stampNote, ColumnNote));
        row++;

        var table = sheet.Cells[5, ColumnIndex, row - 1, ColumnNote];
        table.Style.Border.Top.Style = table.Style.Border.Bottom.Style = table.Style.Border.Left.Style = table.Style.Border.Right.Style = ExcelBorderStyle.Thin;
        sheet.Cells[6, ColumnLabel, row - 1, ColumnLabel].Style.WrapText = true;
        sheet.Cells[1, 1, row - 1, ColumnNote].Style.VerticalAlignment = ExcelVerticalAlignment.Center;

        for (var column = 1; column <= Widths.Length; column++)
        {
            sheet.Column(column).Width = Widths[column - 1];
        }
        sheet.View.FreezePanes(6, 1);
        sheet.PrinterSettings.PaperSize = ePaperSize.A4;
        sheet.PrinterSettings.Orientation = eOrientation.Portrait;
        sheet.PrinterSettings.FitToPage = true;
        sheet.PrinterSettings.FitToWidth = 1;
        sheet.PrinterSettings.FitToHeight = 0;
        sheet.PrinterSettings.RepeatRows = sheet.Cells["5:5"];

        // Locked cells stay selectable; no password, so an office can still repair a template by hand.
        sheet.Protection.IsProtected = true;
        sheet.Protection.AllowSelectLockedCells = true;
        sheet.Protection.AllowSelectUnlockedCells = true;
        sheet.Protection.AllowFormatColumns = true;
        sheet.Protection.AllowFormatRows = true;

        foreach (var detail in definition.Details)
        {
            DetailSheetWriter.Write(package.Workbook, detail, request.DetailRows?.GetValueOrDefault(detail.Code) ?? []);
        }

        var now = clock.GetLocalNow().DateTime;
        package.Workbook.Properties.Title = $"{definition.Title} {request.Unit.Name} {request.Period}";
        package.Workbook.Properties.Created = now;
        package.Workbook.Properties.Modified = now;
        return ReproducibleZip.Normalize(package.GetAsByteArray(), clock.GetLocalNow());
    }

    /// <summary>Rows the 情况说明 cell offers for writing.</summary>
    private const int VerifyNoteLines = 4;

    /// <summary>
    /// Spreadsheet programs do not grow a row for wrapped text they did not lay out themselves (LibreOffice lets it spill
    /// into the next row): each row is given the height of its longest wrapped text, at a CJK line height that holds in
    /// Excel, WPS and LibreOffice alike, with a margin for their different fallback fonts.
    /// </summary>
    private static void FitRow(ExcelWorksheet sheet, int row, int minimumLines, params (string Text, int Column)[] texts)
    {
        var lines = texts.Select(t => TextWidth.Lines(t.Text, Widths[t.Column - 1] * 0.9)).Append(minimumLines).Max();
        sheet.Row(row).Height = 16 * lines + 4;
    }

    /// <summary>The field codes are for programs, not the clerk: small and grey.</summary>
    private static void Muted(ExcelRange cell)
    {
        cell.Style.Font.Size = 8;
        cell.Style.Font.Color.SetColor(Color.Gray);
    }

    private static void Merge(ExcelWorksheet sheet, int row, string text, bool bold, float size)
    {
        var range = sheet.Cells[row, ColumnIndex, row, ColumnNote];
        range.Merge = true;
        range.Value = text;
        range.Style.Font.Bold = bold;
        range.Style.Font.Size = size;
        range.Style.HorizontalAlignment = ExcelHorizontalAlignment.Center;
        sheet.Row(row).Height = size * 1.8;
    }

    private static void Pair(ExcelWorksheet sheet, int row, int column, string label, string value)
    {
        sheet.Cells[row, column].Value = label;
        sheet.Cells[row, column].Style.Font.Bold = true;
        var cell = sheet.Cells[row, column + 1];
        cell.Style.Numberformat.Format = "@";
        cell.Value = value;
    }

    private static string Explain(ReturnDefinition definition, FieldDefinition field)
    {
        var parts = new List<string>
        {
            field.Kind switch
            {
                FieldKind.Count => "整数，不小于0",
                FieldKind.Amount => "万元，最多两位小数",
                FieldKind.Rate => "百分数，如 12.50%",
                _ => "文字",
            },
        };
        parts.Add(field.Required ? "必填" : "可空");
        if (field.AtMost is not null && definition.FindField(field.AtMost) is { } other)
        {
            parts.Add($"不大于{Quoted.Name(other.Label)}");
        }
        if (field.SumOf is { } sumOf)
        {
            parts.Add($"等于{string.Join("、", sumOf.Select(c => $"{Quoted.Name(definition.FindField(c)?.Label)}"))}之和");
        }
        if (field.Note is not null)
        {
            parts.Add(field.Note);
        }
        if (field.Code == ReturnDefinition.VerifyNoteField)
        {
            var cases = definition.Checks.Where(c => c.Class == CheckClass.MustExplain).Select(c => Describe(definition, c)).ToList();
            if (cases.Count > 0)
            {
                parts.Add("须说明的情形：" + string.Join("，", cases));
            }
        }
        return string.Join("；", parts);
    }

    /// <summary>A must-explain check as the clerk meets it: 户均投放高于5万元.</summary>
    private static string Describe(ReturnDefinition definition, ReturnCheck check)
    {
        var indicator = check.Indicator is null ? null : definition.FindIndicator(check.Indicator);
        string Show(decimal value) => indicator?.Style == IndicatorStyle.Amount
            ? value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + indicator.Unit
            : (value * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";
        return check.Kind switch
        {
            ReturnCheckKind.Range => indicator!.Label + (check.Min, check.Max) switch
            {
                ({ } min, { } max) => $"不在{Show(min)}～{Show(max)}之间",
                ({ } min, null) => $"低于{Show(min)}",
                _ => $"高于{Show(check.Max!.Value)}",
            },
            ReturnCheckKind.Threshold => indicator!.Label + "低于规定水平",
            ReturnCheckKind.NotBelowPrevious => "累计数少于上期",
            _ => $"{definition.FindField(check.Field!)?.Label}大于0而{definition.FindField(check.Needs!)?.Label}为0",
        };
    }

    private static void AddValidation(ExcelWorksheet sheet, string address, FieldDefinition field)
    {
        var unit = field.Unit.Length > 0 ? $"(单位：{field.Unit})" : "";
        IExcelDataValidation validation;
        string prompt;
        switch (field.Kind)
        {
            case FieldKind.Count:
                var whole = sheet.DataValidations.AddIntegerValidation(address);
                whole.Operator = ExcelDataValidationOperator.greaterThanOrEqual;
                whole.Formula.Value = 0;
                validation = whole;
                prompt = $"请填写不小于0的整数{unit}。";
                break;
            case FieldKind.Amount:
                var amount = sheet.DataValidations.AddCustomValidation(address);
                // A decimal validation cannot limit decimals; ROUND does. (EPPlus defaults the operator to "between", which needs two formulas.)
                amount.Operator = ExcelDataValidationOperator.equal;
                amount.Formula.ExcelFormula = $"AND(ISNUMBER({address}),{address}>=0,ROUND({address},2)={address})";
                validation = amount;
                prompt = $"请填写不小于0的数值，最多两位小数{unit}。";
                break;
            case FieldKind.Rate:
                var rate = sheet.DataValidations.AddDecimalValidation(address);
                rate.Operator = ExcelDataValidationOperator.greaterThanOrEqual;
                rate.Formula.Value = 0;
                validation = rate;
                prompt = "请填写不小于0的百分数，如 12.50%。";
                break;
            default:
                var text = sheet.DataValidations.AddTextLengthValidation(address);
                text.Operator = ExcelDataValidationOperator.lessThanOrEqual;
                text.Formula.Value = 500;
                validation = text;
                prompt = field.Required ? "必填。" : "可不填。";
                break;
        }
        validation.AllowBlank = true;
        validation.ShowInputMessage = true;
        validation.PromptTitle = field.Label.Length > 24 ? field.Label[..24] : field.Label;
        validation.Prompt = (field.Required && field.Kind != FieldKind.Text ? "必填；" : "") + prompt;
        validation.ShowErrorMessage = true;
        validation.ErrorStyle = ExcelDataValidationWarningStyle.stop;
        validation.ErrorTitle = "输入有误";
        validation.Error = prompt;
    }
}
