using System.Globalization;
using Reports.Definitions;
using Reports.Outputs.Spreadsheet;

namespace Reports.Outputs.Workbook;

/// <summary>
/// Column widths estimated from the text a column shows, without measuring fonts (AutoFitColumns needs
/// libgdiplus): a CJK or full-width character is about two digit widths, anything else one.
/// </summary>
internal sealed class ColumnWidths(double minimum = 6, double maximum = 60)
{
    private readonly Dictionary<int, double> _widths = [];
    private readonly Dictionary<int, (FieldDefinition Field, decimal Least, decimal Most)> _figures = [];

    /// <summary>Display width of a text in Excel's width unit (the width of a digit); see <see cref="TextMeasure"/>.</summary>
    public static double Measure(string text) => TextMeasure.Width(text);

    /// <summary>The text broken into lines for a column <paramref name="width"/> digit widths wide; see <see cref="TextMeasure.Break"/>.</summary>
    public static string Break(string text, double width) => TextMeasure.Break(text, width);

    /// <summary>The height (points) a row needs so each wrapped text fits its column width; see <see cref="TextMeasure.RowHeight"/>.</summary>
    public static double RowHeight(IEnumerable<(string? Text, double Width)> cells) => TextMeasure.RowHeight(cells);

    /// <summary>Notes a cell's text; wrapped text (headers) counts by its longest line after wrapping to <paramref name="lines"/>.</summary>
    public void Observe(int column, string? text, double lines = 1)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }
        var width = text.Split('\n').Max(Measure) / lines;
        _widths[column] = Math.Max(_widths.GetValueOrDefault(column), width);
    }

    /// <summary>
    /// Notes a header that wraps onto at most <paramref name="lines"/> lines: the column gets the width of the
    /// narrowest layout <see cref="Break"/> finds in that many lines (a header never wraps inside a bracket or a
    /// quotation, nor leaves a closing one alone on a line).
    /// </summary>
    public void ObserveHeader(int column, string text, int lines)
    {
        var whole = Measure(text);
        // Three characters or fewer ("填报人") never break: a line of one character reads as a mistake.
        for (var width = Math.Max(Math.Ceiling(whole / lines), Math.Min(whole, 6)); width < whole; width++)
        {
            var broken = Break(text, width).Split('\n');
            if (broken.Length <= lines)
            {
                Observe(column, string.Join('\n', broken));
                return;
            }
        }
        Observe(column, text);
    }

    /// <summary>
    /// Notes a field's figure as its number format shows it: 万元 with separators and two decimals, counts whole. Only a
    /// column's least and greatest figure are formatted (in <see cref="Result"/>): the widest positive figure is the
    /// greatest, the widest negative one the least, so the width is the same as from formatting every figure.
    /// </summary>
    public void ObserveFigure(int column, FieldDefinition field, decimal value) =>
        _figures[column] = _figures.TryGetValue(column, out var seen)
            ? (field, Math.Min(seen.Least, value), Math.Max(seen.Most, value))
            : (field, value, value);

    private void Format(int column, FieldDefinition field, decimal value) =>
        Observe(column, field.Kind == FieldKind.Amount
            ? value.ToString("#,##0.00", CultureInfo.InvariantCulture)
            : value.ToString("0", CultureInfo.InvariantCulture));

    /// <summary>The width (digit widths) of every column observed: its widest text plus a margin, within the bounds.</summary>
    public SortedDictionary<int, double> Result()
    {
        foreach (var (column, (field, least, most)) in _figures)
        {
            Format(column, field, least);
            Format(column, field, most);
        }
        _figures.Clear();
        return new(_widths.ToDictionary(w => w.Key, w => Math.Clamp(w.Value + 2, minimum, maximum)));
    }

    /// <summary>Excel's default column width, for a column no text sized.</summary>
    public const double Default = 9.140625;
}
