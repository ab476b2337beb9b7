using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

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
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException or InvalidDataException or InvalidOperationException or OpenXmlPackageException)
        {
            throw new FormatException($"{path}：无法读取（{problem.Message}）", problem);
        }
    }

    private static List<IReadOnlyList<string>> ReadWorkbook(string path)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var workbookPart = document.WorkbookPart ?? throw new FormatException($"{path}：文件中没有工作簿");
        var first = workbookPart.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new FormatException($"{path}：文件中没有工作表");
        if (first.Id?.Value is not { } id || workbookPart.GetPartById(id) is not WorksheetPart part)
        {
            throw new FormatException($"{path}：第一个工作表无法读取");
        }
        var strings = workbookPart.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var cells = new SortedDictionary<int, SortedDictionary<int, string>>();
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            var next = 1;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnOf(reference) : next;
                next = column + 1;
                var rowNumber = (int)(row.RowIndex?.Value ?? 0);
                var text = Text(cell, strings);
                if (text.Length > 0 && rowNumber > 0)
                {
                    (cells.TryGetValue(rowNumber, out var found) ? found : cells[rowNumber] = [])[column] = text;
                }
            }
        }
        var width = cells.Count == 0 ? 0 : cells.Values.Max(r => r.Keys.Max());
        return cells.Values.Select(r => (IReadOnlyList<string>)Enumerable.Range(1, width).Select(c => r.GetValueOrDefault(c, "")).ToList()).ToList();
    }

    /// <summary>The stored value, not the displayed text: a target shown as "1,639.00" is 1639.</summary>
    private static string Text(Cell cell, List<string> strings)
    {
        var value = cell.CellValue?.Text;
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }
        if (value is null)
        {
            return "";
        }
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < strings.Count ? strings[index] : "";
        }
        if ((cell.DataType is null || cell.DataType.Value == CellValues.Number)
            && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && Math.Abs(number) < 7.9e28)
        {
            // As a double, shown in the decimal it stands for (15 significant digits).
            return ((decimal)number).ToString(CultureInfo.InvariantCulture);
        }
        return value;
    }

    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            column = (column * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return column;
    }
}
