using OfficeOpenXml;

namespace Reports.Outputs.Workbook;

/// <summary>
/// The values stored with the formulas are what every reader that does not recalculate will show, so each formula's
/// stored value must equal the merged figure it stands for. Every total, and each unit-row formula of the first
/// <see cref="SampledRows"/> units and of the last, is calculated by EPPlus and must equal the merge: a difference is
/// a bug in the formulas, not a data problem. The other unit rows repeat the same relative formula, so their stored
/// value is the merge's figure itself — EPPlus calculating tens of thousands of formulas costs more than the rest of
/// the workbook. The checked cells are calculated a row block at a time (each EPPlus calculation has a fixed cost).
/// </summary>
internal sealed class FormulaCheck
{
    public const int SampledRows = 32;

    private readonly List<(ExcelRange Cell, decimal? Expected)> _expectations = [];

    /// <summary>A total (or any formula): calculated and checked.</summary>
    public void Expect(ExcelRange cell, decimal? expected) => _expectations.Add((cell, expected));

    /// <summary>A unit row's formula, the unit's 0-based position and the count given: sampled rows are calculated and checked, the others store the merge's value.</summary>
    public void Expect(ExcelRange cell, decimal? expected, int unitIndex, int units)
    {
        if (unitIndex < SampledRows || unitIndex == units - 1)
        {
            Expect(cell, expected);
            return;
        }
        // Worksheet.SetValue keeps the formula (ExcelRange.Value would clear it).
        cell.Worksheet.SetValue(cell.Start.Row, cell.Start.Column, expected is { } value ? (double)value : WorkbookStyle.Undefined);
    }

    /// <summary>Calculates every checked formula and throws when one differs from the merge.</summary>
    public void CalculateAndVerify()
    {
        foreach (var sheet in _expectations.GroupBy(e => e.Cell.Worksheet))
        {
            // Rows in runs of consecutive numbers, each run one calculation over the columns that hold checked cells.
            var rows = sheet.Select(e => e.Cell.Start.Row).Distinct().Order().ToList();
            var (first, last) = (sheet.Min(e => e.Cell.Start.Column), sheet.Max(e => e.Cell.Start.Column));
            for (var i = 0; i < rows.Count;)
            {
                var end = i;
                while (end + 1 < rows.Count && rows[end + 1] == rows[end] + 1)
                {
                    end++;
                }
                sheet.Key.Cells[rows[i], first, rows[end], last].Calculate();
                i = end + 1;
            }
        }
        var wrong = _expectations
            .Where(e => !Matches(e.Cell.Value, e.Expected))
            .Select(e => $"{e.Cell.Worksheet.Name}!{e.Cell.Address} = {e.Cell.Formula} → {e.Cell.Value}，应为 {e.Expected?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? WorkbookStyle.Undefined}")
            .ToList();
        if (wrong.Count > 0)
        {
            throw new InvalidOperationException("汇总表公式的计算结果与汇总数不符：" + string.Join("；", wrong));
        }
    }

    private static bool Matches(object? value, decimal? expected)
    {
        if (expected is null)
        {
            return value is string text && text == WorkbookStyle.Undefined;
        }
        if (value is not double number)
        {
            return false;
        }
        var target = (double)expected.Value;
        return Math.Abs(number - target) <= 1e-9 * Math.Max(1, Math.Abs(target));
    }
}
