using System.Globalization;
using Reports.Definitions;
using Reports.Rosters;
using Reports.Tests.Support;

namespace Reports.Tests.Outputs.Workbook;

/// <summary>
/// The figures a workbook must show, recomputed here from the value sheet the county returns were filled from
/// (not from the pipeline): fields per unit, their sums, and every indicator as a ratio of sums over the units
/// that have each of its fields. Checks every figure cell of the 汇总 and task sheets and proves that no formula
/// cell of the workbook went unchecked.
/// </summary>
internal sealed class WorkbookFigures(ReturnDefinition definition, Roster roster, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> acceptedValues)
{
    public static readonly string[] FigureSheets = ["汇总", "务工就业", "项目开工建设", "小额信贷投放", "政策培训宣传", "产销对接消费帮扶", "推动政策创设落实"];

    private decimal? Value(string unit, string field) =>
        acceptedValues[unit].TryGetValue(field, out var text) && text.Length > 0 ? decimal.Parse(text, CultureInfo.InvariantCulture) : null;

    /// <summary>An indicator over a group of units: Σ numerator ÷ Σ denominator over the units that have all its fields; null when undefined.</summary>
    public decimal? Indicator(IndicatorDefinition indicator, IEnumerable<string> units)
    {
        var complete = units.Where(u => indicator.Numerator.Concat(indicator.Denominator).All(f => Value(u, f) is not null)).ToList();
        if (complete.Count == 0)
        {
            return null;
        }
        var numerator = complete.Sum(u => indicator.Numerator.Sum(f => Value(u, f)!.Value));
        if (!indicator.IsRate)
        {
            return numerator;
        }
        var denominator = complete.Sum(u => indicator.Denominator.Sum(f => Value(u, f)!.Value));
        return denominator == 0 ? null : numerator / denominator;
    }

    public decimal FieldTotal(string field) => acceptedValues.Keys.Sum(u => Value(u, field) ?? 0);

    /// <summary>Checks a figure sheet; returns how many formula cells it checked.</summary>
    public int Check(WorkbookReadBack.StoredSheet sheet)
    {
        var (nameRow, nameColumn) = sheet.Find("单位名称");
        var totalLabel = $"{roster.Name}合计";
        var totalRow = sheet.Find(totalLabel).Row;
        var headers = Enumerable.Range(nameRow, 2).SelectMany(sheet.Headers).GroupBy(h => h.Key).ToDictionary(g => g.Key, g => g.First().Value);
        var unitRows = Enumerable.Range(nameRow + 1, totalRow - nameRow - 1)
            .Where(r => sheet.Text(r, nameColumn) is { } name && roster.Units.Any(u => u.Name == name))
            .ToDictionary(r => r, r => roster.Units.Single(u => u.Name == sheet.Text(r, nameColumn)).Code);
        Assert.Equal(roster.Units.Select(u => u.Code), unitRows.OrderBy(r => r.Key).Select(r => r.Value));

        var checkedFormulas = new HashSet<string>(StringComparer.Ordinal);
        var columnsSeen = 0;
        foreach (var field in definition.NumericFields.Where(f => headers.ContainsKey(f.LabelWithUnit)))
        {
            var column = headers[field.LabelWithUnit];
            columnsSeen++;
            foreach (var (row, unit) in unitRows)
            {
                var cell = sheet[WorkbookReadBack.Reference(row, column)];
                Assert.Null(cell?.Formula);
                Assert.Equal((double?)(acceptedValues.ContainsKey(unit) ? Value(unit, field.Code) : null), cell?.Number);
            }
            CheckFormula(sheet, totalRow, column, FieldTotal(field.Code), checkedFormulas);
        }
        foreach (var indicator in definition.Indicators)
        {
            var header = headers.Keys.SingleOrDefault(h => h.StartsWith(indicator.Label + "(", StringComparison.Ordinal));
            if (header is null)
            {
                continue;
            }
            columnsSeen++;
            var column = headers[header];
            foreach (var (row, unit) in unitRows)
            {
                if (acceptedValues.ContainsKey(unit))
                {
                    CheckFormula(sheet, row, column, Indicator(indicator, [unit]), checkedFormulas);
                }
                else
                {
                    Assert.Null(sheet[WorkbookReadBack.Reference(row, column)]?.Formula);
                }
            }
            CheckFormula(sheet, totalRow, column, Indicator(indicator, acceptedValues.Keys), checkedFormulas);
        }
        Assert.True(columnsSeen > 0, $"{sheet.Name}: no figure columns found");
        var formulas = sheet.Cells.Values.Where(c => c.Formula is not null).Select(c => c.Reference).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(formulas.Order(StringComparer.Ordinal), checkedFormulas.Order(StringComparer.Ordinal));
        return checkedFormulas.Count;
    }

    private static void CheckFormula(WorkbookReadBack.StoredSheet sheet, int row, int column, decimal? expected, HashSet<string> checkedFormulas)
    {
        var reference = WorkbookReadBack.Reference(row, column);
        var cell = sheet[reference];
        Assert.True(cell?.Formula is not null, $"{sheet.Name}!{reference} should be a formula");
        if (expected is null)
        {
            Assert.Equal("—", cell!.Text);
        }
        else
        {
            Assert.True(cell!.Number is { } stored && Math.Abs(stored - (double)expected.Value) <= 1e-9 * Math.Max(1, Math.Abs((double)expected.Value)),
                $"{sheet.Name}!{reference} = {cell.Formula} stores {cell.Number?.ToString("R", CultureInfo.InvariantCulture) ?? cell.Text}, expected {expected}");
        }
        checkedFormulas.Add(reference);
    }
}
