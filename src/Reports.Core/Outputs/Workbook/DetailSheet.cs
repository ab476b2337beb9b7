using System.Globalization;
using Reports.Definitions;
using Reports.Merge;
using Reports.Outputs.Spreadsheet;

namespace Reports.Outputs.Workbook;

/// <summary>
/// A detail table (项目台账) of every accepted unit merged into one sheet: a unit code and name column before the
/// table's own columns, units in roster order and each unit's rows as it sent them, an autofilter on the header
/// so staff can filter by county, type or 是/否, and a total row of SUBTOTAL formulas that follows the filter.
/// </summary>
internal static class DetailSheet
{
    private const int HeaderRow = 3;

    public static string SheetName(DetailTableDefinition table) => table.SheetName;

    public static void Write(StreamedWorkbook book, string name, MergeResult merge, DetailTableDefinition table, string title, int limit)
    {
        var columns = table.Columns;
        var first = 4; // 序号, 单位代码, 单位名称, then the table's columns
        var lastColumn = first + columns.Count - 1;
        var units = merge.Accepted.ToList();
        var rowCount = units.Sum(u => u.Details.GetValueOrDefault(table.Code)?.Count ?? 0);
        string[] leading = ["序号", "单位代码", "单位名称"];
        var formats = columns.Select(c => c.Kind switch
        {
            DetailColumnKind.Amount => "#,##0.00",
            DetailColumnKind.Count => "#,##0",
            DetailColumnKind.Date => "yyyy-mm-dd",
            _ => null,
        }).ToList();

        // Widths first: they precede the rows in the sheet's XML.
        var measure = new ColumnWidths(maximum: 40);
        for (var i = 0; i < leading.Length; i++)
        {
            measure.Observe(i + 1, leading[i]);
        }
        for (var c = 0; c < columns.Count; c++)
        {
            measure.ObserveHeader(first + c, columns[c].Header, lines: 2);
        }
        foreach (var unit in units)
        {
            foreach (var detail in unit.Details.GetValueOrDefault(table.Code) ?? [])
            {
                for (var c = 0; c < columns.Count; c++)
                {
                    if (!detail.Numbers.ContainsKey(columns[c].Code) && columns[c].Kind != DetailColumnKind.Date)
                    {
                        measure.Observe(first + c, CellText.Clean(detail.Text(columns[c].Code)));
                    }
                }
                measure.Observe(3, unit.Unit.Name);
            }
        }
        for (var c = 0; c < columns.Count; c++)
        {
            if (formats[c] is { } format)
            {
                measure.Observe(first + c, format == "yyyy-mm-dd" ? "2022-06-30" : "1,000,000.00");
            }
        }
        var widths = measure.Result();
        widths[1] = 6;

        var cell = book.Style(WorkbookStyle.Cell);
        var index = book.Style(WorkbookStyle.IndexCell);
        var looks = columns.Select((c, i) => WorkbookStyle.Cell with
        {
            NumberFormat = formats[i],
            Center = c.Kind is DetailColumnKind.Choice or DetailColumnKind.YesNo or DetailColumnKind.Date,
        }).ToList();
        var body = looks.Select(book.Style).ToList();
        var total = book.Style(WorkbookStyle.TotalCell);
        var totals = formats.Select(f => book.Style(WorkbookStyle.TotalCell with { NumberFormat = f })).ToList();
        // The sums of the rows on the sheet being written, stored with its total row's formulas.
        var sums = new decimal[columns.Count];

        // Past the limit the rows go on on a numbered continuation sheet, each with the headers, its autofilter and
        // its total row (本表合计: the rows on that sheet); a unit's rows stay together.
        var pages = new ContinuedSheet(book, name, widths, frozenRows: HeaderRow, frozenColumns: 3, HeaderRow + 1, limit - 1,
            head: sheet =>
            {
                WorkbookStyle.Title(book, sheet, $"{merge.Roster.Name}{table.Title}",
                    $"已汇总 {units.Count} 个单位的{table.Title}，共 {rowCount} 行；表头可筛选（如按单位、类别、是否开工），合计行只计筛选后显示的行。"
                    + (sheet.Name == name ? "" : $"（续“{name}”：行数超过一个工作表的上限，本表合计只计本工作表的行。）"), lastColumn);
                WorkbookStyle.Headers(book, sheet, HeaderRow, [.. leading, .. columns.Select(c => c.Header)], widths, 32);
            },
            end: (sheet, lastRow, split) =>
            {
                lastRow = Math.Max(lastRow, HeaderRow);
                sheet.AutoFilter = (HeaderRow, 1, lastRow, lastColumn);
                // The total row: SUBTOTAL(109, …) sums only the rows the filter shows.
                sheet.Row(lastRow + 1);
                sheet.Blank(1, total);
                sheet.Blank(2, total);
                sheet.Text(3, split ? "本表合计" : "合计", total);
                for (var c = 0; c < columns.Count; c++)
                {
                    if (!columns[c].IsNumeric)
                    {
                        sheet.Blank(first + c, totals[c]);
                        continue;
                    }
                    var letters = Ooxml.Column(first + c);
                    var formula = lastRow > HeaderRow ? $"SUBTOTAL(109,{letters}{HeaderRow + 1}:{letters}{lastRow})" : "0";
                    sheet.Formula(first + c, formula, sums[c], WorkbookStyle.Undefined, totals[c]);
                }
                Array.Clear(sums);
                sheet.Print = WorkbookStyle.PageSetup(title, HeaderRow, HeaderRow);
            });

        var number = 0;
        foreach (var unit in units)
        {
            var details = unit.Details.GetValueOrDefault(table.Code) ?? [];
            pages.Keep(details.Count);
            foreach (var detail in details)
            {
                pages.Row();
                var sheet = pages.Sheet;
                sheet.Number(1, ++number, index);
                CellText.Write(sheet, 2, unit.Unit.Code, cell);
                CellText.Write(sheet, 3, unit.Unit.Name, cell);
                for (var c = 0; c < columns.Count; c++)
                {
                    var column = columns[c];
                    if (detail.Numbers.TryGetValue(column.Code, out var value))
                    {
                        sheet.Number(first + c, value, body[c]);
                        sums[c] += value;
                    }
                    else if (detail.Text(column.Code) is { } text && column.Kind == DetailColumnKind.Date)
                    {
                        sheet.Number(first + c, DateTime.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToOADate(), body[c]);
                    }
                    else
                    {
                        CellText.Write(sheet, first + c, detail.Text(column.Code), body[c]);
                    }
                }
            }
        }
        pages.End();
    }
}
