using System.Globalization;
using Reports.Definitions;
using Reports.Diagnostics;
using Reports.Intake.Xlsx;

namespace Reports.Intake;

/// <summary>
/// Turns a cell's stored content into a field value, with a diagnostic for anything that is not a clean value
/// of the field's kind. Parsing is culture-invariant: a file reads the same on every office's machine.
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
            case XlsxCellKind.FormulaWithoutValue:
                diagnostics.Add(At(DiagnosticCatalog.FormulaWithoutValue, $"“{field.Label}”是公式({raw.Formula})，但文件中没有保存计算结果"));
                return ParsedValue.Blank;
            case XlsxCellKind.Error:
                diagnostics.Add(At(DiagnosticCatalog.ErrorValue, $"“{field.Label}”的值是错误值 {raw.Raw}"));
                return ParsedValue.Blank;
        }

        var text = raw.Raw ?? "";
        if (field.Kind == FieldKind.Text)
        {
            var trimmed = raw.Kind == XlsxCellKind.Number ? NumberAsText(text) : text.Trim();
            return trimmed.Length == 0 ? ParsedValue.Blank : new ParsedValue(null, trimmed);
        }

        decimal number;
        if (raw.Kind == XlsxCellKind.Number)
        {
            if (!TryParseStoredNumber(text, out number))
            {
                diagnostics.Add(At(DiagnosticCatalog.NotANumber, $"“{field.Label}”的值“{text}”无法读作数字"));
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
            diagnostics.Add(At(DiagnosticCatalog.NotANumber, $"“{field.Label}”应填数字，实际是“{text}”"));
            return ParsedValue.Blank;
        }

        if (number < 0)
        {
            diagnostics.Add(At(DiagnosticCatalog.Negative, $"“{field.Label}”为负数 {Show(number)}"));
            return ParsedValue.Blank;
        }
        if (field.Kind == FieldKind.Count && number != decimal.Truncate(number))
        {
            diagnostics.Add(At(DiagnosticCatalog.NotWhole, $"“{field.Label}”应为整数({field.Unit})，实际是 {Show(number)}"));
            return ParsedValue.Blank;
        }
        if (field.Kind == FieldKind.Amount && number != decimal.Round(number, 2))
        {
            diagnostics.Add(At(DiagnosticCatalog.TooManyDecimals, $"“{field.Label}”为 {Show(number)} 万元，超过两位小数"));
            return ParsedValue.Blank;
        }
        return new ParsedValue(number, null);
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
