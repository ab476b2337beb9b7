using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Reports.Definitions;

namespace Reports.Templates;

/// <summary>
/// Fills a generated return by defined name, as any program that honours the template contract would (the Open XML
/// SDK): numbers as numbers (a double's shortest round-trip form), text as inline text, blank as no value, each cell
/// keeping its format. Used to make the bundled sample, the city's upward return and benchmark inboxes.
/// </summary>
public static class ReturnFiller
{
    public static byte[] Fill(byte[] template, ReturnDefinition definition, IReadOnlyDictionary<string, string> values)
    {
        using var buffer = new MemoryStream();
        buffer.Write(template);
        // Only the sheets written in are saved (UnprefixedXml); every other part stays byte for byte as it was.
        using (var document = SpreadsheetDocument.Open(buffer, isEditable: true, new OpenSettings { AutoSave = false }))
        {
            var workbookPart = document.WorkbookPart ?? throw new ArgumentException("模板中没有工作簿", nameof(template));
            var names = workbookPart.Workbook.DefinedNames?.Elements<DefinedName>().Where(n => n.LocalSheetId is null)
                .ToDictionary(n => n.Name?.Value ?? "", n => n.Text, StringComparer.Ordinal) ?? [];
            var changed = new HashSet<WorksheetPart>();
            var strings = workbookPart.SharedStringTablePart;
            foreach (var (code, text) in values)
            {
                var field = definition.FindField(code) ?? throw new ArgumentException($"报表 {definition.Code} 没有字段 {code}", nameof(values));
                if (!names.TryGetValue(code, out var reference))
                {
                    throw new ArgumentException($"模板中没有名称 {code}", nameof(template));
                }
                var (part, cell) = Locate(workbookPart, reference) ?? throw new ArgumentException($"模板中名称 {code} 不指向一个单元格：{reference}", nameof(template));
                cell.RemoveAllChildren<InlineString>();
                cell.CellFormula = null;
                cell.CellValue = null;
                cell.DataType = null;
                if (text.Length == 0)
                {
                    // Blank: the cell keeps its format and loses its value.
                }
                else if (field.IsNumeric)
                {
                    cell.CellValue = new CellValue(TemplateSheet.Number(decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture)));
                }
                else if (strings?.SharedStringTable is { } table)
                {
                    // As spreadsheet programs save text: once in the shared strings, the cell holding its number.
                    table.AppendChild(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
                    table.UniqueCount = (uint)table.ChildElements.Count;
                    table.Count = (table.Count?.Value ?? 0) + 1;
                    cell.DataType = CellValues.SharedString;
                    cell.CellValue = new CellValue((table.ChildElements.Count - 1).ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    cell.DataType = CellValues.InlineString;
                    cell.AppendChild(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
                }
                changed.Add(part);
            }
            foreach (var part in changed)
            {
                UnprefixedXml.Save(part, part.Worksheet);
            }
            if (strings?.SharedStringTable is { } written && changed.Count > 0)
            {
                UnprefixedXml.Save(strings, written);
            }
        }
        // Every entry dated as the template's: the same template and values give the same bytes.
        return ReproducibleZip.Normalize(buffer.ToArray(), EntryTime(template));
    }

    /// <summary>The cell a defined name like '填报'!$D$7 points at, created in its row if the sheet has none there.</summary>
    private static (WorksheetPart Part, Cell Cell)? Locate(WorkbookPart workbookPart, string reference)
    {
        var bang = reference.LastIndexOf('!');
        if (bang <= 0)
        {
            return null;
        }
        var sheetName = reference[..bang].Trim('\'').Replace("''", "'", StringComparison.Ordinal);
        var address = reference[(bang + 1)..].Replace("$", "", StringComparison.Ordinal);
        var split = address.IndexOfAny("0123456789".ToCharArray());
        if (split <= 0 || address.Contains(':', StringComparison.Ordinal) || !uint.TryParse(address[split..], NumberStyles.None, CultureInfo.InvariantCulture, out var rowNumber))
        {
            return null;
        }
        var sheet = workbookPart.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault(s => s.Name?.Value == sheetName);
        if (sheet?.Id?.Value is not { } id || workbookPart.GetPartById(id) is not WorksheetPart part)
        {
            return null;
        }
        var worksheet = part.Worksheet;
        var data = worksheet.GetFirstChild<SheetData>() ?? worksheet.AppendChild(new SheetData());
        var row = data.Elements<Row>().FirstOrDefault(r => r.RowIndex?.Value == rowNumber);
        if (row is null)
        {
            row = new Row { RowIndex = rowNumber };
            var after = data.Elements<Row>().LastOrDefault(r => r.RowIndex?.Value < rowNumber);
            if (after is null)
            {
                data.PrependChild(row);
            }
            else
            {
                after.InsertAfterSelf(row);
            }
        }
        var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference?.Value == address);
        if (cell is null)
        {
            cell = new Cell { CellReference = address };
            var column = ColumnNumber(address[..split]);
            var before = row.Elements<Cell>().FirstOrDefault(c => c.CellReference?.Value is { } r && ColumnNumber(new string(r.TakeWhile(char.IsLetter).ToArray())) > column);
            if (before is null)
            {
                row.AppendChild(cell);
            }
            else
            {
                before.InsertBeforeSelf(cell);
            }
        }
        return (part, cell);
    }

    private static int ColumnNumber(string letters) => letters.Aggregate(0, (n, c) => (n * 26) + (char.ToUpperInvariant(c) - 'A' + 1));

    private static DateTimeOffset EntryTime(byte[] template)
    {
        using var zip = new ZipArchive(new MemoryStream(template), ZipArchiveMode.Read);
        var time = zip.Entries.Count > 0 ? zip.Entries[0].LastWriteTime : new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return new DateTimeOffset(time.DateTime, TimeSpan.Zero);
    }

    /// <summary>
    /// Reads a value sheet: a header row "unit_code,unit_name,FIELD…", then a row per unit.
    /// Returns the values per unit code.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ReadValueSheet(string csv, ReturnDefinition definition) =>
        ReadValueSheet(CsvTable.Parse(csv), definition);

    /// <summary>Reads a value sheet file, CSV or .xlsx (see <see cref="ValueSheetFile"/>).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ReadValueSheetFile(string path, ReturnDefinition definition) =>
        ValueSheetFile.Naming(path, () => ReadValueSheet(ValueSheetFile.ReadRows(path), definition));

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ReadValueSheet(IReadOnlyList<IReadOnlyList<string>> rows, ReturnDefinition definition)
    {
        if (rows.Count == 0 || rows[0].Count < 1 || rows[0][0] != "unit_code")
        {
            throw new FormatException("数值表第一行应为表头，第一列为 unit_code");
        }
        var header = rows[0];
        foreach (var column in header.Skip(1).Where(c => c != "unit_name"))
        {
            if (definition.FindField(column) is null)
            {
                throw new FormatException($"数值表的列 {column} 不是报表 {definition.Code} 的字段");
            }
        }
        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var row in rows.Skip(1))
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 1; i < header.Count && i < row.Count; i++)
            {
                if (header[i] != "unit_name")
                {
                    values[header[i]] = row[i].Trim();
                }
            }
            result[row[0].Trim()] = values;
        }
        return result;
    }

    /// <summary>
    /// Reads a detail sheet (rows of the return's 台账): a header row "unit_code,table,COLUMN…", then one row per
    /// detail row. Returns, per unit code, the rows per table code in file order, as <see cref="TemplateRequest.DetailRows"/> takes them.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>>> ReadDetailSheetFile(
        string path, ReturnDefinition definition) =>
        ValueSheetFile.Naming(path, () => ReadDetailSheet(ValueSheetFile.ReadRows(path), definition));

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>>> ReadDetailSheet(
        IReadOnlyList<IReadOnlyList<string>> rows, ReturnDefinition definition)
    {
        if (rows.Count == 0 || rows[0].Count < 2 || rows[0][0] != "unit_code" || rows[0][1] != "table")
        {
            throw new FormatException("台账数值表第一行应为表头，前两列为 unit_code、table");
        }
        var header = rows[0];
        var result = new Dictionary<string, Dictionary<string, List<IReadOnlyDictionary<string, string>>>>(StringComparer.Ordinal);
        foreach (var row in rows.Skip(1).Where(r => r.Count >= 2))
        {
            var table = definition.Details.FirstOrDefault(t => t.Code == row[1].Trim())
                ?? throw new FormatException($"台账数值表中的 table “{row[1]}” 不是报表 {definition.Code} 的台账");
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 2; i < header.Count && i < row.Count; i++)
            {
                if (table.FindColumn(header[i]) is null)
                {
                    throw new FormatException($"台账数值表的列 {header[i]} 不是台账 {table.Code} 的列");
                }
                values[header[i]] = row[i].Trim();
            }
            var unit = result.TryGetValue(row[0].Trim(), out var found) ? found : result[row[0].Trim()] = new(StringComparer.Ordinal);
            (unit.TryGetValue(table.Code, out var list) ? list : unit[table.Code] = []).Add(values);
        }
        return result.ToDictionary(
            u => u.Key,
            u => (IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>>)u.Value.ToDictionary(t => t.Key, t => (IReadOnlyList<IReadOnlyDictionary<string, string>>)t.Value, StringComparer.Ordinal),
            StringComparer.Ordinal);
    }
}
