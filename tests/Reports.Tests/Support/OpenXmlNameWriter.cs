using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Reports.Tests.Support;

/// <summary>
/// Another program filling a return: the Open XML SDK writing values by the workbook's defined names,
/// the way a Python or Power Query user would, without EPPlus and without knowing the layout.
/// </summary>
public static partial class OpenXmlNameWriter
{
    /// <summary>An Excel error value such as #DIV/0!, as a cell stores it.</summary>
    public sealed record ErrorValue(string Text);

    /// <summary>
    /// A number shown in a number format: a built-in one by its id (14 is a short date), or a custom code, which
    /// gets <paramref name="NumFmtId"/> (164 and up). What a clerk gets by typing a date into the cell.
    /// </summary>
    public sealed record Formatted(double Number, uint NumFmtId, string? FormatCode = null);

    public static void Fill(string path, IReadOnlyDictionary<string, object> values)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: true);
        var workbookPart = document.WorkbookPart!;
        var names = workbookPart.Workbook.DefinedNames!.Elements<DefinedName>().Where(n => n.LocalSheetId is null).ToDictionary(n => n.Name!.Value!, n => n.Text); // workbook-level names (sheets may share a local print-titles name)
        foreach (var (name, value) in values)
        {
            var match = Reference().Match(names[name]);
            if (!match.Success)
            {
                throw new InvalidOperationException($"{name} → {names[name]} is not a single cell");
            }
            var sheetName = match.Groups["sheet"].Value.Replace("''", "'", StringComparison.Ordinal);
            var sheet = workbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
            var worksheet = ((WorksheetPart)workbookPart.GetPartById(sheet.Id!)).Worksheet;
            var cell = FindOrCreate(worksheet, match.Groups["col"].Value, uint.Parse(match.Groups["row"].Value, CultureInfo.InvariantCulture));
            if (value is Formatted formatted)
            {
                cell.DataType = null;
                cell.RemoveAllChildren<InlineString>();
                cell.CellValue = new CellValue(formatted.Number.ToString("R", CultureInfo.InvariantCulture));
                cell.StyleIndex = AddCellFormat(workbookPart, formatted);
            }
            else if (value is ErrorValue error)
            {
                cell.DataType = CellValues.Error;
                cell.RemoveAllChildren<InlineString>();
                cell.CellValue = new CellValue(error.Text);
            }
            else if (value is string text)
            {
                cell.DataType = CellValues.InlineString;
                cell.CellValue = null;
                cell.RemoveAllChildren<InlineString>();
                cell.AppendChild(new InlineString(new Text(text)));
            }
            else
            {
                cell.DataType = null; // a number
                cell.RemoveAllChildren<InlineString>();
                cell.CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!);
            }
        }
        workbookPart.Workbook.Save();
    }

    /// <summary>Appends a cell format (and its custom number format, if any) to the styles; returns its index.</summary>
    private static uint AddCellFormat(WorkbookPart workbookPart, Formatted formatted)
    {
        var stylesheet = workbookPart.WorkbookStylesPart!.Stylesheet;
        if (formatted.FormatCode is not null)
        {
            var formats = stylesheet.NumberingFormats ?? stylesheet.InsertAt(new NumberingFormats(), 0);
            formats.AppendChild(new NumberingFormat { NumberFormatId = formatted.NumFmtId, FormatCode = formatted.FormatCode });
            formats.Count = (uint)formats.ChildElements.Count;
        }
        var cellFormats = stylesheet.CellFormats!;
        cellFormats.AppendChild(new CellFormat { NumberFormatId = formatted.NumFmtId, FontId = 0, FillId = 0, BorderId = 0, ApplyNumberFormat = true });
        cellFormats.Count = (uint)cellFormats.ChildElements.Count;
        stylesheet.Save();
        return cellFormats.Count.Value - 1;
    }

    private static Cell FindOrCreate(Worksheet worksheet, string column, uint rowIndex)
    {
        var data = worksheet.GetFirstChild<SheetData>()!;
        var row = data.Elements<Row>().FirstOrDefault(r => r.RowIndex?.Value == rowIndex);
        if (row is null)
        {
            row = new Row { RowIndex = rowIndex };
            var after = data.Elements<Row>().LastOrDefault(r => r.RowIndex!.Value < rowIndex);
            if (after is null)
            {
                data.PrependChild(row);
            }
            else
            {
                after.InsertAfterSelf(row);
            }
        }
        var reference = column + rowIndex.ToString(CultureInfo.InvariantCulture);
        var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference?.Value == reference);
        if (cell is null)
        {
            cell = new Cell { CellReference = reference };
            var before = row.Elements<Cell>().FirstOrDefault(c => ColumnNumber(c.CellReference!.Value!) > ColumnNumber(reference));
            if (before is null)
            {
                row.AppendChild(cell);
            }
            else
            {
                before.InsertBeforeSelf(cell);
            }
        }
        return cell;
    }

    private static int ColumnNumber(string reference) =>
        reference.TakeWhile(char.IsAsciiLetter).Aggregate(0, (n, c) => (n * 26) + (char.ToUpperInvariant(c) - 'A' + 1));

    [GeneratedRegex(@"^(?:'(?<sheet>(?:[^']|'')+)'|(?<sheet>[^!']+))!\$?(?<col>[A-Z]+)\$?(?<row>\d+)$")]
    private static partial Regex Reference();
}
