using SkiaSharp;

namespace Reports.Pdf;

/// <summary>Draws one line of text, optionally justified (extra space spread over the break opportunities
/// between CJK characters and at spaces) or letter-spaced.</summary>
internal static class TextPainter
{
    /// <summary>Vertical position of the baseline in a line box: the ideographic em box is centred in the box.</summary>
    public static float Baseline(float top, float lineHeight, float fontSize) =>
        top + (lineHeight - fontSize) / 2f + fontSize * 0.86f;

    /// <summary>Width of <paramref name="text"/> including letter spacing between characters.</summary>
    public static float Measure(TextFont font, string text, float letterSpacing = 0)
    {
        float w = font.Measure(text);
        if (letterSpacing != 0 && text.Length > 0)
            w += letterSpacing * (CountRunes(text) - 1);
        return w;
    }

    /// <param name="justifyWidth">When &gt; 0, stretch the line to this width (if it only lacks a little).</param>
    public static void DrawLine(SKCanvas canvas, string text, TextFont textFont, SKColor color, float x, float baseline,
        float justifyWidth = 0, float letterSpacing = 0)
    {
        if (text.Length == 0) return;
        SKFont font = textFont.Skia;
        using var paint = new SKPaint { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };

        float[]? xs = Positions(text, font, paint, justifyWidth, letterSpacing);
        if (xs is null)
        {
            canvas.DrawText(text, x, baseline, SKTextAlign.Left, font, paint);
        }
        else
        {
            using SKTextBlob? blob = SKTextBlob.CreateHorizontal(text, font, xs, 0);
            if (blob is not null) canvas.DrawText(blob, x, baseline, paint);
        }

        if (textFont.Bold)
        {
            // Fake bold: stroke the glyph outlines over the (real, extractable) text.
            using SKPath path = xs is null
                ? font.GetTextPath(text, new SKPoint(x, baseline))
                : font.GetTextPath(text, xs.Select(v => new SKPoint(x + v, baseline)).ToArray());
            using var stroke = new SKPaint
            {
                Color = color,
                IsAntialias = true,
                Style = SKPaintStyle.Stroke,
                StrokeWidth = textFont.BoldStrokeWidth,
                StrokeJoin = SKStrokeJoin.Round,
            };
            canvas.DrawPath(path, stroke);
        }
    }

    /// <summary>Glyph x offsets for a justified or letter-spaced line; null when the natural positions will do.</summary>
    private static float[]? Positions(string text, SKFont font, SKPaint paint, float justifyWidth, float letterSpacing)
    {
        if (justifyWidth <= 0 && letterSpacing == 0) return null;

        ushort[] glyphs = font.GetGlyphs(text);
        float[] advances = font.GetGlyphWidths(glyphs, paint);
        int[] runes = text.EnumerateRunes().Select(r => r.Value).ToArray();
        float extraPerGap = 0;
        bool[] gapAfter = new bool[glyphs.Length];

        if (justifyWidth > 0 && runes.Length == glyphs.Length)
        {
            int gaps = 0;
            for (int i = 0; i + 1 < runes.Length; i++)
            {
                gapAfter[i] = LineBreaker.IsCjk(runes[i]) || LineBreaker.IsCjk(runes[i + 1])
                              || runes[i] == ' ' || runes[i + 1] == ' ';
                if (gapAfter[i]) gaps++;
            }

            float natural = advances.Sum() + letterSpacing * (glyphs.Length - 1);
            float missing = justifyWidth - natural;
            // Only close small gaps (kinsoku push-out, Latin runs); a short line stays ragged.
            if (gaps > 0 && missing > 0.01f && missing <= font.Size * 3f)
                extraPerGap = missing / gaps;
        }

        if (extraPerGap == 0 && letterSpacing == 0) return null;

        var xs = new float[glyphs.Length];
        float pen = 0;
        for (int i = 0; i < glyphs.Length; i++)
        {
            xs[i] = pen;
            pen += advances[i] + letterSpacing + (gapAfter[i] ? extraPerGap : 0);
        }

        return xs;
    }

    private static int CountRunes(string text)
    {
        int n = 0;
        foreach (var _ in text.EnumerateRunes()) n++;
        return n;
    }
}
