using System.Globalization;
using System.Text;
using SkiaSharp;

namespace Reports.Pdf;

/// <summary>Renders a <see cref="PdfDocumentModel"/> to PDF with Skia.</summary>
/// <remarks>
/// Two passes: all text of the document is collected first and the font is subset to exactly those code points
/// (plus printable ASCII) with HarfBuzz, because Skia embeds fonts whole; then the blocks are laid out with the
/// subset typeface, paginated and drawn. The same model renders to byte-identical files.
/// </remarks>
public static class PdfRenderer
{
    public static void Render(PdfDocumentModel model, PdfFontFile font, PdfPageSettings page, Stream output)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(font);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(output);
        if (!File.Exists(font.Path))
            throw new FileNotFoundException($"Font file not found: {font.Path}", font.Path);

        float width = page.WidthPt - page.MarginLeftPt - page.MarginRightPt;
        float bodyHeight = page.HeightPt - page.MarginTopPt - page.MarginBottomPt;
        if (width <= 0 || bodyHeight <= 0)
            throw new ArgumentException("The page margins leave no room for content.", nameof(page));

        // Pass 1: subset the font to the document's code points.
        byte[] subset = FontSubsetter.Subset(File.ReadAllBytes(font.Path), font.FaceIndex, CollectCodePoints(model));
        using SKData data = SKData.CreateCopy(subset);
        SKTypeface typeface = SKTypeface.FromData(data, 0)
            ?? throw new InvalidOperationException($"Skia could not load the subset of font {font.Path} (face {font.FaceIndex}).");

        // Pass 2: lay out, paginate, draw.
        using var fonts = new FontSet(typeface);
        var context = new LayoutContext(fonts, width, bodyHeight);
        var fragments = model.Blocks.SelectMany(b => LayoutElements.For(b).Layout(context)).ToList();
        List<List<PlacedFragment>> pages = PageBreaker.Paginate(fragments, bodyHeight);

        var metadata = new SKDocumentPdfMetadata
        {
            Title = model.Metadata.Title,
            Author = model.Metadata.Author,
            Creator = "Reports",
            Producer = "Reports.Pdf (Skia)",
            // SkiaSharp stamps these with the machine's time zone; PatchDates rewrites them afterwards.
            Creation = model.Metadata.Created.DateTime,
            Modified = model.Metadata.Created.DateTime,
            RasterDpi = SKDocumentPdfMetadata.DefaultRasterDpi,
            EncodingQuality = SKDocumentPdfMetadata.DefaultEncodingQuality,
            PdfA = false,
        };

        using var buffer = new MemoryStream();
        using (SKDocument document = SKDocument.CreatePdf(buffer, metadata)
                                     ?? throw new InvalidOperationException("Skia could not create a PDF document."))
        {
            for (int p = 0; p < pages.Count; p++)
            {
                SKCanvas canvas = document.BeginPage(page.WidthPt, page.HeightPt);
                foreach (PlacedFragment placed in pages[p])
                    placed.Fragment.Draw(canvas, page.MarginLeftPt, page.MarginTopPt + placed.Y, width);
                DrawFooter(canvas, model.FooterFormat, p + 1, pages.Count, fonts, page);
                document.EndPage();
            }

            document.Close();
        }

        byte[] pdf = buffer.ToArray();
        PatchDates(pdf, model.Metadata.Created);
        output.Write(pdf);
        output.Flush();
    }

    /// <summary>
    /// SkiaSharp writes the Info dictionary's dates as "D:yyyyMMddHHmmss+HH'mm'" with the offset of the machine's
    /// time zone, so the same model would give different bytes (and a wrong instant) in another time zone.
    /// Overwrite both dates in place with <paramref name="created"/> in its own offset; the length is unchanged,
    /// so the cross-reference table stays valid.
    /// </summary>
    internal static void PatchDates(byte[] pdf, DateTimeOffset created)
    {
        TimeSpan offset = created.Offset;
        string value = created.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)
                       + (offset < TimeSpan.Zero ? "-" : "+")
                       + offset.Duration().ToString("hh\\'mm\\'", CultureInfo.InvariantCulture);
        byte[] replacement = Encoding.ASCII.GetBytes(value);
        foreach (string key in new[] { "/CreationDate (D:", "/ModDate (D:" })
        {
            byte[] pattern = Encoding.ASCII.GetBytes(key);
            int at = pdf.AsSpan().IndexOf(pattern);
            if (at < 0) continue;
            int start = at + pattern.Length;
            int end = Array.IndexOf(pdf, (byte)')', start);
            if (end - start != replacement.Length)
                throw new InvalidOperationException($"Unexpected PDF date format after {key}");
            replacement.CopyTo(pdf, start);
        }
    }

    private static void DrawFooter(SKCanvas canvas, string? format, int pageNumber, int pageCount, FontSet fonts, PdfPageSettings page)
    {
        if (string.IsNullOrEmpty(format)) return;
        string text = string.Format(CultureInfo.InvariantCulture, format, pageNumber, pageCount);
        TextFont font = fonts.Get(Typography.FooterSize);
        float w = font.Measure(text);
        TextPainter.DrawLine(canvas, text, font, Typography.Text, (page.WidthPt - w) / 2f,
            page.HeightPt - Typography.FooterBaselineFromBottom);
    }

    /// <summary>Every code point the document draws, plus printable ASCII (digits for page numbers etc.).</summary>
    internal static SortedSet<int> CollectCodePoints(PdfDocumentModel model)
    {
        var set = new SortedSet<int>();
        for (int cp = 0x20; cp <= 0x7E; cp++) set.Add(cp);

        void Add(string? s)
        {
            if (s is null) return;
            foreach (Rune r in s.EnumerateRunes())
                if (r.Value >= 0x20) set.Add(r.Value);
        }

        Add(model.FooterFormat);
        foreach (PdfBlock block in model.Blocks)
        {
            switch (block)
            {
                case PdfMasthead m:
                    Add(m.Title); Add(m.IssueLine); Add(m.Office); Add(m.Date);
                    break;
                case PdfHeading h:
                    Add(h.Text);
                    break;
                case PdfParagraph p:
                    Add(p.Text);
                    break;
                case PdfTable t:
                    Add(t.Caption);
                    foreach (PdfTableColumn c in t.Columns) Add(c.Title);
                    foreach (IReadOnlyList<string> row in t.Rows)
                        foreach (string cell in row) Add(cell);
                    break;
            }
        }

        return set;
    }
}
