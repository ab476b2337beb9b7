using System.Globalization;
using OfficeOpenXml;

namespace Reports.Templates;

/// <summary>
/// The rows of an office's value sheet (targets, last year's values, sample figures), kept as CSV or as the
/// first worksheet of an .xlsx: a header row "unit_code, unit_name, FIELD…", then a row per unit.
/// </summary>
public static class ValueSheetFile
{
    /// <summary>
    /// What reading the sheet at <paramref name="path"/> finds wrong, as a <see cref="FormatException"/> naming the file
    /// (a missing file stays a <see cref="FileNotFoundException"/>, in Chinese): the office's file, a configuration error.
    /// </summary>
    public static T Naming<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (FormatException problem) when (!problem.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new FormatException($"{path}：{problem.Message}", problem);
        }
    }

    public static IReadOnlyList<IReadOnlyList<string>> ReadRows(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(Directory.Exists(path) ? $"这是一个文件夹，不是数值表文件：{path}" : $"文件不存在：{path}", path);
        }
        try
        {
            return path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ReadWorkbook(path) : CsvTable.Parse(File.ReadAllText(path));
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException or InvalidDataException or InvalidOperationException)
        {
            throw new FormatException($"{path}：无法读取（{problem.Message}）", problem);
        }
    }

    private static List<IReadOnlyList<string>> ReadWorkbook(string path)
    {
        using var package = new ExcelPackage(new FileInfo(path));
        var sheet = package.Workbook.Worksheets.FirstOrDefault() ?? throw new FormatException($"{path}：文件中没有工作表");
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
