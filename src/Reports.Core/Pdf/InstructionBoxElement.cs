using SkiaSharp;

namespace Reports.Pdf;

/// <summary>
/// The 领导批示 box under the 报头: the label in 黑体, then the instruction in 楷体 at the body's size, inside a thin
/// frame. Each line is a fragment of its own (the frame's sides drawn with it, the top and bottom rules with the first
/// and last), so a long instruction may cross a page like any text.
/// </summary>
internal sealed class InstructionBoxElement(PdfInstructionBox box) : ILayoutElement
{
    /// <summary>Room between the frame and the text, in points.</summary>
    private const float Padding = 8f;

    public IEnumerable<Fragment> Layout(LayoutContext context)
    {
        if (box.Paragraphs.Count == 0)
        {
            yield break;
        }
        var size = Typography.BodySize;
        var lineHeight = size * Typography.BodyLeading;
        var labelFont = context.Fonts.Get(size, context.Fonts.IsEmboldened(PdfFontRole.Heading), PdfFontRole.Heading);
        var font = context.Fonts.Get(size, context.Fonts.IsEmboldened(PdfFontRole.Subheading), PdfFontRole.Subheading);
        var inner = context.Width - 2 * Padding;
        var lines = new List<(string Text, TextFont Font, float Indent, bool Justify)> { (box.Label, labelFont, 0, false) };
        foreach (var paragraph in box.Paragraphs)
        {
            var indent = size * Typography.FirstLineIndentChars;
            var broken = context.BreakLines(paragraph, s => font.Measure(s), inner, indent, size);
            lines.AddRange(broken.Select((l, i) => (l, font, i == 0 ? indent : 0f, i < broken.Count - 1)));
        }
        yield return new SpaceFragment(Typography.Heading1SpacingBefore);
        for (var i = 0; i < lines.Count; i++)
        {
            var (text, lineFont, indent, justify) = lines[i];
            var first = i == 0;
            var last = i == lines.Count - 1;
            yield return new FramedLineFragment(text, lineFont, lineHeight + (first ? Padding : 0) + (last ? Padding : 0), first ? Padding : 0, first, last)
            {
                Indent = indent,
                Justify = justify,
                // The label never ends a page alone, nor does the last line start one.
                KeepWithNext = first || i == lines.Count - 2,
            };
        }
        yield return new SpaceFragment(Typography.Heading1SpacingAfter * 2);
    }
}

/// <summary>One line of the box with its part of the frame.</summary>
internal sealed class FramedLineFragment(string text, TextFont font, float height, float textTop, bool top, bool bottom) : Fragment
{
    private const float Padding = 8f;
    private const float RuleWidth = 0.75f;

    public float Indent { get; init; }
    public bool Justify { get; init; }

    public override float Height => height;

    public override void Draw(SKCanvas canvas, float x, float y, float width)
    {
        using var rule = new SKPaint { Color = Typography.Text, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = RuleWidth };
        canvas.DrawLine(x, y, x, y + height, rule);
        canvas.DrawLine(x + width, y, x + width, y + height, rule);
        if (top)
        {
            canvas.DrawLine(x, y, x + width, y, rule);
        }
        if (bottom)
        {
            canvas.DrawLine(x, y + height, x + width, y + height, rule);
        }
        var lineHeight = font.Size * Typography.BodyLeading;
        var baseline = TextPainter.Baseline(y + textTop, lineHeight, font.Size);
        var left = x + Padding + Indent;
        TextPainter.DrawLine(canvas, text, font, Typography.Text, left, baseline, Justify ? width - 2 * Padding - Indent : 0);
    }
}
