using SkiaSharp;

namespace Reports.Pdf;

/// <summary>A table: optional caption, a shaded header row repeated on each page, one fragment per row
/// (a row taller than a page is cut into several fragments as a fallback).</summary>
internal sealed class TableElement(PdfTable table) : ILayoutElement
{
    public IEnumerable<Fragment> Layout(LayoutContext context)
    {
        var columns = table.Columns.Count;
        if (columns == 0)
        {
            yield break;
        }

        var size = table.FontSizePt ?? Typography.TableSize;
        var font = context.Fonts.Get(size);
        var bold = context.Fonts.Get(size, bold: true);
        var lineHeight = size * Typography.TableLeading;
        var widths = ColumnWidths(context.Width, bold);

        yield return new SpaceFragment(Typography.TableSpacingBefore) { KeepWithNext = true };

        if (!string.IsNullOrEmpty(table.Caption))
        {
            foreach (var line in CaptionLines.Layout(context, table.Caption))
            {
                yield return line;
            }
        }

        // The header is set apart by its shading, not by fake bold: stroked outlines would add a path per glyph
        // of every header on every page and multiply the file size.
        var headerCells = table.Columns.Select(c => c.Title).ToArray();
        var header = new TableRowFragment(widths, WrapHeader(context, headerCells, widths, font), Enumerable.Repeat(PdfAlign.Center, columns).ToArray(),
            font, lineHeight, shaded: true) { KeepWithNext = true };
        yield return header;

        var aligns = table.Columns.Select(c => c.Align).ToArray();
        var maxRowHeight = Math.Max(lineHeight + 2 * Typography.TableCellPaddingY, context.BodyHeight - header.Height);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            var isBold = r >= table.Rows.Count - table.BoldLastRows;
            var rowFont = isBold ? bold : font;
            var cells = Enumerable.Range(0, columns).Select(c => c < row.Count ? row[c] ?? "" : "").ToArray();
            var lines = Wrap(context, cells, widths, rowFont, table.Columns);

            // The first row keeps with the second, so a page never ends on a header and a single row; a total keeps
            // the two rows above it, so it never opens a page alone with a lone row.
            var keep = (r == 0 && table.Rows.Count > 2)
                        || (table.BoldLastRows > 0 && r >= table.Rows.Count - table.BoldLastRows - 2 && r < table.Rows.Count - 1 && table.Rows.Count > 4);
            foreach (var chunk in SplitTallRow(lines, lineHeight, maxRowHeight))
            {
                yield return new TableRowFragment(widths, chunk, aligns, rowFont, lineHeight, shaded: false)
                {
                    RepeatHeader = header,
                    KeepWithNext = keep,
                };
            }
        }

        yield return new SpaceFragment(Typography.TableSpacingAfter);
    }

    /// <summary>
    /// Widths from the relative widths, widened where a short cell (a figure, "滞后") would otherwise wrap:
    /// such cells are measured whole and their column gets at least that width, taken from the other columns
    /// (whose headers and long texts wrap instead).
    /// </summary>
    private float[] ColumnWidths(float total, TextFont font)
    {
        var columns = table.Columns.Count;
        var totalRelative = table.Columns.Sum(c => Math.Max(c.RelativeWidth, 0));
        var widths = table.Columns
            .Select(c => totalRelative > 0 ? total * Math.Max(c.RelativeWidth, 0) / totalRelative : total / columns)
            .ToArray();
        // The figures' cells (and short ones such as "滞后") stay on one line first; a header's short lines ("排名",
        // "（万元）", "其中：") too when there is room for both.
        var cellMinimum = new float[columns];
        var headerMinimum = new float[columns];
        for (var c = 0; c < columns; c++)
        {
            foreach (var line in table.Columns[c].Title.Split('\n'))
            {
                if (line.Length is > 0 and <= ShortHeaderLine)
                {
                    headerMinimum[c] = Math.Max(headerMinimum[c], font.Measure(line) + 2 * Typography.TableCellPaddingX + 1);
                }
                // A two-character header ("排名", "单位", "进度") is never split, like a figure.
                if (line.Length is > 0 and <= 2)
                {
                    cellMinimum[c] = Math.Max(cellMinimum[c], font.Measure(line) + 2 * Typography.TableCellPaddingX + 1);
                }
            }
        }

        var oneLine = new float[columns];
        foreach (var row in table.Rows)
        {
            for (var c = 0; c < columns && c < row.Count; c++)
            {
                var cell = row[c] ?? "";
                if (table.Columns[c].OneLine)
                {
                    var longest = cell.Split('\n').Max(line => font.Measure(line)) + 2 * Typography.TableCellPaddingX + 1;
                    oneLine[c] = Math.Max(oneLine[c], Math.Min(longest, total * OneLineShare));
                }
                else if (cell.Length is > 0 and <= ShortCellLength)
                {
                    cellMinimum[c] = Math.Max(cellMinimum[c], font.Measure(cell) + 2 * Typography.TableCellPaddingX + 1);
                }
            }
        }

        // A one-line column (file names) takes the room of its longest line as far as the other columns' own needs
        // leave it; past that its lines are shortened.
        for (var c = 0; c < columns; c++)
        {
            if (oneLine[c] > 0)
            {
                var others = cellMinimum.Where((_, k) => k != c).Sum();
                cellMinimum[c] = Math.Max(cellMinimum[c], Math.Min(oneLine[c], total - others));
            }
        }

        // Never let the minimums claim more than the table has: the headers' lines give way first (as far as needed),
        // then, when even the figures do not fit, every column keeps its share.
        if (cellMinimum.Sum() > total)
        {
            return widths;
        }
        var both = cellMinimum.Zip(headerMinimum, Math.Max).ToArray();
        var give = both.Sum() > total ? (total - cellMinimum.Sum()) / (both.Sum() - cellMinimum.Sum()) : 1;
        var minimum = cellMinimum.Zip(both, (cell, b) => cell + (b - cell) * give).ToArray();
        for (var pass = 0; pass < columns; pass++)
        {
            float deficit = 0, spare = 0;
            for (var c = 0; c < columns; c++)
            {
                if (widths[c] < minimum[c])
                {
                    deficit += minimum[c] - widths[c];
                }
                else
                {
                    spare += widths[c] - minimum[c];
                }
            }

            if (deficit <= 0.01f || spare <= 0)
            {
                break;
            }
            var take = Math.Min(1, deficit / spare);
            for (var c = 0; c < columns; c++)
            {
                widths[c] = widths[c] < minimum[c] ? minimum[c] : widths[c] - (widths[c] - minimum[c]) * take;
            }
        }

        return widths;
    }

    /// <summary>Cells up to this many characters are kept on one line when the table has room.</summary>
    private const int ShortCellLength = 12;

    /// <summary>Header lines up to this many characters are kept whole when the table has room.</summary>
    private const int ShortHeaderLine = 4;

    private static IReadOnlyList<string>[] Wrap(LayoutContext context, string[] cells, float[] widths, TextFont font, IReadOnlyList<PdfTableColumn> columns) =>
        cells.Select((text, c) => (IReadOnlyList<string>)text.Split('\n')
                .SelectMany(part => columns[c].OneLine
                    ? [MiddleEllipsis.Shorten(part, Math.Max(widths[c] - 2 * Typography.TableCellPaddingX, 1), s => font.Measure(s))]
                    : context.BreakRagged(part, s => font.Measure(s), Math.Max(widths[c] - 2 * Typography.TableCellPaddingX, 1)))
                .ToList())
             .ToArray();

    /// <summary>The most of a table's width a one-line column (file names) takes: the rest keep room for their text.</summary>
    private const float OneLineShare = 0.42f;

    /// <summary>
    /// Header cells: each forced line ('\n') broken into lines of even length, so that no line is a lone character
    /// ("完成率" over "完成" and "率"): the narrowest width that needs no more lines than the column's width does.
    /// </summary>
    private static IReadOnlyList<string>[] WrapHeader(LayoutContext context, string[] cells, float[] widths, TextFont font) =>
        cells.Select((text, c) => (IReadOnlyList<string>)text.Split('\n')
                .SelectMany(part => Balanced(context, part, Math.Max(widths[c] - 2 * Typography.TableCellPaddingX, 1), font))
                .ToList())
             .ToArray();

    private static IReadOnlyList<string> Balanced(LayoutContext context, string text, float width, TextFont font)
    {
        var lines = context.BreakRagged(text, s => font.Measure(s), width);
        if (lines.Count < 2)
        {
            return lines;
        }
        var em = font.Size;
        for (var narrower = width - em / 2; narrower >= em * 2; narrower -= em / 2)
        {
            var tried = context.BreakRagged(text, s => font.Measure(s), narrower);
            if (tried.Count > lines.Count)
            {
                break;
            }
            lines = tried;
        }

        return lines;
    }

    /// <summary>Cuts a row whose height exceeds <paramref name="maxHeight"/> into pieces of whole lines.</summary>
    private static IEnumerable<IReadOnlyList<string>[]> SplitTallRow(IReadOnlyList<string>[] lines, float lineHeight, float maxHeight)
    {
        var maxLines = lines.Max(l => l.Count);
        var perChunk = Math.Max(1, (int)((maxHeight - 2 * Typography.TableCellPaddingY) / lineHeight));
        if (maxLines <= perChunk)
        {
            yield return lines;
            yield break;
        }

        for (var start = 0; start < maxLines; start += perChunk)
        {
            yield return lines
                .Select(cell => (IReadOnlyList<string>)cell.Skip(start).Take(perChunk).ToArray())
                .ToArray();
        }
    }
}

internal sealed class TableRowFragment(
    float[] widths, IReadOnlyList<string>[] cellLines, PdfAlign[] aligns, TextFont font, float lineHeight, bool shaded)
    : Fragment
{
    public override float Height => Math.Max(1, cellLines.Max(l => l.Count)) * lineHeight + 2 * Typography.TableCellPaddingY;

    public override void Draw(SKCanvas canvas, float x, float y, float width)
    {
        var height = Height;
        var tableWidth = widths.Sum();
        if (shaded)
        {
            using var fill = new SKPaint { Color = Typography.TableHeaderFill, Style = SKPaintStyle.Fill };
            canvas.DrawRect(new SKRect(x, y, x + tableWidth, y + height), fill);
        }

        var cellX = x;
        for (var c = 0; c < widths.Length; c++)
        {
            var lines = cellLines[c];
            // Centre the cell's lines vertically in the row.
            var top = y + Typography.TableCellPaddingY + (height - 2 * Typography.TableCellPaddingY - lines.Count * lineHeight) / 2f;
            var inner = widths[c] - 2 * Typography.TableCellPaddingX;
            foreach (var line in lines)
            {
                var w = font.Measure(line);
                var left = aligns[c] switch
                {
                    PdfAlign.Center => cellX + Typography.TableCellPaddingX + (inner - w) / 2f,
                    PdfAlign.Right => cellX + widths[c] - Typography.TableCellPaddingX - w,
                    _ => cellX + Typography.TableCellPaddingX,
                };
                TextPainter.DrawLine(canvas, line, font, Typography.Text, left, TextPainter.Baseline(top, lineHeight, font.Size));
                top += lineHeight;
            }

            cellX += widths[c];
        }

        using var border = new SKPaint
        {
            Color = Typography.TableBorder,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = Typography.TableBorderWidth,
            IsAntialias = true,
        };
        // The header row (always the first row on a page) draws the top rule; every row draws its bottom rule,
        // so no rule is stroked twice (overlapping antialiased strokes look heavier).
        if (shaded)
        {
            canvas.DrawLine(x, y, x + tableWidth, y, border);
        }
        canvas.DrawLine(x, y + height, x + tableWidth, y + height, border);
        var lineX = x;
        canvas.DrawLine(lineX, y, lineX, y + height, border);
        foreach (var w in widths)
        {
            lineX += w;
            canvas.DrawLine(lineX, y, lineX, y + height, border);
        }
    }
}
