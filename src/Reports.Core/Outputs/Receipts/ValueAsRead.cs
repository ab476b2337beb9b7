using Reports.Definitions;
using Reports.Intake;
using Reports.Outputs.Spreadsheet;

namespace Reports.Outputs.Receipts;

/// <summary>
/// A field as intake read it, for a receipt cell: the parsed number or text; where the clerk's cell did not parse,
/// exactly what they typed (as text); （空） for a blank cell; a note when the field's cell was not found.
/// </summary>
internal static class ValueAsRead
{
    public const string Blank = "（空）";
    public const string NotFound = "（未找到该单元格）";

    public static void Put(Sheet sheet, int row, int column, CountySubmission submission, FieldDefinition field, CellStyle style)
    {
        if (submission.Values.TryGetValue(field.Code, out var number))
        {
            sheet.Number(row, column, number, style with { NumberFormat = field.Kind switch { FieldKind.Amount => "0.00", FieldKind.Rate => "0.00%", _ => "0" } });
            return;
        }
        // Always a string: a remark or a typed "=SUM(...)" never becomes a formula.
        var text = submission.Texts.TryGetValue(field.Code, out var typed)
            ? typed
            : submission.Cells.TryGetValue(field.Code, out var reading)
                ? string.IsNullOrWhiteSpace(reading.Typed) ? Blank : reading.Typed
                : NotFound;
        sheet.Text(row, column, text, style with { NumberFormat = "@" });
    }

    /// <summary>"填报!D12": where the county's own file holds the field, or null when its cell was not found.</summary>
    public static string? Location(CountySubmission submission, string field) =>
        submission.Cells.TryGetValue(field, out var reading) ? $"{reading.Sheet}!{reading.Cell}" : null;
}
