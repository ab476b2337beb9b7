using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Reports.Tests.Support;

/// <summary>
/// A produced workbook read back with the Open XML SDK, not with EPPlus that wrote it: each sheet's cells with
/// their formula (if any) and the value stored for it, as a reader that does not recalculate sees them.
/// </summary>
public sealed class WorkbookReadBack
{
    public sealed record StoredCell(string Reference, string? Formula, string? Text, double? Number);

    public sealed record StoredSheet(string Name, IReadOnlyDictionary<string, StoredCell> Cells, WorksheetPart Part)
    {
        public StoredCell? this[string reference] => Cells.GetValueOrDefault(reference);

        public string? Text(int row, int column) => this[Reference(row, column)]?.Text;

        /// <summary>The first row whose cells include the text (a header's line breaks aside), and the text's column.</summary>
        public (int Row, int Column) Find(string text)
        {
            var cell = Cells.Values.Where(c => c.Text == text || Unbroken(c.Text) == text).OrderBy(c => RowOf(c.Reference)).ThenBy(c => ColumnOf(c.Reference)).First();
            return (RowOf(cell.Reference), ColumnOf(cell.Reference));
        }

        /// <summary>The texts of a row without the line breaks a header is laid out with, text → its first column.</summary>
        public Dictionary<string, int> Headers(int row) => Cells.Values
            .Where(c => RowOf(c.Reference) == row && c.Text is { Length: > 0 })
            .GroupBy(c => Unbroken(c.Text)!)
            .ToDictionary(g => g.Key, g => g.Min(c => ColumnOf(c.Reference)));
    }

    public WorkbookReadBack(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var workbookPart = document.WorkbookPart!;
        var shared = workbookPart.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var sheets = new List<StoredSheet>();
        foreach (var sheet in workbookPart.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbookPart.GetPartById(sheet.Id!);
            var cells = new Dictionary<string, StoredCell>(StringComparer.Ordinal);
            foreach (var cell in part.Worksheet.Descendants<Cell>())
            {
                var raw = cell.CellValue?.Text;
                var type = cell.DataType?.Value;
                var text = raw;
                double? number = null;
                if (type == CellValues.SharedString && raw is not null)
                {
                    text = shared[int.Parse(raw, CultureInfo.InvariantCulture)];
                }
                else if (type == CellValues.InlineString)
                {
                    text = cell.InlineString?.InnerText;
                }
                else if (type is null && raw is not null)
                {
                    number = double.Parse(raw, CultureInfo.InvariantCulture);
                }
                cells[cell.CellReference!.Value!] = new StoredCell(cell.CellReference.Value!, cell.CellFormula?.Text, text, number);
            }
            sheets.Add(new StoredSheet(sheet.Name!.Value!, cells, part));
        }
        Sheets = sheets;
        DefinedNames = workbookPart.Workbook.DefinedNames?.Elements<DefinedName>().Select(n => (n.Name!.Value!, n.LocalSheetId?.Value, n.Text)).ToList() ?? [];
        ChartXml = workbookPart.WorksheetParts.SelectMany(w => w.DrawingsPart?.ChartParts ?? [])
            .Select(c => { using var reader = new StreamReader(c.GetStream()); return reader.ReadToEnd(); })
            .ToList();
    }

    public IReadOnlyList<StoredSheet> Sheets { get; }
    public IReadOnlyList<(string Name, uint? SheetIndex, string Text)> DefinedNames { get; }
    public IReadOnlyList<string> ChartXml { get; }

    public StoredSheet this[string name] => Sheets.Single(s => s.Name == name);

    /// <summary>A header's text without the line breaks it is laid out with in its column.</summary>
    public static string? Unbroken(string? text) => text?.Replace("\n", "", StringComparison.Ordinal);

    public static string Reference(int row, int column)
    {
        var letters = "";
        for (var c = column; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + ((c - 1) % 26)) + letters;
        }
        return letters + row.ToString(CultureInfo.InvariantCulture);
    }

    public static int RowOf(string reference) => int.Parse(reference.AsSpan(reference.IndexOfAny("0123456789".ToCharArray())), CultureInfo.InvariantCulture);

    public static int ColumnOf(string reference) =>
        reference.TakeWhile(char.IsAsciiLetter).Aggregate(0, (n, c) => (n * 26) + (c - 'A' + 1));
}
