using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;
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

    private static readonly TemplateStyle Header = new(Bold: true, Wrap: true, Center: true, Fill: "FFD9D9D9", BottomBorder: true);

    internal static void Write(TemplatePackage package, DetailTableDefinition table, IReadOnlyList<IReadOnlyDictionary<string, string>> rows)
    {
        var sheet = package.Add(table.SheetName);
        var columns = table.Columns.Count;

        var title = new TemplateStyle(Bold: true, Size: 16, Center: true);
        sheet.Set(1, 1, table.Title, title);
        sheet.Restyle(1, 2, 1, columns, _ => title);
        sheet.Merge(1, 1, 1, columns);
        sheet.Height(1, 28);
        var red = new TemplateStyle(Color: "FFC00000");
        sheet.Set(2, 1, "每个项目填一行，行数不限（在表格下方接着填写即可）；不要改动表头，不要合并单元格。", red);
        sheet.Restyle(2, 2, 2, columns, _ => red);
        sheet.Merge(2, 1, 2, columns);

        var formats = new TemplateStyle[columns];
        for (var c = 0; c < columns; c++)
        {
            var column = table.Columns[c];
            // Programs that ignore table styles (LibreOffice, WPS) still show a header.
            sheet.Set(HeaderRow, c + 1, column.Header, Header);
            // A column format, not 10,000 formatted cells: the file stays small and new rows take the format too.
            formats[c] = new TemplateStyle(NumberFormat: column.Kind switch
            {
                DetailColumnKind.Amount => "0.00",
                DetailColumnKind.Count => "0",
                DetailColumnKind.Date => "yyyy-mm-dd",
                _ => "@",
            });
            sheet.Column(c + 1, column.Kind switch
            {
                DetailColumnKind.Text => column.Unique ? 19 : 32,
                DetailColumnKind.Date => 12,
                DetailColumnKind.Choice => 12,
                DetailColumnKind.YesNo => 9,
                _ => 13,
            }, formats[c]);
            sheet.Validate(Validation(CellName.Of(HeaderRow + 1, c + 1), CellName.Of(HeaderRow + ValidatedRows, c + 1), column, Requirement(table, column)));
        }
        sheet.Height(HeaderRow, 30);
        package.Name(table.HeaderName, sheet, HeaderRow, 1, HeaderRow, columns);

        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                if (rows[r].TryGetValue(table.Columns[c].Code, out var text) && text.Length > 0)
                {
                    sheet.Set(HeaderRow + 1 + r, c + 1, Typed(table.Columns[c], text), formats[c]);
                }
            }
        }

        sheet.Table = (table.TableName, HeaderRow, HeaderRow + Math.Max(rows.Count, BlankRows), columns);
        sheet.FrozenRows = HeaderRow;
        sheet.Landscape = true;
        sheet.TitleRow = HeaderRow;
    }

    /// <summary>A value-sheet text as the cell value a clerk would type: numbers as numbers, dates as dates, anything else as the text itself.</summary>
    private static object Typed(DetailColumnDefinition column, string text) => column.Kind switch
    {
        DetailColumnKind.Amount or DetailColumnKind.Count when decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) => number,
        DetailColumnKind.Date when DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => date,
        _ => text,
    };

    private static DataValidation Validation(string first, string last, DetailColumnDefinition column, string requirement)
    {
        var (type, comparison, formula, formula2, prompt) = column.Kind switch
        {
            DetailColumnKind.Choice or DetailColumnKind.YesNo => (DataValidationValues.List, (DataValidationOperatorValues?)null,
                $"\"{string.Join(",", column.Allowed)}\"", (string?)null, $"从下拉列表中选择：{string.Join("、", column.Allowed)}。"),
            DetailColumnKind.Date => (DataValidationValues.Date, DataValidationOperatorValues.Between,
                Serial(new DateTime(2000, 1, 1)), Serial(new DateTime(2099, 12, 31)), "请填写日期，如 2022-04-15。"),
            DetailColumnKind.Count => (DataValidationValues.Whole, DataValidationOperatorValues.GreaterThanOrEqual, "0", null, $"请填写不小于0的整数(单位：{column.Unit})。"),
            // Custom: see TemplateGenerator on the operator.
            DetailColumnKind.Amount => (DataValidationValues.Custom, DataValidationOperatorValues.Equal, $"AND(ISNUMBER({first}),{first}>=0,ROUND({first},2)={first})", null,
                "请填写不小于0的数值，最多两位小数(单位：万元)。"),
            _ => (DataValidationValues.TextLength, DataValidationOperatorValues.LessThanOrEqual, "200", null, column.Unique ? "本县内不能重复。" : "文字。"),
        };
        return TemplateValidation.Of($"{first}:{last}", type, comparison, formula, formula2, column.Label, requirement + prompt, prompt);
    }

    private static string Serial(DateTime date) => date.ToOADate().ToString(CultureInfo.InvariantCulture);

    /// <summary>"必填；" or "“是否开工”为“是”时必填；" or "".</summary>
    private static string Requirement(DetailTableDefinition table, DetailColumnDefinition column) =>
        column.Required ? "必填；"
        : column.RequiredWhen is { } when ? $"{Quoted.Name(table.FindColumn(when.Column)?.Label ?? when.Column)}为“{when.Value}”时必填；"
        : "";
}
