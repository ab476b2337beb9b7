using Reports.Intake;

namespace Reports.Store;

/// <summary>
/// Builds the figures of versions read from the store, one version's rows at a time (they come ordered by version and
/// field), into <see cref="FieldTable{T}"/> and <see cref="CellTable"/> over layouts shared by every version with the
/// same fields and cells; field codes, sheet names and cell references are one string each, not one per row.
/// </summary>
internal sealed class FigureTables
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FieldLayout> _fieldLayouts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CellLayout> _cellLayouts = new(StringComparer.Ordinal);

    /// <summary>The version whose rows are being read (-1: none yet).</summary>
    public long Version { get; set; } = -1;

    public List<(string Field, decimal Number)> Numbers { get; } = [];

    public Dictionary<string, string> Texts { get; private set; } = new(StringComparer.Ordinal);

    public List<(string Field, string Sheet, string Cell, string? Typed)> Cells { get; } = [];

    public string Named(string text) => _names.TryGetValue(text, out var known) ? known : _names[text] = text;

    /// <summary>Adds the version read so far to <paramref name="figures"/> and makes ready for the next.</summary>
    public void Finish(Dictionary<long, (IReadOnlyDictionary<string, decimal> Numbers, IReadOnlyDictionary<string, string> Texts, IReadOnlyDictionary<string, FieldReading> Cells)> figures)
    {
        if (Version < 0)
        {
            return;
        }
        var numbers = new FieldTable<decimal>(FieldsOf(Numbers.Select(n => n.Field)), [.. Numbers.Select(n => n.Number)]);
        var cellKey = string.Join('\u0001', Cells.Select(c => $"{c.Field}\u0002{c.Sheet}\u0002{c.Cell}"));
        if (!_cellLayouts.TryGetValue(cellKey, out var cellLayout))
        {
            cellLayout = new CellLayout(FieldsOf(Cells.Select(c => c.Field)), [.. Cells.Select(c => c.Sheet)], [.. Cells.Select(c => c.Cell)]);
            _cellLayouts[cellKey] = cellLayout;
        }
        figures[Version] = (numbers, Texts, new CellTable(cellLayout, [.. Cells.Select(c => c.Typed)]));
        Numbers.Clear();
        Cells.Clear();
        Texts = new Dictionary<string, string>(StringComparer.Ordinal);
        Version = -1;
    }

    private FieldLayout FieldsOf(IEnumerable<string> codes)
    {
        var list = codes.ToArray();
        var key = string.Join('\u0001', list);
        if (!_fieldLayouts.TryGetValue(key, out var layout))
        {
            layout = new FieldLayout(list);
            _fieldLayouts[key] = layout;
        }
        return layout;
    }
}
