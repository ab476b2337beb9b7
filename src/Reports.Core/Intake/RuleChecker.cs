using System.Globalization;
using Reports.Definitions;
using Reports.Diagnostics;

namespace Reports.Intake;

/// <summary>Checks the rules of the definition across fields: required fields, ≤ relations and declared sums.</summary>
public static class RuleChecker
{
    public static void Check(
        ReturnDefinition definition,
        IReadOnlyDictionary<string, FieldCell> cells,
        IReadOnlyDictionary<string, ParsedValue> values,
        IReadOnlySet<string> unreadable,
        string file,
        List<Diagnostic> diagnostics)
    {
        foreach (var field in definition.Fields)
        {
            if (!cells.TryGetValue(field.Code, out var cell))
            {
                continue; // a missing name is already reported
            }
            var value = values.GetValueOrDefault(field.Code);
            if (field.Required && value.IsBlank && !unreadable.Contains(field.Code))
            {
                diagnostics.Add(DiagnosticCatalog.RequiredBlank.At($"{Quoted.Name(field.Label)}是必填项，未填写", file, cell.Sheet, cell.Cell, field.Code));
            }
            if (field.AtMost is { } limitCode
                && value.Number is { } number
                && values.GetValueOrDefault(limitCode).Number is { } limit
                && number > limit)
            {
                var other = definition.FindField(limitCode)!;
                diagnostics.Add(DiagnosticCatalog.AtMostViolated.At(
                    $"{Quoted.Name(field.Label)}({Show(number)}{field.Unit})大于{Quoted.Name(other.Label)}({Show(limit)}{other.Unit})",
                    file, cell.Sheet, cell.Cell, field.Code));
            }
            if (field.SumOf is { } parts
                && value.Number is { } whole
                && parts.All(p => values.GetValueOrDefault(p).Number is not null))
            {
                var sum = parts.Sum(p => values[p].Number!.Value);
                if (sum != whole)
                {
                    var named = string.Join(" + ", parts.Select(p => $"{Quoted.Name(definition.FindField(p)!.Label)}({Show(values[p].Number!.Value)})"));
                    diagnostics.Add(DiagnosticCatalog.SumViolated.At(
                        $"{Quoted.Name(field.Label)}({Show(whole)}{field.Unit})不等于 {named} = {Show(sum)}{field.Unit}",
                        file, cell.Sheet, cell.Cell, field.Code));
                }
            }
        }
    }

    private static string Show(decimal number) => number.ToString("0.##", CultureInfo.InvariantCulture);
}
