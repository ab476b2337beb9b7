using SkiaSharp;

namespace Reports.Pdf;

/// <summary>报尾: a rule, the distribution lines (a hanging indent after "抄送：" and the like), a rule, and the
/// number of copies at the right, inside the rules; kept together and set at the foot of the last page.</summary>
internal sealed class DistributionElement(PdfDistribution distribution) : ILayoutElement
{
    public IEnumerable<Fragment> Layout(LayoutContext context)
    {
        if (distribution.Lines.Count == 0 && string.IsNullOrEmpty(distribution.Copies)) yield break;
        var font = context.Fonts.Get(Typography.DistributionSize);
        var lines = new List<(string Text, float Indent)>();
        foreach (string line in distribution.Lines)
        {
            // Continuation lines align after the label ("抄送：").
            int colon = line.IndexOf('：', StringComparison.Ordinal);
            float hang = colon >= 0 && colon < 6 ? font.Measure(line[..(colon + 1)]) : 0;
            var broken = LineBreaker.Break(line, context.Width - hang, s => font.Measure(s), -hang);
            lines.AddRange(broken.Select((l, i) => (l, i == 0 ? 0f : hang)));
        }

        yield return new SpaceFragment(Typography.DistributionSpacingBefore);
        yield return new DistributionFragment(lines, distribution.Copies, font) { PinToPageFoot = true };
    }
}

internal sealed class DistributionFragment(IReadOnlyList<(string Text, float Indent)> lines, string? copies, TextFont font) : Fragment
{
    private float LineHeight => font.Size * Typography.DistributionLeading;
    private int CopiesLines => string.IsNullOrEmpty(copies) ? 0 : 1;

    public override float Height => (lines.Count + CopiesLines) * LineHeight + 2 * Typography.DistributionRuleGap;

    public override void Draw(SKCanvas canvas, float x, float y, float width)
    {
        using var rule = new SKPaint { Color = Typography.Text, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = Typography.DistributionRuleWidth };
        canvas.DrawLine(x, y, x + width, y, rule);
        float top = y + Typography.DistributionRuleGap;
        foreach (var (text, indent) in lines)
        {
            TextPainter.DrawLine(canvas, text, font, Typography.Text, x + indent, TextPainter.Baseline(top, LineHeight, font.Size));
            top += LineHeight;
        }

        // The number of copies closes the block, at the right, inside the rules.
        if (CopiesLines > 0)
        {
            float w = font.Measure(copies!);
            TextPainter.DrawLine(canvas, copies!, font, Typography.Text, x + width - w, TextPainter.Baseline(top, LineHeight, font.Size));
        }

        canvas.DrawLine(x, y + Height, x + width, y + Height, rule);
    }
}
