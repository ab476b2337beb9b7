using UglyToad.PdfPig;

namespace Reports.Tests.Support;

/// <summary>
/// A PDF read back the way tests look at one: each page's text (whitespace removed, for searching figures in) and
/// letters (with font, size and position), and the document's information. The one place tests open a PDF.
/// </summary>
public sealed class PdfText
{
    private PdfText(IReadOnlyList<PdfPageText> pages, PdfInformation information)
    {
        Pages = pages;
        Information = information;
        Text = string.Concat(pages.Select(p => p.Text));
    }

    public IReadOnlyList<PdfPageText> Pages { get; }

    /// <summary>Every page's text, joined, without whitespace.</summary>
    public string Text { get; }

    public PdfInformation Information { get; }

    /// <summary>The text of the PDF at <paramref name="path"/>: pages joined, whitespace removed.</summary>
    public static string Of(string path) => Read(path).Text;

    public static PdfText Read(string path) => Read(File.ReadAllBytes(path));

    public static PdfText Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages()
            .Select(page => new PdfPageText(page.Number, page.Width, Squash(page.Text), page.Letters
                .Select(l => new PdfLetter(l.Value, l.FontName ?? "", l.PointSize,
                    l.BoundingBox.Left, l.BoundingBox.Right, l.BoundingBox.Bottom, l.BoundingBox.Top,
                    l.StartBaseLine.X, l.EndBaseLine.X, l.StartBaseLine.Y))
                .ToList())
            {
                Paths = page.Paths
                    .Select(path => (Path: path, Box: path.GetBoundingRectangle()))
                    .Where(p => p.Box is not null && !p.Path.IsClipping)
                    .Select(p => new PdfDrawnPath(p.Box!.Value.Left, p.Box.Value.Right, p.Box.Value.Bottom, p.Box.Value.Top,
                        p.Path.IsStroked, p.Path.IsFilled, p.Path.LineDashPattern is { Array.Count: > 0 }))
                    .ToList(),
            })
            .ToList();
        var info = document.Information;
        return new PdfText(pages, new PdfInformation(info.Title, info.Author, info.CreationDate, info.ModifiedDate));
    }

    /// <summary>Text without whitespace: PdfPig puts spaces between letters a layout sets apart.</summary>
    public static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}

/// <summary>A page: its number (from 1), width in points, text without whitespace, every letter drawn on it, and the
/// bounding boxes of the paths drawn (rules, bars, a chart's frame and lines).</summary>
public sealed record PdfPageText(int Number, double Width, string Text, IReadOnlyList<PdfLetter> Letters)
{
    public IReadOnlyList<PdfDrawnPath> Paths { get; init; } = [];

    /// <summary>The page's lines of visible letters of one size: letters of that size (±0.1 pt) on one baseline,
    /// left to right, top line first.</summary>
    public IReadOnlyList<string> LinesOfSize(double size) => Visible
        .Where(l => Math.Abs(l.PointSize - size) < 0.1)
        .GroupBy(l => Math.Round(l.BaselineY, 1))
        .OrderByDescending(g => g.Key)
        .Select(g => string.Concat(g.OrderBy(l => l.BaselineStartX).Select(l => l.Value)))
        .ToList();

    /// <summary>The letters that show something (not spaces).</summary>
    public IReadOnlyList<PdfLetter> Visible => Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
}

/// <summary>
/// A letter as drawn: its font (subset prefix included), size in points, bounding box and baseline, in PDF points
/// measured from the page's bottom left.
/// </summary>
public sealed record PdfLetter(string Value, string FontName, double PointSize, double Left, double Right, double Bottom, double Top, double BaselineStartX, double BaselineEndX, double BaselineY);

/// <summary>A path as drawn: its bounding box in PDF points from the page's bottom left, whether it is stroked, filled,
/// dashed.</summary>
public sealed record PdfDrawnPath(double Left, double Right, double Bottom, double Top, bool Stroked, bool Filled, bool Dashed);

/// <summary>The document information dictionary's entries tests check.</summary>
public sealed record PdfInformation(string? Title, string? Author, string? CreationDate, string? ModifiedDate);
