using System.Drawing;
using System.Globalization;
using OfficeOpenXml;
using OfficeOpenXml.DataValidation;
using OfficeOpenXml.Style;
using OfficeOpenXml.Table;
using Reports.Definitions;
using Reports.Diagnostics;

namespace Reports.Templates;

/// <summary>
/// Writes a detail table (台账) of a return on its own sheet: a header row named <c>CODE_header</c> and made an
/// Excel table, so intake finds it wherever rows were inserted and the table grows as a clerk types below it;
/// validation on every column for as many rows as a county could have (list for choices and 是/否, dates,
/// amounts with two decimals, whole numbers). The sheet is not protected: clerks insert and sort rows.
/// </summary>
public static class DetailSheetWriter
{
    /// <summary>The rows validation covers below the header; intake reads past them too.</summary>
    public const int ValidatedRows = 10000;

    /// <summary>The blank rows of a template's table, so it looks like a table to fill.</summary>
    public const int BlankRows = 20;

    public const int HeaderRow = 3;

    private static readonly Color HeaderFill = Color.FromArgb(255, 217, 217, 217);

    public static void Write(ExcelWorkbook workbook, DetailTableDefinition table, IReadOnlyList<IReadOnlyDictionary<string, string>> rows)
    {
        var sheet = workbook.Worksheets.Add(table.SheetName);
        sheet.Cells.Style.Font.Name = "宋体";
        sheet.Cells.Style.Font.Size = 11;
        var columns = table.Columns.Count;

        var title = sheet.Cells[1, 1, 1, columns];
        title.Merge = true;
        title.Value = table.Title;
        title.Style.Font.Bold = true;
        title.Style.Font.Size = 16;
        title.Style.HorizontalAlignment = ExcelHorizontalAlignment.Center;
        sheet.Row(1).Height = 28;
        var note = sheet.Cells[2, 1, 2, columns];
        note.Merge = true;
        note.Value = "每个项目填一行，行数不限（在表格下方接着填写即可）；不要改动表头，不要合并单元格。";
        note.Style.Font.Color.SetColor(Color.FromArgb(255, 192, 0, 0));

        for (var c = 0; c < columns; c++)
        {
            var column = table.Columns[c];
            var header = sheet.Cells[HeaderRow, c + 1];
            header.Value = column.Header;
            header.Style.Font.Bold = true;
            header.Style.WrapText = true;
            header.Style.HorizontalAlignment = ExcelHorizontalAlignment.Center;
            sheet.Column(c + 1).Width = column.Kind switch
            {
                DetailColumnKind.Text => column.Unique ? 19 : 32,
                DetailColumnKind.Date => 12,
                DetailColumnKind.Choice => 12,
                DetailColumnKind.YesNo => 9,
                _ => 13,
            };
            var body = sheet.Cells[HeaderRow + 1, c + 1, HeaderRow + ValidatedRows, c + 1];
            // A column style, not 10,000 styled cells: the file stays small and new rows take the format too.
            sheet.Column(c + 1).Style.Numberformat.Format = column.Kind switch
            {
                DetailColumnKind.Amount => "0.00",
                DetailColumnKind.Count => "0",
                DetailColumnKind.Date => "yyyy-mm-dd",
                _ => "@",
            };
            AddValidation(sheet, body.Address, column, Requirement(table, column));
        }
        sheet.Row(HeaderRow).Height = 30;
        // Programs that ignore table styles (LibreOffice, WPS) still show a header.
        var headerRange = sheet.Cells[HeaderRow, 1, HeaderRow, columns];
        headerRange.Style.Fill.PatternType = ExcelFillStyle.Solid;
        headerRange.Style.Fill.BackgroundColor.SetColor(HeaderFill);
        headerRange.Style.Border.Bottom.Style = ExcelBorderStyle.Thin;
        workbook.Names.Add(table.HeaderName, sheet.Cells[HeaderRow, 1, HeaderRow, columns]);

        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                if (rows[r].TryGetValue(table.Columns[c].Code, out var text) && text.Length > 0)
                {
                    sheet.Cells[HeaderRow + 1 + r, c + 1].Value = Typed(table.Columns[c], text);
                }
            }
        }

        var lastRow = HeaderRow + Math.Max(rows.Count, BlankRows);
        var excelTable = sheet.Tables.Add(sheet.Cells[HeaderRow, 1, lastRow, columns], table.TableName);
        excelTable.TableStyle = TableStyles.Light9;
        excelTable.ShowFilter = true;
        sheet.View.FreezePanes(HeaderRow + 1, 1);
        sheet.PrinterSettings.PaperSize = ePaperSize.A4;
        sheet.PrinterSettings.Orientation = eOrientation.Landscape;
        sheet.PrinterSettings.FitToPage = true;
        sheet.PrinterSettings.FitToWidth = 1;
        sheet.PrinterSettings.FitToHeight = 0;
        sheet.PrinterSettings.RepeatRows = sheet.Cells[$"{HeaderRow}:{HeaderRow}"];
    }

    /// <summary>A value-sheet text as the cell value a clerk would type: numbers as numbers, dates as dates, anything else as the text itself.</summary>
    private static object Typed(DetailColumnDefinition column, string text) => column.Kind switch
    {
        DetailColumnKind.Amount or DetailColumnKind.Count when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) => number,
        DetailColumnKind.Date when DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => date,
        _ => text,
    };

    private static void AddValidation(ExcelWorksheet sheet, string address, DetailColumnDefinition column, string requirement)
    {
        var first = address[..address.IndexOf(':', StringComparison.Ordinal)];
        string prompt;
        switch (column.Kind)
        {
            case DetailColumnKind.Choice:
            case DetailColumnKind.YesNo:
                var list = sheet.DataValidations.AddListValidation(address);
                foreach (var value in column.Allowed)
                {
                    list.Formula.Values.Add(value);
                }
                prompt = $"从下拉列表中选择：{string.Join("、", column.Allowed)}。";
                Finish(list, column, requirement, prompt);
                return;
            case DetailColumnKind.Date:
                var date = sheet.DataValidations.AddDateTimeValidation(address);
                date.Operator = ExcelDataValidationOperator.between;
                date.Formula.Value = new DateTime(2000, 1, 1);
                date.Formula2.Value = new DateTime(2099, 12, 31);
                prompt = "请填写日期，如 2022-04-15。";
                Finish(date, column, requirement, prompt);
                return;
            case DetailColumnKind.Count:
                var whole = sheet.DataValidations.AddIntegerValidation(address);
                whole.Operator = ExcelDataValidationOperator.greaterThanOrEqual;
                whole.Formula.Value = 0;
                prompt = $"请填写不小于0的整数(单位：{column.Unit})。";
                Finish(whole, column, requirement, prompt);
                return;
            case DetailColumnKind.Amount:
                var amount = sheet.DataValidations.AddCustomValidation(address);
                amount.Operator = ExcelDataValidationOperator.equal;
                amount.Formula.ExcelFormula = $"AND(ISNUMBER({first}),{first}>=0,ROUND({first},2)={first})";
                prompt = "请填写不小于0的数值，最多两位小数(单位：万元)。";
                Finish(amount, column, requirement, prompt);
                return;
            default:
                var text = sheet.DataValidations.AddTextLengthValidation(address);
                text.Operator = ExcelDataValidationOperator.lessThanOrEqual;
                text.Formula.Value = 200;
                prompt = column.Unique ? "本县内不能重复。" : "文字。";
                Finish(text, column, requirement, prompt);
                return;
        }
    }

    /// <summary>"必填；" or "“是否开工”为“是”时必填；" or "".</summary>
    private static string Requirement(DetailTableDefinition table, DetailColumnDefinition column) =>
        column.Required ? "必填；"
        : column.RequiredWhen is { } when ? $"{Quoted.Name(table.FindColumn(when.Column)?.Label ?? when.Column)}为“{when.Value}”时必填；"
        : "";

    private static void Finish(OfficeOpenXml.DataValidation.Contracts.IExcelDataValidation validation, DetailColumnDefinition column, string requirement, string prompt)
    {
        validation.AllowBlank = true;
        validation.ShowInputMessage = true;
        validation.PromptTitle = column.Label;
        validation.Prompt = requirement + prompt;
        validation.ShowErrorMessage = true;
        validation.ErrorStyle = ExcelDataValidationWarningStyle.stop;
        validation.ErrorTitle = "输入有误";
        validation.Error = prompt;
    }
}
