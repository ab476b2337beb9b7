using OfficeOpenXml;
using OfficeOpenXml.Style;
using Reports.Analysis;
using Reports.Definitions;
using Reports.Merge;

namespace Reports.Outputs.Workbook;

/// <summary>
/// 汇总: a row per roster unit in roster order and the total row, every field and indicator of the return under
/// its task. Unit figures are values; each indicator and the whole total row are live formulas. Units below time
/// progress are shaded light red, units not in the merge grey.
/// </summary>
internal static class SummarySheet
{
    public const string Name = "汇总";
    private const int GroupRow = 3, HeaderRow = 4, FirstUnitRow = 5, FirstDataColumn = 5;

    /// <summary>序号, 单位代码, 单位名称, 报送状态: repeated on every printed page.</summary>
    public const int TitleColumns = FirstDataColumn - 1;

    private const double TextColumnWidth = 24;

    private sealed record Column(SectionDefinition Section, FieldDefinition? Field, IndicatorDefinition? Indicator);

    public static void Write(ExcelWorksheet sheet, MergeResult merge, MergeAnalysis analysis, string title, FormulaCheck check)
    {
        var definition = merge.Definition;
        var columns = definition.Sections
            .SelectMany(s => s.Fields.Select(f => new Column(s, f, null)).Concat(s.Indicators.Select(i => new Column(s, null, i))))
            .ToList();
        var lastColumn = FirstDataColumn + columns.Count - 1;
        var lastUnitRow = FirstUnitRow + merge.Units.Count - 1;
        var totalRow = lastUnitRow + 1;
        var fieldColumns = columns.Select((c, i) => (c, i)).Where(x => x.c.Field is not null)
            .ToDictionary(x => x.c.Field!.Code, x => FirstDataColumn + x.i, StringComparer.Ordinal);
        var formulas = new FigureFormulas(definition, fieldColumns, FirstUnitRow, lastUnitRow);
        var widths = new ColumnWidths(maximum: 40);

        var progress = $"时序进度：{Briefing.NumberStyle.Completion(merge.TimeProgress)}；已汇总 {merge.Accepted.Count()}/{merge.Units.Count} 个单位";
        const string Legend = "合计行为公式（求和、比率为合计数之比），浅红为进度滞后，灰色为未汇总单位";
        WorkbookStyle.Title(sheet, title,
            $"报告期：{merge.Period.Chinese}（截至{merge.Period.ChineseEnd}）；{progress}。{Legend}。",
            Math.Min(lastColumn, 14));

        string[] fixedHeaders = ["序号", "单位代码", "单位名称", "报送状态"];
        for (var i = 0; i < fixedHeaders.Length; i++)
        {
            sheet.Cells[GroupRow, i + 1].Value = fixedHeaders[i];
            sheet.Cells[GroupRow, i + 1, HeaderRow, i + 1].Merge = true;
            widths.Observe(i + 1, fixedHeaders[i]);
        }
        var column = FirstDataColumn;
        foreach (var group in columns.GroupBy(c => c.Section))
        {
            var count = group.Count();
            sheet.Cells[GroupRow, column].Value = group.Key.Heading;
            if (count > 1)
            {
                sheet.Cells[GroupRow, column, GroupRow, column + count - 1].Merge = true;
            }
            foreach (var entry in group)
            {
                var header = entry.Field?.LabelWithUnit ?? WorkbookStyle.Header(entry.Indicator!);
                sheet.Cells[HeaderRow, column].Value = header;
                widths.Observe(column, header, lines: 2.5);
                column++;
            }
        }
        WorkbookStyle.HeaderCells(sheet.Cells[GroupRow, 1, HeaderRow, lastColumn]);
        sheet.Row(HeaderRow).Height = 58;

        var row = FirstUnitRow;
        foreach (var unit in merge.Units)
        {
            sheet.Cells[row, 1].Value = row - FirstUnitRow + 1;
            CellText.Write(sheet.Cells[row, 2], unit.Unit.Code);
            CellText.Write(sheet.Cells[row, 3], unit.Unit.Name);
            sheet.Cells[row, 4].Value = WorkbookStyle.StatusText(unit.Status);
            widths.Observe(2, unit.Unit.Code);
            widths.Observe(3, unit.Unit.Name);
            if (unit.Status == UnitStatus.Accepted)
            {
                WriteUnitFigures(sheet, row, columns, unit, formulas, widths, check, merge.Units.Count);
            }
            else
            {
                WorkbookStyle.Fill(sheet.Cells[row, 1, row, lastColumn], WorkbookStyle.MissingFill, WorkbookStyle.MissingFont);
            }
            row++;
        }

        // Formats and alignment a column at a time (EPPlus styles a range in one pass; a cell at a time costs per cell).
        for (var i = 0; i < columns.Count && totalRow > FirstUnitRow; i++)
        {
            var (field, indicator) = (columns[i].Field, columns[i].Indicator);
            var range = sheet.Cells[FirstUnitRow, FirstDataColumn + i, totalRow - 1, FirstDataColumn + i];
            range.Style.Numberformat.Format = field is { Kind: FieldKind.Text } ? "@" : field is not null ? WorkbookStyle.FormatOf(field) : WorkbookStyle.FormatOf(indicator!);
            if (field is null)
            {
                range.Style.HorizontalAlignment = ExcelHorizontalAlignment.Right;
            }
        }

        sheet.Cells[totalRow, 3].Value = $"{merge.Roster.Name}合计";
        sheet.Cells[totalRow, 4].Value = $"{merge.Accepted.Count()}个单位";
        widths.Observe(3, $"{merge.Roster.Name}合计");
        widths.Observe(4, $"{merge.Accepted.Count()}个单位");
        for (var i = 0; i < columns.Count; i++)
        {
            var cell = sheet.Cells[totalRow, FirstDataColumn + i];
            var (field, indicator) = (columns[i].Field, columns[i].Indicator);
            if (field is { IsNumeric: true })
            {
                cell.Formula = formulas.FieldTotal(field.Code);
                cell.Style.Numberformat.Format = WorkbookStyle.FormatOf(field);
                var total = merge.Total.Values.GetValueOrDefault(field.Code);
                check.Expect(cell, total);
                widths.ObserveFigure(FirstDataColumn + i, field, total);
            }
            else if (indicator is not null)
            {
                cell.Formula = formulas.TotalIndicator(indicator, totalRow);
                cell.Style.Numberformat.Format = WorkbookStyle.FormatOf(indicator);
                cell.Style.HorizontalAlignment = ExcelHorizontalAlignment.Right;
                check.Expect(cell, merge.Total.Indicators.GetValueOrDefault(indicator.Code));
            }
        }
        WorkbookStyle.TotalCells(sheet.Cells[totalRow, 1, totalRow, lastColumn]);

        // Lagging units (below time progress), as the analysis finds them: the same cells the briefing calls 滞后.
        var rowOf = merge.Units.Select((u, i) => (u.Unit, i)).ToDictionary(u => u.Unit, u => FirstUnitRow + u.i);
        // The cells of one indicator column look alike, so the first one's lagging style is given to the others by id
        // (restyling thousands of cells one by one is what made this sheet slow).
        var laggingStyles = new Dictionary<int, int>();
        foreach (var item in analysis.Lagging)
        {
            var unitRow = rowOf[item.Unit];
            var indicatorColumn = FirstDataColumn + columns.FindIndex(c => c.Indicator == item.Indicator);
            var cell = sheet.Cells[unitRow, indicatorColumn];
            if (laggingStyles.TryGetValue(indicatorColumn, out var style))
            {
                cell.StyleID = style;
                continue;
            }
            WorkbookStyle.Fill(cell, WorkbookStyle.LaggingFill, WorkbookStyle.LaggingFont);
            laggingStyles[indicatorColumn] = cell.StyleID;
        }

        WorkbookStyle.Borders(sheet.Cells[GroupRow, 1, totalRow, lastColumn]);
        // 序号 and 单位代码 are both digits: centred in their own bordered columns they do not read as one number.
        sheet.Cells[FirstUnitRow, 1, totalRow, 2].Style.HorizontalAlignment = ExcelHorizontalAlignment.Center;
        widths.Apply(sheet);
        sheet.Column(1).Width = 6;
        // A remark is a sentence: wrapped in a column of moderate width rather than one as wide as the page, its row
        // as high as its lines (LibreOffice does not grow a row for wrapped text on its own).
        var textColumns = Enumerable.Range(0, columns.Count).Where(i => columns[i].Field is { Kind: FieldKind.Text }).Select(i => FirstDataColumn + i).ToList();
        foreach (var textColumn in textColumns)
        {
            sheet.Column(textColumn).Width = Math.Min(sheet.Column(textColumn).Width, TextColumnWidth);
            sheet.Cells[FirstUnitRow, textColumn, totalRow, textColumn].Style.WrapText = true;
        }
        for (var unitRow = FirstUnitRow; unitRow < totalRow && textColumns.Count > 0; unitRow++)
        {
            var height = ColumnWidths.RowHeight(textColumns.Select(c => ((string?)sheet.Cells[unitRow, c].Text, sheet.Column(c).Width)));
            if (height > 15)
            {
                // A tall row's figures centred beside the remark rather than sunk to its bottom.
                sheet.Row(unitRow).Height = height;
                sheet.Cells[unitRow, 1, unitRow, lastColumn].Style.VerticalAlignment = ExcelVerticalAlignment.Center;
            }
        }
        WorkbookStyle.PageSetup(sheet, title, GroupRow, HeaderRow, frozenColumns: 3);
        // Dozens of columns: printed across pages at a legible scale, each page with the unit columns and header rows.
        var groups = new List<(int First, int Last)>();
        var first = FirstDataColumn;
        foreach (var group in columns.GroupBy(c => c.Section))
        {
            groups.Add((first, first + group.Count() - 1));
            first += group.Count();
        }
        WorkbookStyle.PrintAcrossPages(sheet, TitleColumns, groups);
        // The unit columns repeat on every page, rows 1–2 with them, so the title rows would print cut into pieces:
        // printed pages start at the header rows, the title is in the page header and the subtitle in the footer.
        sheet.PrinterSettings.PrintArea = sheet.Cells[GroupRow, 1, totalRow, lastColumn];
        sheet.HeaderFooter.OddFooter.LeftAlignedText = progress;
        sheet.HeaderFooter.OddFooter.RightAlignedText = Legend;
    }

    private static void WriteUnitFigures(ExcelWorksheet sheet, int row, List<Column> columns, UnitResult unit, FigureFormulas formulas, ColumnWidths widths, FormulaCheck check, int units)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            var column = FirstDataColumn + i;
            var cell = sheet.Cells[row, column];
            var (field, indicator) = (columns[i].Field, columns[i].Indicator);
            if (field is { Kind: FieldKind.Text })
            {
                var text = unit.Texts.GetValueOrDefault(field.Code);
                CellText.Write(cell, text);
                widths.Observe(column, text);
            }
            else if (field is not null)
            {
                if (unit.Values.TryGetValue(field.Code, out var value))
                {
                    cell.Value = value;
                    widths.ObserveFigure(column, field, value);
                }
            }
            else
            {
                cell.Formula = formulas.UnitIndicator(indicator!, row);
                check.Expect(cell, unit.Indicators.GetValueOrDefault(indicator!.Code), row - FirstUnitRow, units);
            }
        }
    }
}
