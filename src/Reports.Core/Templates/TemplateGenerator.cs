using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Reports.Definitions;
using Reports.Diagnostics;

namespace Reports.Templates;

/// <summary>
/// Writes a blank county return: labels and units locked, input cells unlocked with validation and a Chinese
/// prompt, and every input cell a workbook-level defined name equal to its field code (the contract intake reads by).
/// </summary>
public sealed class TemplateGenerator(TimeProvider clock)
{
    public const string SheetName = "填报";

    private const int ColumnIndex = TemplateLayout.ColumnIndex, ColumnLabel = TemplateLayout.ColumnLabel, ColumnUnit = TemplateLayout.ColumnUnit,
        ColumnValue = TemplateLayout.ColumnValue, ColumnCode = TemplateLayout.ColumnCode, ColumnNote = TemplateLayout.ColumnNote;
    private const string InputFill = "FFFFF2CC", SectionFill = "FFDDEBF7", HeaderFill = "FFD9D9D9", PrefilledFill = "FFEDEDED";
    private static readonly double[] Widths = [10, 34, 10, 16, 22, 40];

    // Every cell of the sheet sits in the middle of its row; the table's cells are bordered.
    private static readonly TemplateStyle Cell = new(Middle: true);
    private static readonly TemplateStyle Label = Cell with { Bold = true };
    private static readonly TemplateStyle Boxed = Cell with { Border = true };
    private static readonly TemplateStyle Wrapped = Boxed with { Wrap = true };
    private static readonly TemplateStyle Centered = Boxed with { Center = true };
    private static readonly TemplateStyle Muted = Boxed with { Size = 8, Color = "FF808080" };
    private static readonly TemplateStyle Input = Boxed with { Fill = InputFill, Unlocked = true };

    public byte[] Generate(TemplateRequest request)
    {
        var definition = request.Definition;
        var now = clock.GetLocalNow();
        var package = new TemplatePackage($"{definition.Title} {request.Unit.Name} {request.Period}", now);
        var sheet = package.Add(SheetName);

        Title(sheet, 1, definition.Title, bold: true, size: 16);
        Title(sheet, 2, definition.Cumulative ? $"（截至{request.Period.ChineseEnd}累计数）" : $"（{request.Period.Chinese}）", bold: false, size: 11);

        // Identification rows: visible, locked, and named, so any tool can tell what this file is.
        foreach (var (name, (row, column)) in TemplateLayout.Cells(definition).Where(c => MetaNames.All.Contains(c.Key)))
        {
            package.Name(name, sheet, row, column);
        }
        Pair(sheet, 3, ColumnIndex, "填报单位", request.Unit.Name, bold: true);
        Pair(sheet, 3, ColumnUnit, "单位代码", request.Unit.Code);
        Pair(sheet, 3, ColumnCode, "报告期", request.Period.ToString());
        Pair(sheet, 4, ColumnIndex, "报表代码", definition.Code);
        Pair(sheet, 4, ColumnUnit, "模板版本", definition.Version);
        sheet.Set(4, ColumnCode, "只在黄色单元格内填写", Cell with { Color = "FFC00000" });
        sheet.Set(4, ColumnNote, null, Cell);
        sheet.Merge(4, ColumnCode, 4, ColumnNote);

        string[] headers = ["序号", "指标名称", "计量单位", "填报数值", "字段代码", "填报说明"];
        var header = Boxed with { Bold = true, Fill = HeaderFill, Center = true };
        for (var column = 1; column <= headers.Length; column++)
        {
            sheet.Set(TemplateLayout.HeaderRow, column, headers[column - 1], column == ColumnCode ? header with { Size = 8, Color = "FF808080" } : header);
        }

        foreach (var line in TemplateLayout.Rows(definition))
        {
            var row = line.Row;
            if (line.Field is { } field)
            {
                var isVerifyNote = field.Code == ReturnDefinition.VerifyNoteField;
                var prefilled = request.Prefill?.TryGetValue(field.Code, out var value) == true ? value : (decimal?)null;
                // The office's own figure: shown, locked, and checked on intake.
                var note = Explain(definition, field) + (prefilled is null ? "" : "；市级预填，不能修改");
                sheet.Set(row, ColumnIndex, line.Number, Centered);
                sheet.Set(row, ColumnLabel, field.Label, Wrapped);
                sheet.Set(row, ColumnUnit, field.Unit, Centered);
                sheet.Set(row, ColumnCode, field.Code, Muted);
                var input = Input with
                {
                    NumberFormat = field.Kind switch { FieldKind.Text => "@", FieldKind.Amount => "0.00", FieldKind.Rate => "0.00%", _ => "0" },
                    // The 情况说明 cell is written in: room for a few lines, from the top.
                    Wrap = isVerifyNote,
                    Top = isVerifyNote,
                    Middle = !isVerifyNote,
                };
                sheet.Set(row, ColumnValue, prefilled, prefilled is null ? input : input with { Fill = PrefilledFill, Unlocked = false });
                sheet.Set(row, ColumnNote, NoteText.Lay(note, NoteWidth), Wrapped);
                FitRow(sheet, row, isVerifyNote && prefilled is null ? VerifyNoteLines : 1, (sheet.ValueAt(row, ColumnNote) as string)!, field.Label);
                sheet.Validate(Validation(CellName.Of(row, ColumnValue), field));
                package.Name(field.Code, sheet, row, ColumnValue);
            }
            else if (line.Section is { } section)
            {
                var heading = Boxed with { Bold = true, Fill = SectionFill };
                sheet.Set(row, ColumnIndex, section.Heading, heading);
                sheet.Restyle(row, ColumnLabel, row, ColumnNote, _ => heading);
                sheet.Merge(row, ColumnIndex, row, ColumnNote);
            }
            else
            {
                // The submission stamp: when a county sends a corrected return, the newest stamp wins. An input row, numbered.
                sheet.Set(row, ColumnIndex, line.Number, Centered);
                sheet.Set(row, ColumnLabel, "报送时间", Wrapped with { Bold = true });
                sheet.Set(row, ColumnUnit, null, Boxed);
                sheet.Set(row, ColumnValue, null, Input with { Middle = true, NumberFormat = "yyyy-mm-dd hh:mm" });
                sheet.Set(row, ColumnCode, MetaNames.Submitted, Muted);
                var stampNote = NoteText.Lay("本次报送的日期和时间，如 2022-07-03 16:30；修改后重报时请填新的时间", NoteWidth);
                sheet.Set(row, ColumnNote, stampNote, Wrapped);
                FitRow(sheet, row, 1, stampNote, "报送时间");
                package.Name(MetaNames.Submitted, sheet, row, ColumnValue);
            }
        }

        for (var column = 1; column <= Widths.Length; column++)
        {
            sheet.Column(column, Widths[column - 1]);
        }
        sheet.FrozenRows = TemplateLayout.HeaderRow;
        sheet.TitleRow = TemplateLayout.HeaderRow;
        // Locked cells stay selectable; no password, so an office can still repair a template by hand.
        sheet.Protected = true;

        foreach (var detail in definition.Details)
        {
            DetailSheetWriter.Write(package, detail, request.DetailRows?.GetValueOrDefault(detail.Code) ?? []);
        }
        return package.ToArray();
    }

    /// <summary>Rows the 情况说明 cell offers for writing.</summary>
    private const int VerifyNoteLines = 4;

    /// <summary>The 填报说明 column's width in characters that a line of it may take (a margin for fonts wider than ours).</summary>
    private static readonly double NoteWidth = Widths[ColumnNote - 1] * 0.95;

    /// <summary>
    /// Spreadsheet programs do not grow a row for wrapped text they did not lay out themselves (LibreOffice lets it spill
    /// into the next row): each row is given the height of its longest wrapped text, at a CJK line height that holds in
    /// Excel, WPS and LibreOffice alike, with a margin for their different fallback fonts. The note is laid out in lines
    /// of our own (<see cref="NoteText"/>); the label wraps where the program wraps it.
    /// </summary>
    private static void FitRow(TemplateSheet sheet, int row, int minimumLines, string note, string label)
    {
        var lines = Math.Max(Math.Max(minimumLines, NoteText.Lines(note, NoteWidth)), TextWidth.Lines(label, Widths[ColumnLabel - 1] * 0.9));
        sheet.Height(row, 16 * lines + 4);
    }

    private static void Title(TemplateSheet sheet, int row, string text, bool bold, double size)
    {
        var style = Cell with { Bold = bold, Size = size, Center = true };
        sheet.Set(row, ColumnIndex, text, style);
        sheet.Restyle(row, ColumnLabel, row, ColumnNote, _ => style);
        sheet.Merge(row, ColumnIndex, row, ColumnNote);
        sheet.Height(row, size * 1.8);
    }

    private static void Pair(TemplateSheet sheet, int row, int column, string label, string value, bool bold = false)
    {
        sheet.Set(row, column, label, Label);
        sheet.Set(row, column + 1, value, (bold ? Label : Cell) with { NumberFormat = "@" });
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

    private static DataValidation Validation(string address, FieldDefinition field)
    {
        var unit = field.Unit.Length > 0 ? $"(单位：{field.Unit})" : "";
        var (type, comparison, formula, prompt) = field.Kind switch
        {
            FieldKind.Count => (DataValidationValues.Whole, (DataValidationOperatorValues?)DataValidationOperatorValues.GreaterThanOrEqual, "0", $"请填写不小于0的整数{unit}。"),
            // A decimal validation cannot limit decimals; ROUND does. (The operator means nothing to a custom rule, but a
            // reader that defaults it to "between" would ask for a second formula.)
            FieldKind.Amount => (DataValidationValues.Custom, DataValidationOperatorValues.Equal, $"AND(ISNUMBER({address}),{address}>=0,ROUND({address},2)={address})",
                $"请填写不小于0的数值，最多两位小数{unit}。"),
            FieldKind.Rate => (DataValidationValues.Decimal, DataValidationOperatorValues.GreaterThanOrEqual, "0", "请填写不小于0的百分数，如 12.50%。"),
            _ => (DataValidationValues.TextLength, DataValidationOperatorValues.LessThanOrEqual, "500", field.Required ? "必填。" : "可不填。"),
        };
        return TemplateValidation.Of(address, type, comparison, formula, null,
            title: field.Label.Length > 24 ? field.Label[..24] : field.Label,
            prompt: (field.Required && field.Kind != FieldKind.Text ? "必填；" : "") + prompt,
            error: prompt);
    }
}
