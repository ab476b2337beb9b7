using System.Globalization;
using Reports.Definitions;
using Reports.Diagnostics;
using Reports.Intake.Xlsx;

namespace Reports.Intake;

/// <summary>
/// Turns a cell's stored content into a field value, with a diagnostic for anything that is not a clean value
/// of the field's kind. Parsing is culture-invariant: a file reads the same on every office's machine. Every
/// number it returns is within <see cref="NumberBounds"/>, typed or stored, so the arithmetic after it is bounded.
/// </summary>
public static class ValueParser
{
    public static ParsedValue Parse(FieldCell cell, string file, List<Diagnostic> diagnostics)
    {
        var field = cell.Field;
        var raw = cell.Raw;
        Diagnostic At(DiagnosticCode code, string message) => code.At(message, file, cell.Sheet, cell.Cell, field.Code);

        switch (raw.Kind)
        {
            case XlsxCellKind.Empty:
                return ParsedValue.Blank;
            case XlsxCellKind.FormulaWithoutValue when field.Kind == FieldKind.Text:
                // A remark is not a figure: the formula as written is what it says (a HYPERLINK, a note), kept as text.
                var formula = "=" + raw.Formula;
                diagnostics.Add(At(DiagnosticCatalog.FormulaInTextField, $"{Quoted.Name(field.Label)}是没有计算结果的公式，已按原文{Quoted.Name(formula)}记录"));
                return new ParsedValue(null, formula);
            case XlsxCellKind.FormulaWithoutValue:
                diagnostics.Add(At(DiagnosticCatalog.FormulaWithoutValue, $"{Quoted.Name(field.Label)}是公式({raw.Formula})，但文件中没有保存计算结果"));
                return ParsedValue.Blank;
            case XlsxCellKind.Error:
                diagnostics.Add(At(DiagnosticCatalog.ErrorValue, $"{Quoted.Name(field.Label)}的值是错误值 {raw.Raw}"));
                return ParsedValue.Blank;
        }

        var text = raw.Raw ?? "";
        if (field.Kind == FieldKind.Text)
        {
            var trimmed = raw.Kind == XlsxCellKind.Number ? NumberAsText(text) : text.Trim();
            return trimmed.Length == 0 ? ParsedValue.Blank : new ParsedValue(null, trimmed);
        }

        if (raw.IsDate && field.Kind is FieldKind.Count or FieldKind.Amount)
        {
            // The clerk sees a date in the cell: its serial (44742 for 2022-06-30) is no count and no amount.
            diagnostics.Add(At(DiagnosticCatalog.DateInNumberCell, $"{Quoted.Name(field.Label)}的单元格是日期格式，显示为日期 {ExcelDate.Show(raw)}，应填写数字（{field.Unit}）"));
            return ParsedValue.Blank;
        }

        decimal number;
        var typedText = text.Trim();
        if (raw.Kind == XlsxCellKind.Number)
        {
            switch (ReadStoredNumber(text, out number))
            {
                case StoredNumber.NotANumber:
                    diagnostics.Add(At(DiagnosticCatalog.NotANumber, $"{Quoted.Name(field.Label)}的值{Quoted.Name(text)}无法读作数字"));
                    return ParsedValue.Blank;
                case StoredNumber.TooLarge:
                    diagnostics.Add(At(DiagnosticCatalog.OutOfRange, $"{Quoted.Name(field.Label)}填的是{Quoted.Name(typedText)}，{NumberBounds.TooLarge}"));
                    return ParsedValue.Blank;
                case StoredNumber.TooSmall:
                    diagnostics.Add(At(DiagnosticCatalog.OutOfRange, $"{Quoted.Name(field.Label)}填的是{Quoted.Name(typedText)}，{NumberBounds.TooManyDecimals}"));
                    return ParsedValue.Blank;
            }
        }
        else if (raw.Kind == XlsxCellKind.Text)
        {
            var trimmed = text.Trim();
            if (trimmed.Length == 0)
            {
                return ParsedValue.Blank;
            }
            var reading = TypedNumber.Read(text, field);
            diagnostics.AddRange(reading.Findings.Select(f => At(f.Code, f.Message)));
            if (reading.Number is not { } typed)
            {
                return ParsedValue.Blank;
            }
            number = typed;
        }
        else
        {
            diagnostics.Add(At(DiagnosticCatalog.NotANumber, $"{Quoted.Name(field.Label)}应填数字，实际是{Quoted.Name(text)}"));
            return ParsedValue.Blank;
        }

        if (Math.Abs(number) > NumberBounds.MaxMagnitude)
        {
            diagnostics.Add(At(DiagnosticCatalog.OutOfRange, $"{Quoted.Name(field.Label)}填的是{Quoted.Name(typedText)}，{NumberBounds.TooLarge}"));
            return ParsedValue.Blank;
        }
        if (number < 0)
        {
            diagnostics.Add(At(DiagnosticCatalog.Negative, $"{Quoted.Name(field.Label)}为负数 {Show(number)}"));
            return ParsedValue.Blank;
        }
        if (field.Kind == FieldKind.Count && number != decimal.Truncate(number))
        {
            diagnostics.Add(At(DiagnosticCatalog.NotWhole, $"{Quoted.Name(field.Label)}应为整数({field.Unit})，实际是 {Show(number)}"));
            return ParsedValue.Blank;
        }
        if (field.Kind == FieldKind.Amount && number != decimal.Round(number, 2))
        {
            diagnostics.Add(At(DiagnosticCatalog.TooManyDecimals, $"{Quoted.Name(field.Label)}为 {Show(number)} 万元，超过两位小数"));
            return ParsedValue.Blank;
        }
        if (NumberBounds.DecimalPlaces(number) > NumberBounds.MaxDecimals)
        {
            // Beyond six places it is a slip or a float's residue, and a tiny denominator would blow up a ratio.
            diagnostics.Add(At(DiagnosticCatalog.OutOfRange, $"{Quoted.Name(field.Label)}填的是{Quoted.Name(typedText)}，{NumberBounds.TooManyDecimals}"));
            return ParsedValue.Blank;
        }
        return new ParsedValue(number, null);
    }

    private enum StoredNumber { Number, NotANumber, TooLarge, TooSmall }

    /// <summary>
    /// A stored number under the same bounds as a typed one. A value a decimal cannot hold (1E-300 would become 0)
    /// is refused, not zeroed: the clerk's cell shows 1E-300, and a figure is never silently changed.
    /// </summary>
    private static StoredNumber ReadStoredNumber(string text, out decimal number)
    {
        number = 0;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value) || double.IsInfinity(value))
        {
            return StoredNumber.NotANumber;
        }
        if (!TryParseStoredNumber(text, out number))
        {
            return StoredNumber.TooLarge;
        }
        return number == 0 && value != 0 ? StoredNumber.TooSmall : StoredNumber.Number;
    }

    /// <summary>
    /// A number as a workbook stores it ("2312.0300000000002", "1E-3"). Going through double and its
    /// 15 significant digits gives back the value the clerk typed.
    /// </summary>
    internal static bool TryParseStoredNumber(string text, out decimal number)
    {
        number = 0;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value) || double.IsInfinity(value)
            || Math.Abs(value) > 1e15)
        {
            return false;
        }
        number = (decimal)value;
        return true;
    }

    private static string NumberAsText(string stored) =>
        TryParseStoredNumber(stored, out var number) ? Show(number) : stored.Trim();

    private static string Show(decimal number) => number.ToString("0.############", CultureInfo.InvariantCulture);
}
