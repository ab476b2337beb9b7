namespace Reports.Outputs.Spreadsheet;

/// <summary>
/// How a cell looks: a value compared by content, so each distinct look becomes one entry of styles.xml. Every part
/// defaults to its zero value (<c>default</c> is the plain look; a null size is 11 points, a null font the package's).
/// <paramref name="Right"/> aligns right, <paramref name="Middle"/> centres vertically alone; <paramref name="QuotePrefix"/>
/// keeps a text that looks like a formula text when a clerk edits the cell.
/// </summary>
public readonly record struct CellStyle(
    bool Bold = false,
    double? Size = null,
    string? Fill = null,
    string? FontColor = null,
    CellBorder Border = CellBorder.None,
    string? BorderColor = null,
    string? NumberFormat = null,
    bool Wrap = false,
    bool Center = false,
    bool Top = false,
    string? Font = null,
    bool Underline = false,
    bool Right = false,
    bool Middle = false,
    bool QuotePrefix = false)
{
    public static readonly CellStyle Default = default;
}

/// <summary>The border drawn round a cell.</summary>
public enum CellBorder
{
    None,
    Thin,
    Medium,
}
