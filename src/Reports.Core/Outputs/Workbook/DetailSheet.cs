using System.Globalization;
using OfficeOpenXml;
using OfficeOpenXml.Style;
using Reports.Definitions;
using Reports.Merge;

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

    public static void Write(ExcelWorksheet sheet, MergeResult merge, DetailTableDefinition table, string title, FormulaCheck check)
    {
        var columns = table.Columns;
        var first = 4; // 序号, 单位代码, 单位名称, then the table's columns
        var lastColumn = first + columns.Count - 1;
        var units = merge.Accepted.ToList();
        var rowCount = units.Sum(u => u.Details.GetValueOrDefault(table.Code)?.Count ?? 0);
        WorkbookStyle.Title(sheet, $"{merge.Roster.Name}{table.Title}",
            $"已汇总 {units.Count} 个单位的{table.Title}，共 {rowCount} 行；表头可筛选（如按单位、类别、是否开工），合计行只计筛选后显示的行。", lastColumn);

        var widths = new ColumnWidths(maximum: 40);
        string[] leading = ["序号", "单位代码", "单位名称"];
        for (var i = 0; i < leading.Length; i++)
        {
            sheet.Cells[HeaderRow, i + 1].Value = leading[i];
            widths.Observe(i + 1, leading[i]);
        }
        for (var c = 0; c < columns.Count; c++)
        {
            sheet.Cells[HeaderRow, first + c].Value = columns[c].Header;
            widths.Observe(first + c, columns[c].Header, lines: 2);
        }
        WorkbookStyle.HeaderCells(sheet.Cells[HeaderRow, 1, HeaderRow, lastColumn]);
        sheet.Row(HeaderRow).Height = 32;

        var row = HeaderRow + 1;
        foreach (var unit in units)
        {
            foreach (var detail in unit.Details.GetValueOrDefault(table.Code) ?? [])
            {
                sheet.Cells[row, 1].Value = row - HeaderRow;
                CellText.Write(sheet.Cells[row, 2], unit.Unit.Code);
                CellText.Write(sheet.Cells[row, 3], unit.Unit.Name);
                for (var c = 0; c < columns.Count; c++)
                {
                    var column = columns[c];
                    var cell = sheet.Cells[row, first + c];
                    if (detail.Numbers.TryGetValue(column.Code, out var number))
                    {
                        cell.Value = number;
                    }
                    else if (detail.Text(column.Code) is { } text)
                    {
                        if (column.Kind == DetailColumnKind.Date)
                        {
                            cell.Value = DateTime.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                        }
                        else
                        {
                            CellText.Write(cell, text);
                            widths.Observe(first + c, text);
                        }
                    }
                }
                widths.Observe(3, unit.Unit.Name);
                row++;
            }
        }
        var lastRow = Math.Max(row - 1, HeaderRow);
        for (var c = 0; c < columns.Count; c++)
        {
            var format = columns[c].Kind switch
            {
                DetailColumnKind.Amount => "#,##0.00",
                DetailColumnKind.Count => "#,##0",
                DetailColumnKind.Date => "yyyy-mm-dd",
                _ => null,
            };
            if (format is not null)
            {
                sheet.Cells[HeaderRow + 1, first + c, row, first + c].Style.Numberformat.Format = format;
                widths.Observe(first + c, format == "yyyy-mm-dd" ? "2022-06-30" : "1,000,000.00");
            }
            if (lastRow > HeaderRow && columns[c].Kind is DetailColumnKind.Choice or DetailColumnKind.YesNo or DetailColumnKind.Date)
            {
                sheet.Cells[HeaderRow + 1, first + c, lastRow, first + c].Style.HorizontalAlignment = ExcelHorizontalAlignment.Center;
            }
        }
        sheet.Cells[HeaderRow, 1, lastRow, lastColumn].AutoFilter = true;

        // The total row: SUBTOTAL(109, …) sums only the rows the filter shows.
        sheet.Cells[row, 3].Value = "合计";
        for (var c = 0; c < columns.Count; c++)
        {
            if (!columns[c].IsNumeric)
            {
                continue;
            }
            var column = columns[c];
            var cell = sheet.Cells[row, first + c];
            cell.Formula = lastRow > HeaderRow ? $"SUBTOTAL(109,{sheet.Cells[HeaderRow + 1, first + c, lastRow, first + c].Address})" : "0";
            var expected = units.Sum(u => (u.Details.GetValueOrDefault(table.Code) ?? []).Sum(d => d.Numbers.GetValueOrDefault(column.Code)));
            check.Expect(cell, expected);
        }
        WorkbookStyle.TotalCells(sheet.Cells[row, 1, row, lastColumn]);
        WorkbookStyle.Borders(sheet.Cells[HeaderRow, 1, row, lastColumn]);
        widths.Apply(sheet);
        sheet.Column(1).Width = 6;
        WorkbookStyle.PageSetup(sheet, title, HeaderRow, HeaderRow, frozenColumns: 3);
    }
}
