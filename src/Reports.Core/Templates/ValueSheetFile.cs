using System.Globalization;
using OfficeOpenXml;

namespace Reports.Templates;

/// <summary>
/// The rows of an office's value sheet (targets, last year's values, sample figures), kept as CSV or as the
/// first worksheet of an .xlsx: a header row "unit_code, unit_name, FIELD…", then a row per unit.
/// </summary>
public static class ValueSheetFile
{
    public static IReadOnlyList<IReadOnlyList<string>> ReadRows(string path)
    {
        if (!path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return CsvTable.Parse(File.ReadAllText(path));
        }
        using var package = new ExcelPackage(new FileInfo(path));
        var sheet = package.Workbook.Worksheets.FirstOrDefault() ?? throw new FormatException($"{path} 中没有工作表");
        if (sheet.Dimension is null)
        {
            return [];
        }
        var rows = new List<IReadOnlyList<string>>();
        for (var row = sheet.Dimension.Start.Row; row <= sheet.Dimension.End.Row; row++)
        {
            var cells = new List<string>();
            for (var column = 1; column <= sheet.Dimension.End.Column; column++)
            {
                // The stored value, not the displayed text: a target shown as "1,639.00" is 1639.
                cells.Add(sheet.Cells[row, column].Value switch
                {
                    null => "",
                    double number => ((decimal)number).ToString(CultureInfo.InvariantCulture),
                    decimal number => number.ToString(CultureInfo.InvariantCulture),
                    var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? "",
                });
            }
            if (cells.Any(c => c.Length > 0))
            {
                rows.Add(cells);
            }
        }
        return rows;
    }
}
