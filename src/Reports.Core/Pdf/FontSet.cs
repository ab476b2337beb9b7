using SkiaSharp;

namespace Reports.Pdf;

/// <summary>A font at one size and weight. The font file has no bold face; bold is drawn as fill + stroke
/// (Skia writes such text as outlines plus invisible real text, so it still extracts; an emboldened SKFont
/// would instead become a Type 3 font).</summary>
internal sealed class TextFont(SKFont skia, bool bold)
{
    /// <summary>Stroke width of the fake bold, in ems.</summary>
    private const float BoldStroke = 0.035f;

    public SKFont Skia => skia;
    public bool Bold => bold;
    public float Size => skia.Size;
    public float BoldStrokeWidth => bold ? skia.Size * BoldStroke : 0;

    /// <summary>Advance width of <paramref name="text"/> (the fake-bold stroke does not change advances).</summary>
    public float Measure(string text) => skia.MeasureText(text);
}

/// <summary>The document's (subset) typeface and the fonts made from it, cached by size and weight.
/// Fonts use unhinted linear metrics so measured widths match the advances written to the PDF.</summary>
internal sealed class FontSet : IDisposable
{
    private readonly SKTypeface _typeface;
    private readonly Dictionary<(float Size, bool Bold), TextFont> _fonts = new();

    public FontSet(SKTypeface typeface) => _typeface = typeface;

    public TextFont Get(float size, bool bold = false)
    {
        if (!_fonts.TryGetValue((size, bold), out TextFont? font))
        {
            var skia = new SKFont(_typeface, size)
            {
                Hinting = SKFontHinting.None,
                Subpixel = true,
                LinearMetrics = true,
                Edging = SKFontEdging.Antialias,
            };
            font = new TextFont(skia, bold);
            _fonts.Add((size, bold), font);
        }

        return font;
    }

    public void Dispose()
    {
        foreach (TextFont font in _fonts.Values) font.Skia.Dispose();
        _fonts.Clear();
        _typeface.Dispose();
    }
}
