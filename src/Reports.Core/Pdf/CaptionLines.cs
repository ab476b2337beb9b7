namespace Reports.Pdf;

/// <summary>The caption over a table or chart: the heading face at caption size, centred, balanced over its lines, kept with what it names.</summary>
internal static class CaptionLines
{
    public static IEnumerable<Fragment> Layout(LayoutContext context, string caption)
    {
        var captionFont = context.Fonts.Get(Typography.TableCaptionSize, context.Fonts.IsEmboldened(PdfFontRole.Heading), PdfFontRole.Heading);
        foreach (var line in context.BreakBalanced(caption, s => captionFont.Measure(s), context.Width, Typography.TableCaptionSize / 2))
        {
            yield return new TextLineFragment(line, captionFont, Typography.Text, Typography.TableCaptionSize * 1.6f)
            {
                Align = PdfAlign.Center,
                KeepWithNext = true,
            };
        }
    }
}
