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
        var w = font.Measure(text);
        if (letterSpacing != 0 && text.Length > 0)
        {
            w += letterSpacing * (CountRunes(text) - 1);
        }
        return w;
    }

    /// <param name="justifyWidth">When &gt; 0, stretch the line to this width (if it only lacks a little).</param>
    public static void DrawLine(SKCanvas canvas, string text, TextFont textFont, SKColor color, float x, float baseline,
        float justifyWidth = 0, float letterSpacing = 0)
    {
        if (text.Length == 0)
        {
            return;
        }
        var runs = textFont.Runs(text);
        var xs = Positions(runs, justifyWidth, letterSpacing);
        using var paint = new SKPaint { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };
        using var stroke = new SKPaint
        {
            Color = color,
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = textFont.BoldStrokeWidth,
            StrokeJoin = SKStrokeJoin.Round,
        };

        var first = 0;
        foreach (var run in runs)
        {
            var runXs = xs.AsSpan(first, run.RuneCount).ToArray();
            first += run.RuneCount;
            using (var blob = SKTextBlob.CreateHorizontal(run.Text, run.Font, runXs, 0))
            {
                if (blob is not null)
                {
                    canvas.DrawText(blob, x, baseline, paint);
                }
            }

            if (textFont.Bold)
            {
                // Fake bold: stroke the glyph outlines over the (real, extractable) text.
                using var path = run.Font.GetTextPath(run.Text, runXs.Select(v => new SKPoint(x + v, baseline)).ToArray());
                canvas.DrawPath(path, stroke);
            }
        }
    }

    /// <summary>Glyph x offsets of the line's characters (one glyph per character: no shaping), with justification
    /// (extra space spread over the break opportunities) and letter spacing.</summary>
    private static float[] Positions(IReadOnlyList<FontRun> runs, float justifyWidth, float letterSpacing)
    {
        var runes = new List<int>();
        var advances = new List<float>();
        float fontSize = 0;
        foreach (var run in runs)
        {
            runes.AddRange(run.Text.EnumerateRunes().Select(r => r.Value));
            var widths = run.Font.GetGlyphWidths(run.Text);
            // A glyph per character is what Skia gives a TrueType font without shaping; guard against surprises.
            if (widths.Length != run.RuneCount)
            {
                widths = run.Text.EnumerateRunes().Select(r => run.Font.MeasureText(r.ToString())).ToArray();
            }
            advances.AddRange(widths);
            fontSize = Math.Max(fontSize, run.Font.Size);
        }

        var n = runes.Count;
        float extraPerGap = 0;
        var gapAfter = new bool[n];
        if (justifyWidth > 0)
        {
            var gaps = 0;
            for (var i = 0; i + 1 < n; i++)
            {
                gapAfter[i] = LineBreaker.IsCjk(runes[i]) || LineBreaker.IsCjk(runes[i + 1])
                              || runes[i] == ' ' || runes[i + 1] == ' ';
                if (gapAfter[i])
                {
                    gaps++;
                }
            }

            var natural = advances.Sum() + letterSpacing * (n - 1);
            var missing = justifyWidth - natural;
            // Close the gaps a long figure or a kinsoku push-out leaves (a line of an official text is set flush to
            // both edges); only a line far too short (the end of a paragraph, which is not justified) stays ragged.
            if (gaps > 0 && missing > 0.01f && missing <= fontSize * 8f)
            {
                extraPerGap = missing / gaps;
            }
        }

        var xs = new float[n];
        float pen = 0;
        for (var i = 0; i < n; i++)
        {
            xs[i] = pen;
            pen += advances[i] + letterSpacing + (gapAfter[i] ? extraPerGap : 0);
        }

        return xs;
    }

    private static int CountRunes(string text)
    {
        var n = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            n++;
        }
        return n;
    }
}
