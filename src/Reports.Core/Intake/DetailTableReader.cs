using System.Globalization;
using Reports.Definitions;
using Reports.Diagnostics;
using Reports.Intake.Xlsx;

namespace Reports.Intake;

/// <summary>
/// Reads a detail table (台账): finds its header row by the defined name <c>CODE_header</c>, maps each column by
/// its header text (so inserted or moved columns still read), then streams every row below the header to the end
/// of the sheet, wherever the Excel table ends; blank rows are skipped. Each cell is parsed by its column's kind,
/// every problem a diagnostic at its cell.
/// </summary>
public static class DetailTableReader
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd"];

    public static (string Sheet, IReadOnlyList<DetailRow> Rows)? Read(XlsxWorkbook workbook, DetailTableDefinition table, string file, List<Diagnostic> diagnostics)
    {
        if (workbook.DefinedNames.GetValueOrDefault(table.HeaderName) is not { } name
            || !XlsxReference.TryParseRange(name.Reference, out var sheet, out var headerRow, out var firstColumn, out var lastHeaderRow, out var lastColumn)
            || lastHeaderRow != headerRow
            || !workbook.SheetNames.Contains(sheet, StringComparer.OrdinalIgnoreCase))
        {
            diagnostics.Add(DiagnosticCatalog.DetailTableMissing.At($"找不到{Quoted.Name(table.Title)}的表头（名称 {table.HeaderName}），无法读取台账", file, field: table.HeaderName));
            return null;
        }

        var headerCells = Enumerable.Range(firstColumn, lastColumn - firstColumn + 1).Select(c => (sheet, XlsxCellRef.Format(headerRow, c))).ToList();
        var header = workbook.ReadCells(headerCells, out var problem);
        if (problem is not null)
        {
            diagnostics.Add(DiagnosticCatalog.DetailTableMissing.At($"{Quoted.Name(table.Title)}的表头无法读取（{problem.Detail}）", file, sheet, field: table.HeaderName));
            return null;
        }
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var column in table.Columns)
        {
            var found = headerCells.FindIndex(h => Normalize(header[h].Raw) == Normalize(column.Header) || Normalize(header[h].Raw) == Normalize(column.Label));
            if (found < 0)
            {
                diagnostics.Add(DiagnosticCatalog.DetailTableMissing.At($"{Quoted.Name(table.Title)}的表头中找不到{Quoted.Name(column.Header)}列", file, sheet, XlsxCellRef.Format(headerRow, firstColumn), column.Code));
                continue;
            }
            positions[column.Code] = found;
        }
        if (positions.Count < table.Columns.Count)
        {
            return null;
        }

        var columnNumbers = positions.ToDictionary(p => p.Key, p => firstColumn + p.Value, StringComparer.Ordinal);
        var rows = new List<DetailRow>();
        workbook.ReadRows(sheet, headerRow + 1, firstColumn, lastColumn, (row, cells) =>
        {
            if (table.Columns.All(c => cells[positions[c.Code]].Kind == XlsxCellKind.Empty || cells[positions[c.Code]].Kind == XlsxCellKind.Text && string.IsNullOrWhiteSpace(cells[positions[c.Code]].Raw)))
            {
                return;
            }
            var numbers = new Dictionary<string, decimal>(StringComparer.Ordinal);
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            var unreadable = new HashSet<string>(StringComparer.Ordinal);
            foreach (var column in table.Columns)
            {
                var cell = XlsxCellRef.Format(row, firstColumn + positions[column.Code]);
                if (!ReadCell(table, column, cells[positions[column.Code]], sheet, cell, file, numbers, texts, diagnostics))
                {
                    unreadable.Add(column.Code);
                }
            }
            rows.Add(new DetailRow(row, numbers, texts, columnNumbers) { Unreadable = unreadable });
        }, out problem);
        if (problem is not null)
        {
            diagnostics.Add(DiagnosticCatalog.DetailTableMissing.At($"{Quoted.Name(table.Title)}无法读取（{problem.Detail}）", file, sheet, field: table.HeaderName));
            return null;
        }
        return (sheet, rows);
    }

    /// <summary>Reads one cell into <paramref name="numbers"/> or <paramref name="texts"/>; false when it held something unreadable.</summary>
    private static bool ReadCell(DetailTableDefinition table, DetailColumnDefinition column, XlsxCellValue raw, string sheet, string cell, string file,
        Dictionary<string, decimal> numbers, Dictionary<string, string> texts, List<Diagnostic> diagnostics)
    {
        var code = $"{table.Code}.{column.Code}";
        Diagnostic At(DiagnosticCode diagnostic, string message) => diagnostic.At(message, file, sheet, cell, code);
        var asField = new FieldDefinition(code, $"{table.Title}{Quoted.Name(column.Label)}", column.Unit,
            column.Kind switch { DetailColumnKind.Amount => FieldKind.Amount, DetailColumnKind.Count => FieldKind.Count, _ => FieldKind.Text },
            column.Required, null, false, null);
        var before = diagnostics.Count;
        var parsed = ValueParser.Parse(new FieldCell(asField, sheet, cell, raw), file, diagnostics);
        if (diagnostics.Count > before && diagnostics.Skip(before).Any(d => d.IsError))
        {
            return false;
        }
        if (parsed.IsBlank)
        {
            if (column.Required)
            {
                diagnostics.Add(At(DiagnosticCatalog.RequiredBlank, $"{table.Title}第{Row(cell)}行{Quoted.Name(column.Label)}是必填项，未填写"));
            }
            return true;
        }
        if (parsed.Number is { } number)
        {
            numbers[column.Code] = number;
            return true;
        }
        var text = parsed.Text!;
        switch (column.Kind)
        {
            case DetailColumnKind.Choice or DetailColumnKind.YesNo:
                if (!column.Allowed.Contains(text))
                {
                    diagnostics.Add(At(DiagnosticCatalog.DetailNotInList, $"{table.Title}第{Row(cell)}行{Quoted.Name(column.Label)}填的是{Quoted.Name(text)}，应为{string.Join("、", column.Allowed)}之一"));
                    return false;
                }
                break;
            case DetailColumnKind.Date:
                if (ReadDate(raw, text) is not { } date)
                {
                    diagnostics.Add(At(DiagnosticCatalog.DetailBadDate, $"{table.Title}第{Row(cell)}行{Quoted.Name(column.Label)}的{Quoted.Name(text)}无法识别为日期"));
                    return false;
                }
                text = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                break;
        }
        texts[column.Code] = text;
        return true;
    }

    /// <summary>An Excel date serial, or a date typed as text in a common form.</summary>
    private static DateOnly? ReadDate(XlsxCellValue raw, string text)
    {
        if (raw.Kind == XlsxCellKind.Number && double.TryParse(raw.Raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 1 and < 2958466)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }
        return DateOnly.TryParseExact(TypedNumber.ToHalfWidth(text).Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    private static string Row(string cell) => new([.. cell.SkipWhile(char.IsAsciiLetter)]);

    private static string Normalize(string? header) =>
        new([.. (header ?? "").Where(c => !char.IsWhiteSpace(c)).Select(c => c switch { '（' => '(', '）' => ')', _ => c })]);
}
