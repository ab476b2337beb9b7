using System.Globalization;
using Reports.Definitions;
using Reports.Diagnostics;

namespace Reports.Intake;

/// <summary>
/// The rules of a detail table (台账): unique columns, columns required when another holds a value, and the
/// declared checks against the fixed part (Σ of a column = a field within its tolerance, row counts, rows
/// meeting a condition). A fixed-part value that could not be read is not compared (it is already reported).
/// </summary>
public static class DetailRuleChecker
{
    public static void Check(
        DetailTableDefinition table,
        IReadOnlyList<DetailRow> rows,
        string sheet,
        IReadOnlyDictionary<string, FieldCell> cells,
        IReadOnlyDictionary<string, ParsedValue> values,
        string file,
        List<Diagnostic> diagnostics)
    {
        foreach (var column in table.Columns.Where(c => c.Unique))
        {
            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                if (row.Text(column.Code) is not { } key)
                {
                    continue;
                }
                if (!first.TryAdd(key, row.Row))
                {
                    diagnostics.Add(DiagnosticCatalog.DetailDuplicate.At(
                        $"{table.Title}第{row.Row}行的{column.Label}{Quoted.Name(key)}与第{first[key]}行重复",
                        file, sheet, row.CellOf(column.Code), $"{table.Code}.{column.Code}"));
                }
            }
        }
        foreach (var column in table.Columns.Where(c => c.RequiredWhen is not null))
        {
            var when = column.RequiredWhen!;
            var label = table.FindColumn(when.Column)!.Label;
            foreach (var row in rows.Where(r => r.Text(when.Column) == when.Value && r.IsBlank(column.Code)))
            {
                diagnostics.Add(DiagnosticCatalog.DetailConditionalBlank.At(
                    $"{table.Title}第{row.Row}行{Quoted.Name(label)}为“{when.Value}”，但{Quoted.Name(column.Label)}未填写",
                    file, sheet, row.CellOf(column.Code), $"{table.Code}.{column.Code}"));
            }
        }

        foreach (var check in table.Checks)
        {
            if (!cells.TryGetValue(check.Field, out var fixedCell) || values.GetValueOrDefault(check.Field).Number is not { } stated)
            {
                continue;
            }
            var field = fixedCell.Field;
            DiagnosticCode Code(DiagnosticCode byKind) => check.Diagnostic is { } named ? DiagnosticCatalog.Find(named)! : byKind;
            switch (check.Kind)
            {
                case DetailCheckKind.Sum:
                    var column = table.FindColumn(check.Column!)!;
                    var sum = rows.Sum(r => r.Numbers.GetValueOrDefault(column.Code));
                    if (Math.Abs(sum - stated) > check.Tolerance)
                    {
                        diagnostics.Add(Code(DiagnosticCatalog.DetailSumMismatch).At(
                            $"{Quoted.Name(field.Label)}填的是 {Show(stated)}{field.Unit}，{table.Title}{Quoted.Name(column.Label)}合计为 {Show(sum)}{column.Unit}，相差 {Show(stated - sum)}{field.Unit}",
                            file, fixedCell.Sheet, fixedCell.Cell, field.Code));
                    }
                    break;
                case DetailCheckKind.RowCount:
                    if (rows.Count != stated)
                    {
                        diagnostics.Add(Code(DiagnosticCatalog.DetailRowCountMismatch).At(
                            $"{Quoted.Name(field.Label)}填的是 {Show(stated)}{field.Unit}，{table.Title}中有 {rows.Count} 行",
                            file, fixedCell.Sheet, fixedCell.Cell, field.Code));
                    }
                    break;
                case DetailCheckKind.CountWhere:
                    var where = check.Where!;
                    var counted = rows.Count(r => r.Text(where.Column) == where.Value);
                    if (counted != stated)
                    {
                        diagnostics.Add(Code(DiagnosticCatalog.DetailCountWhereMismatch).At(
                            $"{Quoted.Name(field.Label)}填的是 {Show(stated)}{field.Unit}，{table.Title}中{Quoted.Name(table.FindColumn(where.Column)!.Label)}为“{where.Value}”的有 {counted} 行",
                            file, fixedCell.Sheet, fixedCell.Cell, field.Code));
                    }
                    break;
            }
        }
    }

    private static string Show(decimal number) => number.ToString("0.##", CultureInfo.InvariantCulture);
}
