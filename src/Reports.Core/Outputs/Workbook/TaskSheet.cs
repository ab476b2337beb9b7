using Reports.Analysis;
using Reports.Definitions;
using Reports.Merge;
using Reports.Numbers;
using Reports.Outputs.Spreadsheet;

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

    public static void Write(StreamedWorkbook book, string name, MergeResult merge, MergeAnalysis analysis, SectionDefinition section, string title)
    {
        var fields = section.Fields.Where(f => f.IsNumeric).ToList();
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
        var totalLabel = $"{merge.Roster.Name}合计";
        var totalCount = $"{merge.Accepted.Count()}个单位";

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

        // Widths first: they precede the rows in the sheet's XML.
        var measure = new ColumnWidths(maximum: 30);
        foreach (var (index, text) in headers)
        {
            measure.Observe(index, text, lines: 2);
        }
        foreach (var unit in merge.Units)
        {
            measure.Observe(2, unit.Unit.Name);
            if (unit.Status == UnitStatus.Accepted)
            {
                foreach (var field in fields.Where(f => unit.Values.ContainsKey(f.Code)))
                {
                    measure.ObserveFigure(fieldColumns[field.Code], field, unit.Values[field.Code]);
                }
            }
        }
        measure.Observe(2, totalLabel);
        measure.Observe(3, totalCount);
        foreach (var field in fields)
        {
            measure.ObserveFigure(fieldColumns[field.Code], field, merge.Total.Values.GetValueOrDefault(field.Code));
        }
        foreach (var entry in indicatorColumns)
        {
            measure.Observe(entry.Value, "100.00%");
        }
        var widths = measure.Result();
        widths[1] = 5;

        var sheet = book.Add(name, widths, frozenRows: HeaderRow, frozenColumns: 2);
        WorkbookStyle.Title(book, sheet, sheetTitle, Subtitle(merge, section), lastColumn);
        WorkbookStyle.Headers(book, sheet, HeaderRow, Enumerable.Range(1, lastColumn).Select(c => headers[c]).ToList(), 58);

        // Each column's look in the unit rows and in the total row: figures right-aligned in their number format,
        // flags centred, every cell bordered.
        var looks = new CellStyle[lastColumn + 1];
        for (var c = 1; c <= lastColumn; c++)
        {
            looks[c] = c >= FirstDataColumn ? WorkbookStyle.Cell with { Right = true } : WorkbookStyle.Cell;
        }
        foreach (var field in fields)
        {
            looks[fieldColumns[field.Code]] = looks[fieldColumns[field.Code]] with { NumberFormat = WorkbookStyle.FormatOf(field) };
        }
        foreach (var entry in indicatorColumns)
        {
            looks[entry.Value] = looks[entry.Value] with { NumberFormat = WorkbookStyle.FormatOf(entry.Indicator) };
            if (entry.Progress is { } progress)
            {
                looks[progress] = looks[progress] with { NumberFormat = WorkbookStyle.CompletionFormat };
                looks[entry.Flag!.Value] = looks[entry.Flag.Value] with { Right = false, Center = true };
            }
        }
        var body = looks.Select((l, c) => c == 0 ? 0 : book.Style(l)).ToArray();
        var totals = looks.Select((l, c) => c == 0 ? 0 : book.Style(l with { Bold = true, Fill = WorkbookStyle.TotalFill })).ToArray();

        var ranks = indicatorColumns.Where(e => e.Rank is not null)
            .ToDictionary(e => e.Indicator.Code, e => analysis.Ranks[e.Indicator.Code].ToDictionary(r => r.Unit.Code, r => r.Rank), StringComparer.Ordinal);
        var lagging = indicatorColumns.Where(e => e.Flag is not null)
            .ToDictionary(e => e.Indicator.Code, e => analysis.LaggingUnits(e.Indicator.Code), StringComparer.Ordinal);
        // Columns in ascending order, as a row's XML wants them: the fields, then each indicator's value, rank,
        // progress and flag.
        var row = FirstUnitRow;
        foreach (var unit in merge.Units)
        {
            sheet.Row(row);
            sheet.Number(1, row - FirstUnitRow + 1, body[1]);
            CellText.Write(sheet, 2, unit.Unit.Name, body[2]);
            sheet.Text(3, WorkbookStyle.StatusText(unit.Status), body[3]);
            var accepted = unit.Status == UnitStatus.Accepted;
            foreach (var field in fields)
            {
                var at = fieldColumns[field.Code];
                if (accepted && unit.Values.TryGetValue(field.Code, out var value))
                {
                    sheet.Number(at, value, body[at]);
                }
                else
                {
                    sheet.Blank(at, body[at]);
                }
            }
            foreach (var entry in indicatorColumns)
            {
                if (accepted)
                {
                    sheet.Formula(entry.Value, formulas.UnitIndicator(entry.Indicator, row), unit.Indicators.GetValueOrDefault(entry.Indicator.Code), WorkbookStyle.Undefined, body[entry.Value]);
                }
                else
                {
                    sheet.Blank(entry.Value, body[entry.Value]);
                }
                if (entry.Rank is { } rankColumn)
                {
                    if (accepted && ranks[entry.Indicator.Code].GetValueOrDefault(unit.Unit.Code) is { } rank)
                    {
                        sheet.Number(rankColumn, rank, body[rankColumn]);
                    }
                    else
                    {
                        sheet.Blank(rankColumn, body[rankColumn]);
                    }
                }
                if (entry.Progress is { } progressColumn)
                {
                    sheet.Number(progressColumn, merge.ProgressFor(entry.Indicator)!.Value, body[progressColumn]);
                    var flagColumn = entry.Flag!.Value;
                    if (accepted && lagging[entry.Indicator.Code].Contains(unit.Unit.Code))
                    {
                        sheet.Text(flagColumn, WorkbookStyle.LaggingText, body[flagColumn]);
                    }
                    else
                    {
                        sheet.Blank(flagColumn, body[flagColumn]);
                    }
                }
            }
            row++;
        }

        // Total row: live formulas, each stored with the merge's figure.
        sheet.Row(totalRow);
        sheet.Blank(1, totals[1]);
        sheet.Text(2, totalLabel, totals[2]);
        sheet.Text(3, totalCount, totals[3]);
        foreach (var field in fields)
        {
            var at = fieldColumns[field.Code];
            sheet.Formula(at, formulas.FieldTotal(field.Code), merge.Total.Values.GetValueOrDefault(field.Code), WorkbookStyle.Undefined, totals[at]);
        }
        foreach (var entry in indicatorColumns)
        {
            sheet.Formula(entry.Value, formulas.TotalIndicator(entry.Indicator, totalRow), merge.Total.Indicators.GetValueOrDefault(entry.Indicator.Code), WorkbookStyle.Undefined, totals[entry.Value]);
            if (entry.Rank is { } rankColumn)
            {
                sheet.Blank(rankColumn, totals[rankColumn]);
            }
            if (entry.Progress is { } progressColumn)
            {
                sheet.Number(progressColumn, merge.ProgressFor(entry.Indicator)!.Value, totals[progressColumn]);
                sheet.Blank(entry.Flag!.Value, totals[entry.Flag.Value]);
            }
        }

        if (lastUnitRow >= FirstUnitRow)
        {
            AddConditionalFormatting(sheet, indicatorColumns, lastUnitRow, lastColumn);
        }
        sheet.Print = WorkbookStyle.PageSetup(title, HeaderRow, HeaderRow);

        // A chart per tracked rate, side by side under the table, so they print with it on one page.
        var tracked = indicatorColumns.Where(e => e.Progress is not null).ToList();
        for (var i = 0; i < tracked.Count; i++)
        {
            var entry = tracked[i];
            sheet.Charts.Add(ProgressChart.Chart(name, merge, new ProgressChart.Source(
                $"{entry.Indicator.Label}：各单位完成情况与{(entry.Indicator.Progress ?? ProgressBasis.Campaign).Label()}",
                HeaderRow, FirstUnitRow, lastUnitRow, CategoryColumn: 2, ValueColumn: entry.Value, ProgressColumn: entry.Progress!.Value,
                entry.Indicator), totalRow + 2, widths, lastColumn, i, tracked.Count));
        }
    }

    /// <summary>Rates get a rank; sums and averages (累计金额, 户均) do not.</summary>
    private static bool IsRanked(IndicatorDefinition indicator) => indicator.IsRate && indicator.Style != IndicatorStyle.Amount;

    private static string Subtitle(MergeResult merge, SectionDefinition section)
    {
        var parts = new List<string> { $"报告期：{merge.Period.Chinese}；已汇总 {merge.Accepted.Count()}/{merge.Units.Count} 个单位" };
        if (section.Indicators.Any(i => i.Progress == ProgressBasis.Campaign))
        {
            parts.Add($"{ProgressBasis.Campaign.Label()} {NumberStyle.Completion(merge.TimeProgress)}（{merge.Window.Start:yyyy-MM-dd}至{merge.Window.End:yyyy-MM-dd}）");
        }
        if (section.Indicators.Any(i => i.Progress == ProgressBasis.Year))
        {
            parts.Add($"{ProgressBasis.Year.Label()} {NumberStyle.Completion(merge.YearProgress)}");
        }
        parts.Add("排名按比率由高到低，并列同名次；浅红为低于时序进度（滞后），绿色为第一名，灰色为未汇总单位");
        return string.Join("；", parts) + "。";
    }

    private static void AddConditionalFormatting(StreamedSheet sheet, List<IndicatorColumns> indicatorColumns, int lastUnitRow, int lastColumn)
    {
        string Absolute(int row, int column) => $"${Ooxml.Column(column)}{row}";
        string Range(int column, int lastColumn) => $"{Ooxml.Cell(FirstUnitRow, column)}:{Ooxml.Cell(lastUnitRow, lastColumn)}";

        // Units not in the merge: the whole row grey (their status says 未报送 or 退回).
        sheet.ConditionalFormats.Add(new ConditionalFormat(Range(1, lastColumn), 1,
            $"{Absolute(FirstUnitRow, 3)}<>\"{WorkbookStyle.AcceptedText}\"", WorkbookStyle.MissingFill, WorkbookStyle.MissingFont));
        foreach (var entry in indicatorColumns)
        {
            var values = Range(entry.Value, entry.Value);
            if (entry.Flag is { } flag)
            {
                sheet.ConditionalFormats.Add(new ConditionalFormat(values, 2,
                    $"{Absolute(FirstUnitRow, flag)}=\"{WorkbookStyle.LaggingText}\"", WorkbookStyle.LaggingFill, WorkbookStyle.LaggingFont));
            }
            if (entry.Rank is { } rank)
            {
                // The leader: rank 1, unless every ranked unit shares it (all at 100%: nobody leads).
                var ranks = $"${Ooxml.Column(rank)}${FirstUnitRow}:${Ooxml.Column(rank)}${lastUnitRow}";
                sheet.ConditionalFormats.Add(new ConditionalFormat(values, 3,
                    $"AND({Absolute(FirstUnitRow, rank)}=1,COUNTIF({ranks},1)<COUNT({ranks}))", WorkbookStyle.LeaderFill, WorkbookStyle.LeaderFont));
            }
        }
    }
}
