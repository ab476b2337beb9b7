using System.Globalization;
using OfficeOpenXml;

namespace Reports.Tests.Outputs.Workbook;

/// <summary>
/// The workbook stores each formula with the merge's figure rather than calculating it while writing. Here every
/// formula of a produced workbook is calculated by another engine (EPPlus) and compared with the value stored for
/// it: a formula that does not evaluate to its figure (a wrong range, a wrong guard) fails, whatever the value says.
/// </summary>
internal static class StoredFormulaValues
{
    /// <summary>Every formula cell whose calculated value differs from its stored one, as "sheet!cell = formula → calculated, stored …"; and how many were compared.</summary>
    public static (IReadOnlyList<string> Differences, int Compared) Check(string path)
    {
        using var package = new ExcelPackage(new FileInfo(path));
        var stored = new List<(ExcelWorksheet Sheet, string Address, string Formula, object? Value)>();
        foreach (var sheet in package.Workbook.Worksheets)
        {
            if (sheet.Dimension is null)
            {
                continue;
            }
            foreach (var cell in sheet.Cells[sheet.Dimension.Address])
            {
                if (!string.IsNullOrEmpty(cell.Formula))
                {
                    stored.Add((sheet, cell.Address, cell.Formula, cell.Value));
                }
            }
        }
        package.Workbook.Calculate();
        var differences = stored
            .Where(s => !Same(s.Sheet.Cells[s.Address].Value, s.Value))
            .Select(s => $"{s.Sheet.Name}!{s.Address} = {s.Formula} → {Show(s.Sheet.Cells[s.Address].Value)}, stored {Show(s.Value)}")
            .ToList();
        return (differences, stored.Count);
    }

    private static bool Same(object? calculated, object? stored) => (calculated, stored) switch
    {
        (double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(b)),
        (string a, string b) => a == b,
        _ => false,
    };

    private static string Show(object? value) => value switch
    {
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        null => "(nothing)",
        _ => $"{value} ({value.GetType().Name})",
    };
}
