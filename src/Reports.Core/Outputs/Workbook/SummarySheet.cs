using Reports.Analysis;
using Reports.Definitions;
using Reports.Merge;
using Reports.Numbers;
using Reports.Outputs.Spreadsheet;

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

    public static void Write(StreamedWorkbook book, string name, MergeResult merge, MergeAnalysis analysis, string title)
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
        string[] fixedHeaders = ["序号", "单位代码", "单位名称", "报送状态"];
        var accepted = merge.Accepted.Count();
        var totalLabel = $"{merge.Roster.Name}合计";
        var totalCount = $"{accepted}个单位";

        // Widths first: they precede the rows in the sheet's XML.
        var widths = Measure(merge, columns, fixedHeaders, totalLabel, totalCount);
        widths[1] = 6;
        // A remark is a sentence: wrapped in a column of moderate width rather than one as wide as the page, its row
        // as high as its lines (LibreOffice does not grow a row for wrapped text on its own).
        var textColumns = Enumerable.Range(0, columns.Count).Where(i => columns[i].Field is { Kind: FieldKind.Text }).Select(i => FirstDataColumn + i).ToList();
        foreach (var textColumn in textColumns)
        {
            widths[textColumn] = Math.Min(widths.GetValueOrDefault(textColumn, ColumnWidths.Default), TextColumnWidth);
        }

        var sheet = book.Add(name, widths, frozenRows: HeaderRow, frozenColumns: 3, fitToPage: false);
        var progress = $"时序进度：{NumberStyle.Completion(merge.TimeProgress)}；已汇总 {accepted}/{merge.Units.Count} 个单位";
        const string Legend = "合计行为公式（求和、比率为合计数之比），浅红为进度滞后，灰色为未汇总单位";
        WorkbookStyle.Title(book, sheet, title,
            $"报告期：{merge.Period.Chinese}（截至{merge.Period.ChineseEnd}）；{progress}。{Legend}。",
            Math.Min(lastColumn, 14));

        // Two header rows: the unit columns merged down both, each task's heading merged across its columns.
        var header = book.Style(WorkbookStyle.HeaderCell);
        sheet.Row(GroupRow);
        for (var i = 0; i < fixedHeaders.Length; i++)
        {
            sheet.Text(i + 1, fixedHeaders[i], header);
            sheet.Merges.Add((GroupRow, i + 1, HeaderRow, i + 1));
        }
        var column = FirstDataColumn;
        foreach (var group in columns.GroupBy(c => c.Section))
        {
            var count = group.Count();
            sheet.Text(column, group.Key.Heading, header);
            for (var c = column + 1; c < column + count; c++)
            {
                sheet.Blank(c, header);
            }
            if (count > 1)
            {
                sheet.Merges.Add((GroupRow, column, GroupRow, column + count - 1));
            }
            column += count;
        }
        sheet.Row(HeaderRow, 58);
        for (var c = 1; c <= fixedHeaders.Length; c++)
        {
            sheet.Blank(c, header);
        }
        for (var i = 0; i < columns.Count; i++)
        {
            sheet.Text(FirstDataColumn + i, columns[i].Field?.LabelWithUnit ?? WorkbookStyle.Header(columns[i].Indicator!), header);
        }

        // A unit row's looks, a column at a time: as it is, grey (not in the merge), light red (lagging), and each
        // centred vertically for a row made tall by a remark.
        var looks = new CellStyle[lastColumn + 1];
        for (var c = 1; c <= lastColumn; c++)
        {
            looks[c] = c <= 2 ? WorkbookStyle.Cell with { Center = true } : WorkbookStyle.Cell;
        }
        for (var i = 0; i < columns.Count; i++)
        {
            var (field, indicator) = (columns[i].Field, columns[i].Indicator);
            looks[FirstDataColumn + i] = WorkbookStyle.Cell with
            {
                NumberFormat = field is { Kind: FieldKind.Text } ? "@" : field is not null ? WorkbookStyle.FormatOf(field) : WorkbookStyle.FormatOf(indicator!),
                Right = field is null,
                Wrap = field is { Kind: FieldKind.Text },
            };
        }
        int[] Ids(Func<CellStyle, CellStyle> look) => looks.Select((l, c) => c == 0 ? 0 : book.Style(look(l))).ToArray();
        var (plain, tall) = (Ids(l => l), Ids(l => l with { Middle = true }));
        var (grey, greyTall) = (Ids(WorkbookStyle.Missing), Ids(l => WorkbookStyle.Missing(l) with { Middle = true }));
        var (lagging, laggingTall) = (Ids(WorkbookStyle.Lagging), Ids(l => WorkbookStyle.Lagging(l) with { Middle = true }));
        // Lagging units (below time progress), as the analysis finds them: the same cells the briefing calls 滞后.
        var laggingOf = analysis.Lagging.ToLookup(l => l.Unit.Code, l => l.Indicator, StringComparer.Ordinal);

        var row = FirstUnitRow;
        foreach (var unit in merge.Units)
        {
            var texts = textColumns.Select(c => (Text: CellText.Clean(unit.Status == UnitStatus.Accepted ? unit.Texts.GetValueOrDefault(columns[c - FirstDataColumn].Field!.Code) : null), Width: widths[c])).ToList();
            var height = textColumns.Count > 0 ? ColumnWidths.RowHeight(texts.Select(t => (t.Text, t.Width))) : 15;
            var isTall = height > 15;
            var isAccepted = unit.Status == UnitStatus.Accepted;
            var styles = (isAccepted, isTall) switch { (true, false) => plain, (true, true) => tall, (false, false) => grey, _ => greyTall };
            sheet.Row(row, isTall ? height : null);
            sheet.Number(1, row - FirstUnitRow + 1, styles[1]);
            CellText.Write(sheet, 2, unit.Unit.Code, styles[2]);
            CellText.Write(sheet, 3, unit.Unit.Name, styles[3]);
            sheet.Text(4, WorkbookStyle.StatusText(unit.Status), styles[4]);
            var behind = laggingOf[unit.Unit.Code].ToHashSet();
            for (var i = 0; i < columns.Count; i++)
            {
                var at = FirstDataColumn + i;
                var (field, indicator) = (columns[i].Field, columns[i].Indicator);
                if (!isAccepted)
                {
                    sheet.Blank(at, styles[at]);
                }
                else if (field is { Kind: FieldKind.Text })
                {
                    CellText.Write(sheet, at, unit.Texts.GetValueOrDefault(field.Code), styles[at]);
                }
                else if (field is not null)
                {
                    if (unit.Values.TryGetValue(field.Code, out var value))
                    {
                        sheet.Number(at, value, styles[at]);
                    }
                    else
                    {
                        sheet.Blank(at, styles[at]);
                    }
                }
                else
                {
                    var style = behind.Contains(indicator!) ? (isTall ? laggingTall : lagging)[at] : styles[at];
                    sheet.Formula(at, formulas.UnitIndicator(indicator!, row), unit.Indicators.GetValueOrDefault(indicator!.Code), WorkbookStyle.Undefined, style);
                }
            }
            row++;
        }

        // The total row: live formulas, each stored with the merge's figure.
        var total = book.Style(WorkbookStyle.TotalCell);
        var totalCentred = book.Style(WorkbookStyle.TotalCell with { Center = true });
        sheet.Row(totalRow);
        sheet.Blank(1, totalCentred);
        sheet.Blank(2, totalCentred);
        sheet.Text(3, totalLabel, total);
        sheet.Text(4, totalCount, total);
        for (var i = 0; i < columns.Count; i++)
        {
            var at = FirstDataColumn + i;
            var (field, indicator) = (columns[i].Field, columns[i].Indicator);
            if (field is { IsNumeric: true })
            {
                sheet.Formula(at, formulas.FieldTotal(field.Code), merge.Total.Values.GetValueOrDefault(field.Code), WorkbookStyle.Undefined,
                    book.Style(WorkbookStyle.TotalCell with { NumberFormat = WorkbookStyle.FormatOf(field) }));
            }
            else if (indicator is not null)
            {
                sheet.Formula(at, formulas.TotalIndicator(indicator, totalRow), merge.Total.Indicators.GetValueOrDefault(indicator.Code), WorkbookStyle.Undefined,
                    book.Style(WorkbookStyle.TotalCell with { NumberFormat = WorkbookStyle.FormatOf(indicator), Right = true }));
            }
            else
            {
                sheet.Blank(at, book.Style(WorkbookStyle.TotalCell with { Wrap = true }));
            }
        }

        // Dozens of columns: printed across pages at a legible scale, each page with the unit columns and header rows.
        var groups = new List<(int First, int Last)>();
        var first = FirstDataColumn;
        foreach (var group in columns.GroupBy(c => c.Section))
        {
            groups.Add((first, first + group.Count() - 1));
            first += group.Count();
        }
        // The unit columns repeat on every page, rows 1–2 with them, so the title rows would print cut into pieces:
        // printed pages start at the header rows, the title is in the page header and the subtitle in the footer.
        sheet.Print = WorkbookStyle.PrintAcrossPages(WorkbookStyle.PageSetup(title, GroupRow, HeaderRow), widths, TitleColumns, groups) with
        {
            Area = (GroupRow, 1, totalRow, lastColumn),
            FooterLeft = progress,
            FooterRight = Legend,
        };
    }

    /// <summary>The columns' widths from every text and figure the sheet will show.</summary>
    private static SortedDictionary<int, double> Measure(MergeResult merge, List<Column> columns, string[] fixedHeaders, string totalLabel, string totalCount)
    {
        var widths = new ColumnWidths(maximum: 40);
        for (var i = 0; i < fixedHeaders.Length; i++)
        {
            widths.Observe(i + 1, fixedHeaders[i]);
        }
        for (var i = 0; i < columns.Count; i++)
        {
            widths.Observe(FirstDataColumn + i, columns[i].Field?.LabelWithUnit ?? WorkbookStyle.Header(columns[i].Indicator!), lines: 2.5);
        }
        foreach (var unit in merge.Units)
        {
            widths.Observe(2, unit.Unit.Code);
            widths.Observe(3, unit.Unit.Name);
            if (unit.Status != UnitStatus.Accepted)
            {
                continue;
            }
            for (var i = 0; i < columns.Count; i++)
            {
                if (columns[i].Field is { Kind: FieldKind.Text } text)
                {
                    widths.Observe(FirstDataColumn + i, CellText.Clean(unit.Texts.GetValueOrDefault(text.Code)));
                }
                else if (columns[i].Field is { } field && unit.Values.TryGetValue(field.Code, out var value))
                {
                    widths.ObserveFigure(FirstDataColumn + i, field, value);
                }
            }
        }
        widths.Observe(3, totalLabel);
        widths.Observe(4, totalCount);
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Field is { IsNumeric: true } field)
            {
                widths.ObserveFigure(FirstDataColumn + i, field, merge.Total.Values.GetValueOrDefault(field.Code));
            }
        }
        return widths.Result();
    }
}
