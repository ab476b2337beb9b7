namespace Reports.Outputs.Spreadsheet;

/// <summary>
/// How a streamed sheet prints: A4, landscape or portrait, fitted one page wide (and as many long as it takes) or at a
/// fixed <see cref="Scale"/>; rows and columns repeated on every page, the printed area, page breaks before columns,
/// and the page header and footer's left and right parts (header codes such as &amp;P are kept; a literal &amp; is
/// doubled by the caller).
/// </summary>
public sealed record PrintLayout
{
    public bool Landscape { get; init; } = true;

    /// <summary>A fixed scale in percent; null fits the sheet one page wide.</summary>
    public int? Scale { get; init; }

    public (int First, int Last)? TitleRows { get; init; }

    public (int First, int Last)? TitleColumns { get; init; }

    public (int Row, int Column, int LastRow, int LastColumn)? Area { get; init; }

    /// <summary>Columns a new page starts after (Excel's column page breaks).</summary>
    public IReadOnlyList<int> ColumnBreaks { get; init; } = [];

    public bool CenteredHorizontally { get; init; }

    public string? HeaderLeft { get; init; }

    public string? HeaderRight { get; init; }

    public string? FooterLeft { get; init; }

    public string? FooterRight { get; init; }

    public decimal Top { get; init; } = 0.8m;

    public decimal Bottom { get; init; } = 0.6m;

    public decimal Side { get; init; } = 0.4m;

    public decimal HeaderMargin { get; init; } = 0.3m;
}
