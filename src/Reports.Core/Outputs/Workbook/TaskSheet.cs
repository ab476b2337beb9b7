using OfficeOpenXml;
using OfficeOpenXml.Style;
using Reports.Analysis;
using Reports.Definitions;
using Reports.Merge;

namespace Reports.Outputs.Workbook;

/// <summary>
/// One sheet per task of the return (务工就业, 项目开工建设 …): its fields and indicators per unit and in total,
/// each rate's rank, and for a rate tracked against time progress the progress it is compared with and the
/// lagging flag — ranks and flags as <see cref="ProgressAnalysis"/> gives them. Conditional formatting shades
/// lagging rates light red, the leader green and units not in the merge grey; a chart per tracked rate shows
/// completion by unit against the time-progress line.
/// </summary>
internal static class TaskSheet
{
    private const int HeaderRow = 3, FirstUnitRow = 4, FirstDataColumn = 4;

    /// <summary>The columns of one indicator: its value, then (for a rate) the rank, then (when tracked) progress and flag.</summary>
    private sealed record IndicatorColumns(IndicatorDefinition Indicator, int Value, int? Rank, int? Progress, int? Flag);

    public static string SheetName(SectionDefinition section)
    {
        var name = new string(section.Title.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\')).ToArray());
        return name.Length > 31 ? name[..31] : name;
    }

    public static void Write(ExcelWorksheet sheet, MergeResult merge, MergeAnalysis analysis, SectionDefinition section, string title, FormulaCheck check)
    {
        var fields = section.Fields.Where(f => f.IsNumeric).ToList();
        var widths = new ColumnWidths(maximum: 30);
        var column = FirstDataColumn;
        var fieldColumns = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            fieldColumns[field.Code] = column++;
        }
        var indicatorColumns = new List<IndicatorColumns>();
        foreach (var indicator in section.Indicators)
        {
            var value = column++;
            int? rank = IsRanked(indicator) ? column++ : null;
            int? progress = merge.ProgressFor(indicator) is null ? null : column++;
            int? flag = progress is null ? null : column++;
            indicatorColumns.Add(new IndicatorColumns(indicator, value, rank, progress, flag));
        }
        var lastColumn = column - 1;
        var lastUnitRow = FirstUnitRow + merge.Units.Count - 1;
        var totalRow = lastUnitRow + 1;
        var formulas = new FigureFormulas(merge.Definition, fieldColumns, FirstUnitRow, lastUnitRow);
        var sheetTitle = $"{merge.Roster.Name}{section.Title}情况（截至{merge.Period.ChineseEnd}）";

        WorkbookStyle.Title(sheet, sheetTitle, Subtitle(merge, section), lastColumn);

        // Header row.
        var headers = new Dictionary<int, string> { [1] = "序号", [2] = "单位名称", [3] = "报送状态" };
        foreach (var field in fields)
        {
            headers[fieldColumns[field.Code]] = field.LabelWithUnit;
        }
        foreach (var entry in indicatorColumns)
        {
            headers[entry.Value] = WorkbookStyle.Header(entry.Indicator);
            if (entry.Rank is { } rank)
            {
                headers[rank] = $"{entry.Indicator.Label}排名";
            }
            if (entry.Progress is { } progress)
            {
                headers[progress] = $"{(entry.Indicator.Progress ?? ProgressBasis.Campaign).Label()}(%)";
                headers[entry.Flag!.Value] = "进度";
            }
        }
        foreach (var (index, text) in headers)
        {
            sheet.Cells[HeaderRow, index].Value = text;
            widths.Observe(index, text, lines: 2);
        }
        WorkbookStyle.HeaderCells(sheet.Cells[HeaderRow, 1, HeaderRow, lastColumn]);
        sheet.Row(HeaderRow).Height = 58;

        // Unit rows.
        var ranks = indicatorColumns.Where(e => e.Rank is not null)
            .ToDictionary(e => e.Indicator.Code, e => analysis.Ranks[e.Indicator.Code].ToDictionary(r => r.Unit.Code, r => r.Rank), StringComparer.Ordinal);
        var lagging = indicatorColumns.Where(e => e.Flag is not null)
            .ToDictionary(e => e.Indicator.Code, e => analysis.LaggingUnits(e.Indicator.Code), StringComparer.Ordinal);
        var row = FirstUnitRow;
        foreach (var unit in merge.Units)
        {
            sheet.Cells[row, 1].Value = row - FirstUnitRow + 1;
            CellText.Write(sheet.Cells[row, 2], unit.Unit.Name);
            sheet.Cells[row, 3].Value = WorkbookStyle.StatusText(unit.Status);
            widths.Observe(2, unit.Unit.Name);
            if (unit.Status == UnitStatus.Accepted)
            {
                foreach (var field in fields)
                {
                    var cell = sheet.Cells[row, fieldColumns[field.Code]];
                    if (unit.Values.TryGetValue(field.Code, out var value))
                    {
                        cell.Value = value;
                        widths.ObserveFigure(fieldColumns[field.Code], field, value);
                    }
                }
                foreach (var entry in indicatorColumns)
                {
                    var cell = sheet.Cells[row, entry.Value];
                    cell.Formula = formulas.UnitIndicator(entry.Indicator, row);
                    check.Expect(cell, unit.Indicators.GetValueOrDefault(entry.Indicator.Code), row - FirstUnitRow, merge.Units.Count);
                    if (entry.Rank is { } rankColumn && ranks[entry.Indicator.Code].GetValueOrDefault(unit.Unit.Code) is { } rank)
                    {
                        sheet.Cells[row, rankColumn].Value = rank;
                    }
                    if (entry.Flag is { } flagColumn)
                    {
                        sheet.Cells[row, flagColumn].Value = lagging[entry.Indicator.Code].Contains(unit.Unit.Code) ? WorkbookStyle.LaggingText : "";
                    }
                }
            }
            foreach (var entry in indicatorColumns.Where(e => e.Progress is not null))
            {
                sheet.Cells[row, entry.Progress!.Value].Value = merge.ProgressFor(entry.Indicator);
            }
            row++;
        }

        // Formats a column at a time (EPPlus styles a range in one pass; a cell at a time costs per cell).
        if (lastUnitRow >= FirstUnitRow)
        {
            foreach (var field in fields)
            {
                sheet.Cells[FirstUnitRow, fieldColumns[field.Code], lastUnitRow, fieldColumns[field.Code]].Style.Numberformat.Format = WorkbookStyle.FormatOf(field);
            }
            foreach (var entry in indicatorColumns)
            {
                sheet.Cells[FirstUnitRow, entry.Value, lastUnitRow, entry.Value].Style.Numberformat.Format = WorkbookStyle.FormatOf(entry.Indicator);
            }
        }

        // Total row: live formulas.
        sheet.Cells[totalRow, 2].Value = $"{merge.Roster.Name}合计";
        sheet.Cells[totalRow, 3].Value = $"{merge.Accepted.Count()}个单位";
        widths.Observe(2, $"{merge.Roster.Name}合计");
        widths.Observe(3, $"{merge.Accepted.Count()}个单位");
        foreach (var field in fields)
        {
            var cell = sheet.Cells[totalRow, fieldColumns[field.Code]];
            cell.Formula = formulas.FieldTotal(field.Code);
            cell.Style.Numberformat.Format = WorkbookStyle.FormatOf(field);
            var total = merge.Total.Values.GetValueOrDefault(field.Code);
            check.Expect(cell, total);
            widths.ObserveFigure(fieldColumns[field.Code], field, total);
        }
        foreach (var entry in indicatorColumns)
        {
            var cell = sheet.Cells[totalRow, entry.Value];
            cell.Formula = formulas.TotalIndicator(entry.Indicator, totalRow);
            cell.Style.Numberformat.Format = WorkbookStyle.FormatOf(entry.Indicator);
            check.Expect(cell, merge.Total.Indicators.GetValueOrDefault(entry.Indicator.Code));
            if (entry.Progress is { } progressColumn)
            {
                sheet.Cells[totalRow, progressColumn].Value = merge.ProgressFor(entry.Indicator);
                sheet.Cells[FirstUnitRow, progressColumn, totalRow, progressColumn].Style.Numberformat.Format = WorkbookStyle.CompletionFormat;
            }
            widths.Observe(entry.Value, "100.00%");
        }
        WorkbookStyle.TotalCells(sheet.Cells[totalRow, 1, totalRow, lastColumn]);
        var body = sheet.Cells[FirstUnitRow, FirstDataColumn, totalRow, lastColumn];
        body.Style.HorizontalAlignment = ExcelHorizontalAlignment.Right;
        foreach (var entry in indicatorColumns.Where(e => e.Flag is not null))
        {
            sheet.Cells[FirstUnitRow, entry.Flag!.Value, totalRow, entry.Flag.Value].Style.HorizontalAlignment = ExcelHorizontalAlignment.Center;
        }
        WorkbookStyle.Borders(sheet.Cells[HeaderRow, 1, totalRow, lastColumn]);
        AddConditionalFormatting(sheet, indicatorColumns, lastUnitRow, lastColumn);

        widths.Apply(sheet);
        sheet.Column(1).Width = 5;
        WorkbookStyle.PageSetup(sheet, title, HeaderRow, HeaderRow, frozenColumns: 2);

        // A chart per tracked rate, side by side under the table, so they print with it on one page.
        var tracked = indicatorColumns.Where(e => e.Progress is not null).ToList();
        for (var i = 0; i < tracked.Count; i++)
        {
            var entry = tracked[i];
            ProgressChart.Add(sheet, merge, new ProgressChart.Source(
                $"{entry.Indicator.Label}：各单位完成情况与{(entry.Indicator.Progress ?? ProgressBasis.Campaign).Label()}",
                HeaderRow, FirstUnitRow, lastUnitRow, CategoryColumn: 2, ValueColumn: entry.Value, ProgressColumn: entry.Progress!.Value,
                entry.Indicator), totalRow + 2, lastColumn, i, tracked.Count);
        }
    }

    /// <summary>Rates get a rank; sums and averages (累计金额, 户均) do not.</summary>
    private static bool IsRanked(IndicatorDefinition indicator) => indicator.IsRate && indicator.Style != IndicatorStyle.Amount;

    private static string Subtitle(MergeResult merge, SectionDefinition section)
    {
        var parts = new List<string> { $"报告期：{merge.Period.Chinese}；已汇总 {merge.Accepted.Count()}/{merge.Units.Count} 个单位" };
        if (section.Indicators.Any(i => i.Progress == ProgressBasis.Campaign))
        {
            parts.Add($"{ProgressBasis.Campaign.Label()} {Briefing.NumberStyle.Completion(merge.TimeProgress)}（{merge.Window.Start:yyyy-MM-dd}至{merge.Window.End:yyyy-MM-dd}）");
        }
        if (section.Indicators.Any(i => i.Progress == ProgressBasis.Year))
        {
            parts.Add($"{ProgressBasis.Year.Label()} {Briefing.NumberStyle.Completion(merge.YearProgress)}");
        }
        parts.Add("排名按比率由高到低，并列同名次；浅红为低于时序进度（滞后），绿色为第一名，灰色为未汇总单位");
        return string.Join("；", parts) + "。";
    }

    private static void AddConditionalFormatting(ExcelWorksheet sheet, List<IndicatorColumns> indicatorColumns, int lastUnitRow, int lastColumn)
    {
        string Absolute(int row, int column) => ExcelCellBase.GetAddress(row, false, column, true);

        // Units not in the merge: the whole row grey (their status says 未报送 or 退回).
        var rows = new ExcelAddress(FirstUnitRow, 1, lastUnitRow, lastColumn);
        var missing = sheet.ConditionalFormatting.AddExpression(rows);
        missing.Formula = $"{Absolute(FirstUnitRow, 3)}<>\"{WorkbookStyle.AcceptedText}\"";
        missing.Style.Fill.BackgroundColor.Color = WorkbookStyle.MissingFill;
        missing.Style.Font.Color.Color = WorkbookStyle.MissingFont;
        missing.Priority = 1;

        foreach (var entry in indicatorColumns)
        {
            var values = new ExcelAddress(FirstUnitRow, entry.Value, lastUnitRow, entry.Value);
            if (entry.Flag is { } flag)
            {
                var lag = sheet.ConditionalFormatting.AddExpression(values);
                lag.Formula = $"{Absolute(FirstUnitRow, flag)}=\"{WorkbookStyle.LaggingText}\"";
                lag.Style.Fill.BackgroundColor.Color = WorkbookStyle.LaggingFill;
                lag.Style.Font.Color.Color = WorkbookStyle.LaggingFont;
                lag.Priority = 2;
            }
            if (entry.Rank is { } rank)
            {
                // The leader: rank 1, unless every ranked unit shares it (all at 100%: nobody leads).
                var ranks = ExcelCellBase.GetAddress(FirstUnitRow, rank, lastUnitRow, rank, true);
                var lead = sheet.ConditionalFormatting.AddExpression(values);
                lead.Formula = $"AND({Absolute(FirstUnitRow, rank)}=1,COUNTIF({ranks},1)<COUNT({ranks}))";
                lead.Style.Fill.BackgroundColor.Color = WorkbookStyle.LeaderFill;
                lead.Style.Font.Color.Color = WorkbookStyle.LeaderFont;
                lead.Priority = 3;
            }
        }
    }
}
