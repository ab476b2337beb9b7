using Reports.Pdf;
using SkiaSharp;

namespace Reports.Tests.Pdf;

/// <summary>
/// A page is not left a third empty because a chart moved to the next one, a closing paragraph never stands alone on
/// a page, and a chart's value labels stay clear of its reference line.
/// </summary>
public sealed class PageFillTests
{
    private const float Body = 600;

    private static TextLineFragment Line(FontSet fonts, bool keep = false) =>
        new("正文", fonts.Get(16), SKColors.Black, 28) { KeepWithNext = keep };

    private static PdfBarChart Chart(float height = 200) =>
        new("图：测试", [new PdfBar("甲", 96.8), new PdfBar("乙", 120)], "%", 100, "时序进度100%", HeightPt: height);

    [Fact]
    public void A_chart_that_would_leave_a_third_of_the_page_empty_is_drawn_smaller_to_finish_it()
    {
        using var fonts = new FontSet(SKTypeface.FromFile(TestFont.FontPath, 0));
        var context = new LayoutContext(fonts, 400, Body);
        // 14 lines (392 pt) leave 208 pt: the caption and a 200 pt chart need more.
        var fragments = Enumerable.Range(0, 14).Select(_ => (Fragment)Line(fonts)).Concat(new BarChartElement(Chart()).Layout(context)).ToList();
        var pages = PageBreaker.Paginate(fragments, Body);
        Assert.Single(pages, p => p.Count > 0);
        var chart = Assert.Single(pages[0], p => p.Fragment is BarChartFragment);
        Assert.True(chart.Y + chart.Fragment.Height <= Body + 0.01f);
        Assert.InRange(chart.Fragment.Height, 200 * BarChartFragment.SmallestShare, 200);

        // With half the page left no chart is squeezed below its smallest share: it moves, whole.
        var crowded = Enumerable.Range(0, 18).Select(_ => (Fragment)Line(fonts)).Concat(new BarChartElement(Chart()).Layout(context)).ToList();
        var moved = PageBreaker.Paginate(crowded, Body);
        Assert.Equal(200, moved[1].Single(p => p.Fragment is BarChartFragment).Fragment.Height);
    }

    [Fact]
    public void A_closing_paragraph_keeps_the_last_lines_of_the_one_before_it_company()
    {
        using var fonts = new FontSet(SKTypeface.FromFile(TestFont.FontPath, 0));
        var context = new LayoutContext(fonts, 200, Body);
        var perPage = (int)(Body / (Typography.BodySize * Typography.BodyLeading));
        // 12 characters a line (10 on the indented first): a paragraph of exactly a page of lines, then a closing
        // one of two lines, which lands alone on the next page unless kept with the lines before it.
        var text = new string('县', 10 + 12 * (perPage - 1));
        Assert.Equal(perPage, LayoutElements.For(new PdfParagraph(text)).Layout(context).Count());
        foreach (var keep in new[] { false, true })
        {
            var blocks = new PdfBlock[] { new PdfParagraph(text) { KeepWithNext = keep }, new PdfParagraph("请相关县对照时序进度查找差距加快推进。") };
            var fragments = blocks.SelectMany(b => LayoutElements.For(b).Layout(context)).ToList();
            var pages = PageBreaker.Paginate(fragments, Body);
            var last = pages[^1].Count(p => p.Fragment is TextLineFragment);
            Assert.Equal(keep ? 4 : 2, last);
        }
    }

    [Theory]
    [InlineData(96.8, 100)]
    [InlineData(99.91, 100)]
    [InlineData(100.11, 100)]
    [InlineData(101.0, 100)]
    [InlineData(5, 4.9)]
    public void A_value_label_never_sits_on_the_reference_line(double value, double reference)
    {
        const double labelHeight = 8, clear = 2;
        var (y, alignment) = BarChartFragment.ValueLabelPlace(value, reference, labelHeight, clear);
        var (bottom, top) = alignment == ScottPlot.Alignment.LowerCenter ? (y, y + labelHeight) : (y - labelHeight, y);
        Assert.False(bottom - clear < reference && reference < top + clear, $"label {bottom}–{top} on the line at {reference}");
        // Over its bar or inside it, never below the bar's top by more than the label.
        Assert.True(bottom >= value - labelHeight - clear * 2, $"label {bottom}–{top} detached from the bar at {value}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(12)]
    [InlineData(30)]
    public void The_reference_label_has_room_inside_the_frame(int bars)
    {
        const float width = 440, label = 50;
        var room = BarChartFragment.ReferenceLabelRoom(bars, label, width);
        // The data area's share of room (in slots from −0.6 to n − 0.4 + room) holds the label with margins.
        var slot = (width - 52) / (bars + 0.2 + room);
        Assert.True(room * slot >= label + 2 + 6, $"{room * slot} pt for a {label} pt label");
    }
}
