namespace Reports.Pdf;

/// <summary>What elements need to lay themselves out: fonts, the text width and the page body height.</summary>
internal sealed record LayoutContext(FontSet Fonts, float Width, float BodyHeight)
{
    public IReadOnlyList<string> BreakLines(string text, Func<string, float> measure, float maxWidth, float firstLineIndent = 0) =>
        LineBreaker.Break(text, maxWidth, measure, firstLineIndent);
}

/// <summary>A block of the document model turned into measured, drawable fragments.</summary>
internal interface ILayoutElement
{
    IEnumerable<Fragment> Layout(LayoutContext context);
}

internal static class LayoutElements
{
    public static ILayoutElement For(PdfBlock block) => block switch
    {
        PdfMasthead m => new MastheadElement(m),
        PdfHeading h => new HeadingElement(h),
        PdfParagraph p => new ParagraphElement(p),
        PdfTable t => new TableElement(t),
        PdfSpacer s => new SpacerElement(s),
        PdfBarChart c => new BarChartElement(c),
        PdfDistribution d => new DistributionElement(d),
        _ => throw new NotSupportedException($"Unsupported PDF block type {block.GetType().Name}."),
    };
}

internal sealed class SpacerElement(PdfSpacer spacer) : ILayoutElement
{
    public IEnumerable<Fragment> Layout(LayoutContext context)
    {
        if (spacer.HeightPt > 0)
            yield return new SpaceFragment(spacer.HeightPt);
    }
}

internal sealed class HeadingElement(PdfHeading heading) : ILayoutElement
{
    public IEnumerable<Fragment> Layout(LayoutContext context)
    {
        bool title = heading.Level <= 1;
        float size = title ? Typography.Heading1Size : Typography.Heading2Size;
        float lineHeight = size * (title ? Typography.Heading1Leading : Typography.Heading2Leading);
        var font = context.Fonts.Get(size, bold: true, PdfFontRole.Heading);

        yield return new SpaceFragment(title ? Typography.Heading1SpacingBefore : Typography.Heading2SpacingBefore) { KeepWithNext = true };
        foreach (string line in context.BreakLines(heading.Text, s => font.Measure(s), context.Width))
        {
            yield return new TextLineFragment(line, font, Typography.Text, lineHeight)
            {
                Align = title ? PdfAlign.Center : PdfAlign.Left,
                KeepWithNext = true,
            };
        }

        yield return new SpaceFragment(title ? Typography.Heading1SpacingAfter : Typography.Heading2SpacingAfter) { KeepWithNext = true };
    }
}

internal sealed class ParagraphElement(PdfParagraph paragraph) : ILayoutElement
{
    public IEnumerable<Fragment> Layout(LayoutContext context)
    {
        float size = paragraph.FontSizePt ?? Typography.BodySize;
        float lineHeight = size * Typography.BodyLeading;
        var font = context.Fonts.Get(size);
        float indent = paragraph.FirstLineIndent ? size * Typography.FirstLineIndentChars : 0;

        string[] hardLines = paragraph.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (int h = 0; h < hardLines.Length; h++)
        {
            float firstIndent = h == 0 ? indent : 0;
            IReadOnlyList<string> lines = context.BreakLines(hardLines[h], s => font.Measure(s), context.Width, firstIndent);
            for (int i = 0; i < lines.Count; i++)
            {
                yield return new TextLineFragment(lines[i], font, Typography.Text, lineHeight)
                {
                    Indent = i == 0 ? firstIndent : 0,
                    Align = paragraph.Align,
                    Justify = paragraph.Align == PdfAlign.Left && i < lines.Count - 1,
                    // No orphan (first line alone at a page foot) and no widow (last line alone at a page top).
                    KeepWithNext = lines.Count >= 2 && (i == 0 || i == lines.Count - 2),
                };
            }
        }

        yield return new SpaceFragment(Typography.ParagraphSpacingAfter);
    }
}
