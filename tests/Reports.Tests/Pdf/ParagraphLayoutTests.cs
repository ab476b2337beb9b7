using Reports.Pdf;
using SkiaSharp;

namespace Reports.Tests.Pdf;

public sealed class ParagraphLayoutTests
{
    [Fact]
    public void A_justified_paragraph_does_not_end_with_a_lone_character()
    {
        using var fonts = new FontSet(SKTypeface.FromFile(TestFont.FontPath, 0));
        var font = fonts.Get(Typography.BodySize);
        var text = "各县要对照时序进度查找差距加快推进确保按期完成任务。";  // 25 ideographs and a full stop
        // Room for exactly 12 ideographs a line: unguarded, the lines would be 12 + 12 + "务。".
        var width = font.Measure("各县要对照时序进度查找差") + 0.5f;
        Assert.Equal("务。", LineBreaker.Break(text, width, s => font.Measure(s))[^1]);

        var context = new LayoutContext(fonts, width, 700);
        var lines = new ParagraphElement(new PdfParagraph(text, FirstLineIndent: false)).Layout(context).OfType<TextLineFragment>().ToList();
        Assert.Equal(text, string.Concat(lines.Select(l => l.Text)));
        Assert.True(lines[^1].Text.Length >= 3, $"last line “{lines[^1].Text}”");
        Assert.All(lines.SkipLast(1), l => Assert.True(l.Justify));
    }
}
