namespace Reports.Outputs.Spreadsheet;

/// <summary>
/// How a sheet prints: A4 (paper size 9), portrait or landscape, fitted to one page wide and as many pages long as
/// it takes, with the rows <paramref name="TitleRows"/> (first, last; 1-based) repeated on every page.
/// </summary>
public sealed record PageSetup(bool Landscape, (int First, int Last)? TitleRows = null, string? Header = null)
{
    public const int PaperA4 = 9;
}
