using SkiaSharp;

namespace Reports.Pdf;

/// <summary>报尾 (GB/T 9704-2012 7.4): the distribution lines (a hanging indent after "抄送：" and the like), one
/// character in from each side, then the 印发 line (office left, date and copies right), between rules: the first and
/// the last thick, the one above the 印发 line thin; kept together and set at the foot of the last page.</summary>
internal sealed class DistributionElement(PdfDistribution distribution) : ILayoutElement
{
    public IEnumerable<Fragment> Layout(LayoutContext context)
    {
        var issued = !string.IsNullOrEmpty(distribution.IssuedBy) || !string.IsNullOrEmpty(distribution.IssuedOn);
        if (distribution.Lines.Count == 0 && string.IsNullOrEmpty(distribution.Copies) && !issued)
        {
            yield break;
        }
        var font = context.Fonts.Get(Typography.DistributionSize);
        var inset = Typography.DistributionSize;
        var inner = context.Width - 2 * inset;
        var lines = new List<(string Text, float Indent)>();
        foreach (var line in distribution.Lines)
        {
            // Continuation lines align after the label ("抄送：").
            var colon = line.IndexOf('：', StringComparison.Ordinal);
            var hang = colon >= 0 && colon < 6 ? font.Measure(line[..(colon + 1)]) : 0;
            var broken = LineBreaker.Break(line, inner - hang, s => font.Measure(s), -hang);
            lines.AddRange(broken.Select((l, i) => (l, i == 0 ? 0f : hang)));
        }

        yield return new SpaceFragment(Typography.DistributionSpacingBefore);
        yield return new DistributionFragment(lines, distribution, font, inset) { PinToPageFoot = true };
    }
}

internal sealed class DistributionFragment(IReadOnlyList<(string Text, float Indent)> lines, PdfDistribution distribution, TextFont font, float inset) : Fragment
{
    private float LineHeight => font.Size * Typography.DistributionLeading;

    private string IssuedBy => distribution.IssuedBy ?? "";

    /// <summary>The date, then the copies: "2022年6月30日印发（共印60份）".</summary>
    private string IssuedOn => (string.IsNullOrEmpty(distribution.IssuedOn) ? "" : distribution.IssuedOn + "印发") + (distribution.Copies ?? "");

    private bool HasIssuedLine => IssuedBy.Length > 0 || IssuedOn.Length > 0;

    private float ListHeight => lines.Count * LineHeight;

    public override float Height =>
        (lines.Count > 0 ? ListHeight + 2 * Typography.DistributionRuleGap : 0)
        + (HasIssuedLine ? LineHeight + 2 * Typography.DistributionRuleGap : 0);

    public override void Draw(SKCanvas canvas, float x, float y, float width)
    {
        using var thick = Rule(Typography.DistributionThickRule);
        using var thin = Rule(Typography.DistributionThinRule);
        canvas.DrawLine(x, y, x + width, y, thick);
        var top = y;
        if (lines.Count > 0)
        {
            top += Typography.DistributionRuleGap;
            foreach (var (text, indent) in lines)
            {
                TextPainter.DrawLine(canvas, text, font, Typography.Text, x + inset + indent, TextPainter.Baseline(top, LineHeight, font.Size));
                top += LineHeight;
            }

            top += Typography.DistributionRuleGap;
            if (HasIssuedLine)
            {
                canvas.DrawLine(x, top, x + width, top, thin);
            }
        }

        if (HasIssuedLine)
        {
            top += Typography.DistributionRuleGap;
            var baseline = TextPainter.Baseline(top, LineHeight, font.Size);
            TextPainter.DrawLine(canvas, IssuedBy, font, Typography.Text, x + inset, baseline);
            TextPainter.DrawLine(canvas, IssuedOn, font, Typography.Text, x + width - inset - font.Measure(IssuedOn), baseline);
            top += LineHeight + Typography.DistributionRuleGap;
        }

        canvas.DrawLine(x, top, x + width, top, thick);
    }

    private static SKPaint Rule(float width) => new() { Color = Typography.Text, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width };
}
