using SkiaSharp;

namespace Reports.Pdf;

/// <summary>报头: red letter-spaced title, centred issue line, office (left) and date (right), red rule.</summary>
internal sealed class MastheadElement(PdfMasthead masthead) : ILayoutElement
{
    public IEnumerable<Fragment> Layout(LayoutContext context)
    {
        var titleFont = context.Fonts.Get(Typography.MastheadTitleSize, context.Fonts.IsEmboldened(PdfFontRole.Title), PdfFontRole.Title);
        var issueFont = context.Fonts.Get(Typography.MastheadIssueSize);
        var infoFont = context.Fonts.Get(Typography.MastheadInfoSize);
        var spacing = Typography.MastheadTitleSize * Typography.MastheadTitleLetterSpacing;

        var titleLines = context.BreakLines(masthead.Title, s => TextPainter.Measure(titleFont, s, spacing), context.Width);
        yield return new MastheadFragment(masthead, titleLines, titleFont, issueFont, infoFont, spacing);
        yield return new SpaceFragment(Typography.MastheadSpacingAfter);
    }
}

internal sealed class MastheadFragment(
    PdfMasthead masthead, IReadOnlyList<string> titleLines, TextFont titleFont, TextFont issueFont, TextFont infoFont, float letterSpacing)
    : Fragment
{
    private const float TitleLeading = 1.45f;
    private const float IssueLeading = 1.8f;
    private const float InfoLeading = 1.6f;
    private const float RuleGap = 4f;

    private float TitleHeight => titleLines.Count * titleFont.Size * TitleLeading;
    private float IssueHeight => masthead.IssueLine.Length > 0 ? issueFont.Size * IssueLeading : 0;
    private float InfoHeight => infoFont.Size * InfoLeading;

    public override float Height => TitleHeight + IssueHeight + InfoHeight + RuleGap + Typography.MastheadRuleWidth;

    public override void Draw(SKCanvas canvas, float x, float y, float width)
    {
        var top = y;
        foreach (var line in titleLines)
        {
            var lh = titleFont.Size * TitleLeading;
            var w = TextPainter.Measure(titleFont, line, letterSpacing);
            TextPainter.DrawLine(canvas, line, titleFont, Typography.Red, x + (width - w) / 2f,
                TextPainter.Baseline(top, lh, titleFont.Size), 0, letterSpacing);
            top += lh;
        }

        if (IssueHeight > 0)
        {
            var w = issueFont.Measure(masthead.IssueLine);
            TextPainter.DrawLine(canvas, masthead.IssueLine, issueFont, Typography.Text, x + (width - w) / 2f,
                TextPainter.Baseline(top, IssueHeight, issueFont.Size));
            top += IssueHeight;
        }

        var baseline = TextPainter.Baseline(top, InfoHeight, infoFont.Size);
        TextPainter.DrawLine(canvas, masthead.Office, infoFont, Typography.Text, x, baseline);
        var dateWidth = infoFont.Measure(masthead.Date);
        TextPainter.DrawLine(canvas, masthead.Date, infoFont, Typography.Text, x + width - dateWidth, baseline);
        top += InfoHeight + RuleGap;

        using var rule = new SKPaint { Color = Typography.Red, IsAntialias = true, Style = SKPaintStyle.Fill };
        canvas.DrawRect(new SKRect(x, top, x + width, top + Typography.MastheadRuleWidth), rule);
    }
}
