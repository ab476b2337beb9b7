using Reports.Pdf;
using SkiaSharp;

namespace Reports.Tests.Pdf;

public class PageBreakerTests
{
    private sealed class Box(string name, float height) : Fragment
    {
        public string Name => name;
        public override float Height => height;
        public override void Draw(SKCanvas canvas, float x, float y, float width) { }
        public override string ToString() => name;
    }

    private static List<List<string>> Names(List<List<PlacedFragment>> pages) =>
        pages.Select(p => p.Select(f => f.Fragment is Box b ? b.Name : "space").ToList()).ToList();

    private static IEnumerable<Fragment> Lines(string prefix, int count, float height = 10) =>
        Enumerable.Range(1, count).Select(i => (Fragment)new Box($"{prefix}{i}", height));

    [Fact]
    public void A_heading_is_not_left_alone_at_the_foot_of_a_page()
    {
        var fragments = Lines("p", 9).Append(new Box("heading", 10) { KeepWithNext = true })
            .Append(new SpaceFragment(2) { KeepWithNext = true })
            .Concat(Lines("q", 3)).ToList();
        var pages = Names(PageBreaker.Paginate(fragments, 100));
        Assert.Equal(2, pages.Count);
        Assert.Equal("p9", pages[0][^1]);
        Assert.Equal(["heading", "space", "q1", "q2", "q3"], pages[1]);
    }

    [Fact]
    public void A_table_header_is_repeated_and_rows_are_not_split()
    {
        var header = new Box("header", 10) { KeepWithNext = true };
        var fragments = new List<Fragment> { header };
        fragments.AddRange(Enumerable.Range(1, 15).Select(i => new Box($"row{i}", 10) { RepeatHeader = header }));
        var pages = Names(PageBreaker.Paginate(fragments, 100));
        Assert.Equal(2, pages.Count);
        Assert.Equal("header", pages[0][0]);
        Assert.Equal("header", pages[1][0]);
        Assert.Equal("row10", pages[1][1]);
        Assert.Equal(16 + 1, pages.Sum(p => p.Count));
    }

    [Fact]
    public void White_space_is_dropped_at_the_page_top()
    {
        var fragments = Lines("a", 10).Append(new SpaceFragment(5)).Concat(Lines("b", 1)).ToList();
        var pages = Names(PageBreaker.Paginate(fragments, 100));
        Assert.Equal(2, pages.Count);
        Assert.Equal(["b1"], pages[1]);
    }

    [Fact]
    public void A_fragment_taller_than_a_page_gets_its_own_page_without_looping()
    {
        var fragments = new List<Fragment> { new Box("a", 10), new Box("huge", 250), new Box("b", 10) };
        var pages = Names(PageBreaker.Paginate(fragments, 100));
        Assert.Equal([["a"], ["huge"], ["b"]], pages);
    }

    [Fact]
    public void A_keep_group_larger_than_a_page_is_placed_in_order()
    {
        var fragments = Enumerable.Range(1, 30).Select(i => (Fragment)new Box($"k{i}", 10) { KeepWithNext = true }).ToList();
        var pages = PageBreaker.Paginate(fragments, 100);
        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.True(p.Sum(f => f.Fragment.Height) <= 100));
    }

    [Fact]
    public void No_fragments_give_one_empty_page()
    {
        Assert.Single(PageBreaker.Paginate([], 100));
    }
}

public class ElementLayoutTests
{
    private static FontSet Fonts() => new(SKTypeface.FromFile(TestFont.FontPath, 0));

    [Fact]
    public void A_paragraph_keeps_its_first_two_and_last_two_lines_together()
    {
        using var fonts = Fonts();
        var context = new LayoutContext(fonts, 200, 700);
        var text = string.Concat(Enumerable.Repeat(SampleDocuments.Sentence3, 3));
        var lines = new ParagraphElement(new PdfParagraph(text)).Layout(context).OfType<TextLineFragment>().ToList();
        Assert.True(lines.Count >= 4);
        Assert.True(lines[0].KeepWithNext);
        Assert.True(lines[^2].KeepWithNext);
        Assert.False(lines[^1].KeepWithNext);
        Assert.False(lines[1].KeepWithNext);
        Assert.Equal(text, string.Concat(lines.Select(l => l.Text)));
    }

    [Fact]
    public void A_heading_keeps_with_the_following_block()
    {
        using var fonts = Fonts();
        var context = new LayoutContext(fonts, 400, 700);
        var fragments = new HeadingElement(new PdfHeading("一、务工就业", 2)).Layout(context).ToList();
        Assert.All(fragments, f => Assert.True(f.KeepWithNext));
    }

    [Fact]
    public void A_table_header_is_shared_and_every_row_repeats_it()
    {
        using var fonts = Fonts();
        var context = new LayoutContext(fonts, 459, 700);
        var rows = new TableElement(SampleDocuments.Table(12)).Layout(context).OfType<TableRowFragment>().ToList();
        Assert.Equal(1 + 13, rows.Count);
        Assert.Null(rows[0].RepeatHeader);
        Assert.All(rows.Skip(1), r => Assert.Same(rows[0], r.RepeatHeader));
    }
}
