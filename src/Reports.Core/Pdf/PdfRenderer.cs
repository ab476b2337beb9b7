using System.Globalization;
using System.Text;
using SkiaSharp;

namespace Reports.Pdf;

/// <summary>Renders a <see cref="PdfDocumentModel"/> to PDF with Skia.</summary>
/// <remarks>
/// Two passes: all text of the document is collected first and each font is subset to the code points it must
/// draw (plus printable ASCII) with HarfBuzz, because Skia embeds fonts whole; the fallback font gets what the
/// body and heading fonts lack, and the charts' text. Then the blocks are laid out with the subset typefaces,
/// paginated and drawn. The same model renders to byte-identical files.
/// </remarks>
public static class PdfRenderer
{
    /// <summary>Renders with one font for everything.</summary>
    public static PdfRenderReport Render(PdfDocumentModel model, PdfFontFile font, PdfPageSettings page, Stream output) =>
        Render(model, new PdfFonts(font), page, output);

    public static PdfRenderReport Render(PdfDocumentModel model, PdfFonts fonts, PdfPageSettings page, Stream output)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(fonts);
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(output);
        foreach (var file in Enum.GetValues<PdfFontRole>().Select(fonts.For).Append(fonts.Fallback).Distinct())
        {
            if (!File.Exists(file.Path))
            {
                throw new FileNotFoundException($"简报字体文件不存在：{file.Path}", file.Path);
            }
        }

        var width = page.WidthPt - page.MarginLeftPt - page.MarginRightPt;
        var bodyHeight = page.HeightPt - page.MarginTopPt - page.MarginBottomPt;
        if (width <= 0 || bodyHeight <= 0)
        {
            throw new ArgumentException("页边距过大，页面上没有留出版心", nameof(page));
        }

        // Pass 1: subset the fonts to the document's code points.
        var text = DocumentCodePoints.Collect(model);
        var (fontSet, missing) = SubsetFonts(fonts, text);

        // Pass 2: lay out, paginate, draw.
        using (fontSet)
        {
            var context = new LayoutContext(fontSet, width, bodyHeight) { Words = new WordSpans(model.Vocabulary) };
            var fragments = model.Blocks.SelectMany(b => LayoutElements.For(b).Layout(context)).ToList();
            var pages = PageBreaker.Paginate(fragments, bodyHeight);

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
            using (var document = SKDocument.CreatePdf(buffer, metadata)
                                         ?? throw new InvalidOperationException("Skia 无法创建 PDF 文档"))
            {
                for (var p = 0; p < pages.Count; p++)
                {
                    var canvas = document.BeginPage(page.WidthPt, page.HeightPt);
                    foreach (var placed in pages[p])
                    {
                        placed.Fragment.Draw(canvas, page.MarginLeftPt, page.MarginTopPt + placed.Y, width);
                    }
                    DrawFooter(canvas, model.FooterFormat, p + 1, pages.Count, fontSet, page);
                    document.EndPage();
                }

                document.Close();
            }

            var pdf = buffer.ToArray();
            PatchDates(pdf, model.Metadata.Created);
            output.Write(pdf);
            output.Flush();
        }

        return new PdfRenderReport(missing);
    }

    /// <summary>
    /// Subsets each role's font to the text set in it, then the fallback font to what they lack plus the charts'
    /// text; returns the fonts and the characters that no font of their chain has.
    /// </summary>
    internal static (FontSet Fonts, IReadOnlyList<int> Missing) SubsetFonts(PdfFonts fonts, DocumentCodePoints text)
    {
        var roles = Enum.GetValues<PdfFontRole>();
        var cache = new Dictionary<PdfFontFile, byte[]>();
        byte[] Bytes(PdfFontFile file)
        {
            if (!cache.TryGetValue(file, out var bytes))
            {
                bytes = File.ReadAllBytes(file.Path);
                cache.Add(file, bytes);
            }

            return bytes;
        }

        // What each font file must draw: the code points of the roles it serves (+ ASCII for figures and page numbers).
        // Sorted by path so the order of subsetting (and so the bytes) never depends on dictionary order.
        var needs = new SortedDictionary<PdfFontFile, SortedSet<int>>(Comparer<PdfFontFile>.Create((a, b) =>
            string.CompareOrdinal(a.Path, b.Path) is var c && c != 0 ? c : a.FaceIndex.CompareTo(b.FaceIndex)));
        void Need(PdfFontFile file, IEnumerable<int> codePoints)
        {
            if (!needs.TryGetValue(file, out var set))
            {
                needs.Add(file, set = new SortedSet<int>(DocumentCodePoints.PrintableAscii));
            }
            set.UnionWith(codePoints);
        }

        foreach (var role in roles)
        {
            Need(fonts.For(role), text.Roles[role]);
        }
        Need(fonts.Fallback, text.Chart);

        var typefaces = new Dictionary<PdfFontFile, SKTypeface>();
        var chartFontName = "";
        SKTypeface Load(PdfFontFile file)
        {
            var (name, typeface) = SubsetTypefaces.Get(FontSubsetter.Subset(Bytes(file), file.FaceIndex, needs[file]));
            typefaces[file] = typeface;
            if (file == fonts.Fallback)
            {
                chartFontName = name;
            }
            return typeface;
        }

        // The configured fonts first: what they lack goes to the fallback font.
        foreach (var file in needs.Keys.Where(f => f != fonts.Fallback).ToList())
        {
            using var probe = new SKFont(Load(file));
            Need(fonts.Fallback, needs[file].Where(cp => probe.GetGlyph(cp) == 0));
        }

        Load(fonts.Fallback);

        IReadOnlyList<SKTypeface> Chain(PdfFontFile primary) =>
            primary == fonts.Fallback ? [typefaces[primary]] : [typefaces[primary], typefaces[fonts.Fallback]];
        var chains = roles.ToDictionary(r => r, r => Chain(fonts.For(r)));

        var missing = new SortedSet<int>();
        void Check(IEnumerable<int> codePoints, IReadOnlyList<SKTypeface> chain)
        {
            var probes = chain.Select(t => new SKFont(t)).ToList();
            missing.UnionWith(codePoints.Where(cp => !Rune.IsWhiteSpace(new Rune(cp)) && probes.All(p => p.GetGlyph(cp) == 0)));
            probes.ForEach(p => p.Dispose());
        }

        foreach (var role in roles)
        {
            Check(text.Roles[role], chains[role]);
        }
        Check(text.Chart, [typefaces[fonts.Fallback]]);
        return (new FontSet(chains, chartFontName, fonts.Emboldened), missing.ToList());
    }

    /// <summary>
    /// SkiaSharp writes the Info dictionary's dates as "D:yyyyMMddHHmmss+HH'mm'" with the offset of the machine's
    /// time zone, so the same model would give different bytes (and a wrong instant) in another time zone.
    /// Overwrite both dates in place with <paramref name="created"/> in its own offset; the length is unchanged,
    /// so the cross-reference table stays valid.
    /// </summary>
    internal static void PatchDates(byte[] pdf, DateTimeOffset created)
    {
        var offset = created.Offset;
        var value = created.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)
                       + (offset < TimeSpan.Zero ? "-" : "+")
                       + offset.Duration().ToString("hh\\'mm\\'", CultureInfo.InvariantCulture);
        var replacement = Encoding.ASCII.GetBytes(value);
        foreach (var key in new[] { "/CreationDate (D:", "/ModDate (D:" })
        {
            var pattern = Encoding.ASCII.GetBytes(key);
            var at = pdf.AsSpan().IndexOf(pattern);
            if (at < 0)
            {
                continue;
            }
            var start = at + pattern.Length;
            var end = Array.IndexOf(pdf, (byte)')', start);
            if (end - start != replacement.Length)
            {
                throw new InvalidOperationException($"PDF 中 {key} 之后的日期格式不符合预期");
            }
            replacement.CopyTo(pdf, start);
        }
    }

    /// <summary>The page number "— 1 —" in 4号 宋体: its dash 7 mm below the 版心, odd pages at the right and even pages at
    /// the left, one character in from the 版心's edge (GB/T 9704-2012 7.5).</summary>
    private static void DrawFooter(SKCanvas canvas, string? format, int pageNumber, int pageCount, FontSet fonts, PdfPageSettings page)
    {
        if (string.IsNullOrEmpty(format))
        {
            return;
        }
        var text = string.Format(CultureInfo.InvariantCulture, format, pageNumber, pageCount);
        var font = fonts.Get(Typography.FooterSize, role: PdfFontRole.Numerals);
        var w = font.Measure(text);
        var odd = pageNumber % 2 == 1;
        var x = odd
            ? page.WidthPt - page.MarginRightPt - Typography.FooterInset - w
            : page.MarginLeftPt + Typography.FooterInset;
        // The dash sits at about a third of the em above the baseline.
        var baseline = page.HeightPt - page.MarginBottomPt + Typography.FooterBelowBody + Typography.FooterSize * 0.33f;
        TextPainter.DrawLine(canvas, text, font, Typography.Text, x, baseline);
    }
}
