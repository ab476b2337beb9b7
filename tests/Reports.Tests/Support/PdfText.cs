using UglyToad.PdfPig;

namespace Reports.Tests.Support;

/// <summary>A PDF's text as PdfPig extracts it, pages joined and spaces removed, for searching figures in.</summary>
public static class PdfText
{
    public static string Of(string path)
    {
        using var document = PdfDocument.Open(path);
        return string.Concat(document.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
    }
}
