using System.Globalization;
using OfficeOpenXml;
using Reports.Definitions;

namespace Reports.Templates;

/// <summary>
/// Fills a generated return by defined name, as any program that honours the template contract would.
/// Used to make the bundled sample and, later, benchmark inboxes.
/// </summary>
public static class ReturnFiller
{
    public static byte[] Fill(byte[] template, ReturnDefinition definition, IReadOnlyDictionary<string, string> values)
    {
        using var input = new MemoryStream(template);
        using var package = new ExcelPackage(input);
        var names = package.Workbook.Names;
        foreach (var (code, text) in values)
        {
            var field = definition.FindField(code) ?? throw new ArgumentException($"报表 {definition.Code} 没有字段 {code}", nameof(values));
            if (!names.ContainsKey(code))
            {
                throw new ArgumentException($"模板中没有名称 {code}", nameof(template));
            }
            var cell = names[code];
            if (text.Length == 0)
            {
                cell.Value = null;
            }
            else if (field.IsNumeric)
            {
                cell.Value = decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
            }
            else
            {
                cell.Value = text;
            }
        }
        return package.GetAsByteArray();
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
