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
                .ToList()))
            .ToList();
        var info = document.Information;
        return new PdfText(pages, new PdfInformation(info.Title, info.Author, info.CreationDate, info.ModifiedDate));
    }

    /// <summary>Text without whitespace: PdfPig puts spaces between letters a layout sets apart.</summary>
    public static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}

/// <summary>A page: its number (from 1), width in points, text without whitespace, and every letter drawn on it.</summary>
public sealed record PdfPageText(int Number, double Width, string Text, IReadOnlyList<PdfLetter> Letters)
{
    /// <summary>The letters that show something (not spaces).</summary>
    public IReadOnlyList<PdfLetter> Visible => Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).ToList();
}

/// <summary>
/// A letter as drawn: its font (subset prefix included), size in points, bounding box and baseline, in PDF points
/// measured from the page's bottom left.
/// </summary>
public sealed record PdfLetter(string Value, string FontName, double PointSize, double Left, double Right, double Bottom, double Top, double BaselineStartX, double BaselineEndX, double BaselineY);

/// <summary>The document information dictionary's entries tests check.</summary>
public sealed record PdfInformation(string? Title, string? Author, string? CreationDate, string? ModifiedDate);
