using OfficeOpenXml;

namespace Reports.Outputs.Workbook;

/// <summary>
/// The values EPPlus calculates for the formulas are what every reader that does not recalculate will show, so
/// after Calculate() each formula's cached value must equal the merged figure it stands for. A difference is a
/// bug in the formulas, not a data problem.
/// </summary>
internal sealed class FormulaCheck
{
    private readonly List<(ExcelRange Cell, decimal? Expected)> _expectations = [];

    public void Expect(ExcelRange cell, decimal? expected) => _expectations.Add((cell, expected));

    public void Verify()
    {
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
