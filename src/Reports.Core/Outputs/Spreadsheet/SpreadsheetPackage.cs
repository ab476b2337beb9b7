namespace Reports.Outputs.Spreadsheet;

/// <summary>
/// A small .xlsx gathered in memory as <see cref="Sheet"/>s (a receipt's few hundred cells, set in any order) and
/// written through the project's one writer, <see cref="StreamedWorkbook"/>: the same sheet part, print setup and
/// limits as the consolidated workbook. Made for receipts — thousands of small workbooks a run, each in well under a
/// millisecond. <paramref name="cutMark"/> ends a text cut to Excel's 32,767 characters; <paramref name="common"/> holds
/// the parts the packages of a run share, deflated once (<see cref="DeflatedParts"/>).
/// </summary>
public sealed class SpreadsheetPackage(string title, DateTimeOffset created, string font = "Calibri", string cutMark = XmlChars.CutMark, DeflatedParts? common = null)
{
    public List<Sheet> Sheets { get; } = [];

    public Sheet Add(string name)
    {
        var sheet = new Sheet(name);
        Sheets.Add(sheet);
        return sheet;
    }

    public byte[] ToArray()
    {
        using var buffer = new MemoryStream(16 * 1024);
        Write(buffer);
        return buffer.ToArray();
    }

    public void Write(Stream stream)
    {
        using var book = new StreamedWorkbook(stream, title, created, font, cutMark, bufferSize: 4096, common);
        foreach (var sheet in Sheets)
        {
            var streamed = book.Add(sheet.Name, sheet.Widths, sheet.FrozenRows, frozenColumns: 0, fitToPage: sheet.Print.Scale is null);
            var heights = sheet.Heights;
            foreach (var (row, cells) in sheet.Rows)
            {
                streamed.Row(row, heights.TryGetValue(row, out var height) ? height : null);
                foreach (var (column, cell) in cells)
                {
                    var style = book.Style(cell.Style);
                    if (cell.Text is { } text)
                    {
                        streamed.Text(column, text, style);
                    }
                    else if (cell.Number is { } number)
                    {
                        streamed.Number(column, number, style);
                    }
                    else
                    {
                        streamed.Blank(column, style);
                    }
                }
            }
            streamed.Merges.AddRange(sheet.Merges);
            streamed.Comments.AddRange(sheet.Comments);
            streamed.Print = sheet.Print;
        }
        book.Finish();
    }
}
