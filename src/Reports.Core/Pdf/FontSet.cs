using System.Text;
using SkiaSharp;

namespace Reports.Pdf;

/// <summary>A run of text set in one font of a fallback chain.</summary>
internal readonly record struct FontRun(string Text, SKFont Font, int RuneCount);

/// <summary>
/// A font at one size and weight: the role's font first, then the fallback font; each character is set in the
/// first font of the chain that has it. The font files have no bold face; bold is drawn as fill + stroke
/// (Skia writes such text as outlines plus invisible real text, so it still extracts; an emboldened SKFont
/// would instead become a Type 3 font).
/// </summary>
internal sealed class TextFont(IReadOnlyList<SKFont> chain, bool bold)
{
    /// <summary>Stroke width of the fake bold, in ems.</summary>
    private const float BoldStroke = 0.035f;

    private readonly Dictionary<int, int> _fontOf = new();

    public bool Bold => bold;
    public float Size => chain[0].Size;
    public float BoldStrokeWidth => bold ? Size * BoldStroke : 0;

    /// <summary>Advance width of <paramref name="text"/> (the fake-bold stroke does not change advances).</summary>
    public float Measure(string text)
    {
        float width = 0;
        foreach (var run in Runs(text))
        {
            width += run.Font.MeasureText(run.Text);
        }
        return width;
    }

    /// <summary>Splits <paramref name="text"/> into runs of consecutive characters set in the same font.</summary>
    public IReadOnlyList<FontRun> Runs(string text)
    {
        var runs = new List<FontRun>(1);
        var current = new StringBuilder();
        int currentFont = -1, count = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var font = FontIndexOf(rune.Value);
            if (font != currentFont && current.Length > 0)
            {
                runs.Add(new FontRun(current.ToString(), chain[currentFont], count));
                current.Clear();
                count = 0;
            }

            currentFont = font;
            current.Append(rune.ToString());
            count++;
        }

        if (current.Length > 0)
        {
            runs.Add(new FontRun(current.ToString(), chain[currentFont], count));
        }
        return runs;
    }

    /// <summary>The first font of the chain with a glyph for the character; the last (fallback) font if none has
    /// one (the renderer has already reported such characters). White space stays with the previous font.</summary>
    private int FontIndexOf(int codePoint)
    {
        if (!_fontOf.TryGetValue(codePoint, out var index))
        {
            index = chain.Count - 1;
            for (var i = 0; i < chain.Count; i++)
            {
                if (chain[i].GetGlyph(codePoint) != 0)
                {
                    index = i;
                    break;
                }
            }

            _fontOf.Add(codePoint, index);
        }

        return index;
    }
}

/// <summary>The document's (subset) typefaces per role and the fonts made from them, cached by size, weight and role.
/// Fonts use unhinted linear metrics so measured widths match the advances written to the PDF.</summary>
internal sealed class FontSet : IDisposable
{
    private readonly IReadOnlyDictionary<PdfFontRole, IReadOnlyList<SKTypeface>> _chains;
    private readonly Dictionary<(float Size, bool Bold, PdfFontRole Role), TextFont> _fonts = new();
    private readonly List<SKFont> _skiaFonts = new();

    private readonly IReadOnlySet<PdfFontRole> _emboldened;

    /// <param name="chains">Per role, the typefaces to try in order (the last is the fallback).</param>
    /// <param name="chartFontName">The name under which charts find the fallback typeface.</param>
    /// <param name="emboldened">Roles set in a stand-in face that is drawn with a fake bold.</param>
    public FontSet(IReadOnlyDictionary<PdfFontRole, IReadOnlyList<SKTypeface>> chains, string chartFontName, IReadOnlySet<PdfFontRole>? emboldened = null)
    {
        _chains = chains;
        ChartFontName = chartFontName;
        _emboldened = emboldened ?? new HashSet<PdfFontRole>();
    }

    /// <summary>One typeface for every role (layout tests).</summary>
    public FontSet(SKTypeface typeface)
        : this(Enum.GetValues<PdfFontRole>().ToDictionary(r => r, _ => (IReadOnlyList<SKTypeface>)[typeface]), "")
    {
    }

    public string ChartFontName { get; }

    /// <summary>Whether a role's text is drawn with a fake bold (its face stands in for a heavier one).</summary>
    public bool IsEmboldened(PdfFontRole role) => _emboldened.Contains(role);

    public TextFont Get(float size, bool bold = false, PdfFontRole role = PdfFontRole.Body)
    {
        if (!_fonts.TryGetValue((size, bold, role), out var font))
        {
            var chain = _chains[role].Select(typeface =>
            {
                var skia = new SKFont(typeface, size)
                {
                    Hinting = SKFontHinting.None,
                    Subpixel = true,
                    LinearMetrics = true,
                    Edging = SKFontEdging.Antialias,
                };
                _skiaFonts.Add(skia);
                return skia;
            }).ToList();
            font = new TextFont(chain, bold);
            _fonts.Add((size, bold, role), font);
        }

        return font;
    }

    /// <summary>Disposes the fonts; the typefaces belong to <see cref="SubsetTypefaces"/>.</summary>
    public void Dispose()
    {
        foreach (var font in _skiaFonts)
        {
            font.Dispose();
        }
        _skiaFonts.Clear();
        _fonts.Clear();
    }
}
