using System.Globalization;
using System.Text;
using Reports.Definitions;

namespace Reports.Outputs.Workbook;

/// <summary>
/// Column widths estimated from the text a column shows, without measuring fonts (AutoFitColumns needs
/// libgdiplus): a CJK or full-width character is about two digit widths, anything else one.
/// </summary>
internal sealed class ColumnWidths(double minimum = 6, double maximum = 60)
{
    private readonly Dictionary<int, double> _widths = [];
    private readonly Dictionary<int, (FieldDefinition Field, decimal Least, decimal Most)> _figures = [];

    /// <summary>Display width of a text in Excel's width unit (the width of a digit).</summary>
    public static double Measure(string text)
    {
        double width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += IsWide(rune) ? 2 : 1;
        }
        return width;
    }

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

    /// <summary>The height (points) a row needs so each wrapped text fits its column width: 15 points a line.</summary>
    public static double RowHeight(IEnumerable<(string? Text, double Width)> cells) =>
        15 * cells.Max(c => string.IsNullOrEmpty(c.Text) ? 1 : c.Text.Split('\n').Sum(line => Math.Max(1, Math.Ceiling(Measure(line) / Math.Max(1, c.Width - 1)))));

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

    private static bool IsWide(Rune rune)
    {
        var value = rune.Value;
        return value is >= 0x1100 and <= 0x115F // Hangul Jamo
            or >= 0x2E80 and <= 0xA4CF // CJK radicals … Yi
            or >= 0xAC00 and <= 0xD7A3 // Hangul syllables
            or >= 0xF900 and <= 0xFAFF // CJK compatibility ideographs
            or >= 0xFE30 and <= 0xFE4F // CJK compatibility forms
            or >= 0xFF00 and <= 0xFF60 // full-width forms (，；：（）)
            or >= 0xFFE0 and <= 0xFFE6
            or >= 0x20000 and <= 0x3FFFD; // CJK extensions B…
    }
}
