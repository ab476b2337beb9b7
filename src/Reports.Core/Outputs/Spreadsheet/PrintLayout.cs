namespace Reports.Outputs.Spreadsheet;

/// <summary>
/// How a sheet prints (the workbook's and the receipts' alike): A4, landscape or portrait, fitted one page wide (and
/// as many long as it takes) or at a fixed <see cref="Scale"/>; rows and columns repeated on every page, the printed
/// area, page breaks before columns, and the page header and footer's left, centre and right parts (header codes such
/// as &amp;P are kept; a literal text goes through <see cref="Literal"/>).
/// </summary>
public sealed record PrintLayout
{
    public const int PaperA4 = 9;

    /// <summary>"第 &amp;P 页，共 &amp;N 页": the page number and count, as a header or footer part.</summary>
    public const string PageNumber = "第 &P 页，共 &N 页";

    /// <summary>A text printed as it is in a header or footer: "&amp;" starts a code there, so a literal one is doubled.</summary>
    public static string Literal(string text) => text.Replace("&", "&&", StringComparison.Ordinal);

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

    public string? HeaderCenter { get; init; }

    public string? HeaderRight { get; init; }

    public string? FooterLeft { get; init; }

    public string? FooterCenter { get; init; }

    public string? FooterRight { get; init; }

    public decimal Top { get; init; } = 0.8m;

    public decimal Bottom { get; init; } = 0.6m;

    public decimal Side { get; init; } = 0.4m;

    public decimal HeaderMargin { get; init; } = 0.3m;
}
