using Reports.Pdf;
using SkiaSharp;

namespace Reports.Tests.Pdf;

public class LineBreakerTests
{
    private const string ClosingPunctuation = "，。、；：？！）」』》”’,.;:?!)";
    private const string OpeningPunctuation = "（「『《“‘(";

    /// <summary>A monospace-like measure: CJK = 10, anything else = 5.</summary>
    private static float Measure(string s) => s.EnumerateRunes().Sum(r => LineBreaker.IsCjk(r.Value) ? 10f : 5f);

    private static readonly string[] Texts =
    [
        SampleDocuments.Sentence1,
        SampleDocuments.Sentence2,
        SampleDocuments.Sentence3,
        "全市脱贫劳动力务工总人数104731人，占上年度105.28%。全市脱贫劳动力务工总人数104731人，占上年度105.28%。",
        "（一）《关于做好2024年脱贫人口稳岗就业工作的通知》要求：“稳住规模、提升质量”！",
    ];

    [Fact]
    public void No_line_starts_with_closing_or_ends_with_opening_punctuation_at_any_width()
    {
        foreach (var text in Texts)
        {
            for (float width = 50; width <= 300; width += 5)
            {
                var lines = LineBreaker.Break(text, width, Measure);
                Assert.Equal(text, string.Concat(lines));
                for (var i = 0; i < lines.Count; i++)
                {
                    var line = lines[i];
                    Assert.NotEqual("", line);
                    Assert.True(Measure(line) <= width + 0.01f, $"line '{line}' wider than {width}");
                    if (i > 0)
                    {
                        Assert.False(ClosingPunctuation.Contains(line[0]), $"width {width}: line starts with closing punctuation: '{line}'");
                    }
                    if (i < lines.Count - 1)
                    {
                        Assert.False(OpeningPunctuation.Contains(line[^1]), $"width {width}: line ends with opening punctuation: '{line}'");
                    }
                }
            }
        }
    }

    [Fact]
    public void Numbers_and_percentages_are_never_split()
    {
        var text = SampleDocuments.Sentence1 + SampleDocuments.Sentence1;
        for (float width = 40; width <= 300; width += 5)
        {
            var lines = LineBreaker.Break(text, width, Measure);
            Assert.Equal(2, lines.Count(l => l.Contains("104731", StringComparison.Ordinal)));
            Assert.Equal(2, lines.Count(l => l.Contains("105.28%", StringComparison.Ordinal)));
            Assert.DoesNotContain(lines, l => l.EndsWith("105", StringComparison.Ordinal) || l.StartsWith("28%", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Closing_punctuation_pulls_the_previous_character_to_the_next_line()
    {
        // "一二三四五" fills a 50-wide line exactly; "，" may not start the next line, so "五" moves down with it.
        Assert.Equal(["一二三四", "五，六"], LineBreaker.Break("一二三四五，六", 50, Measure));
        Assert.Equal(["一二三四", "五。”"], LineBreaker.Break("一二三四五。”", 50, Measure));
    }

    [Fact]
    public void Opening_punctuation_stays_with_the_following_character()
    {
        Assert.Equal(["一二三四", "（五）"], LineBreaker.Break("一二三四（五）", 50, Measure));
        Assert.Equal(["一二三", "《四五》"], LineBreaker.Break("一二三《四五》", 40, Measure));
    }

    [Fact]
    public void Breaks_between_any_two_cjk_characters()
    {
        Assert.Equal(["一二三", "四五六", "七"], LineBreaker.Break("一二三四五六七", 30, Measure));
    }

    [Fact]
    public void A_digit_run_moves_whole_to_the_next_line()
    {
        // "人数" (20) + "104731" (30) > 40: the number goes to the next line as a whole.
        Assert.Equal(["总人数", "104731人"], LineBreaker.Break("总人数104731人", 40, Measure));
        Assert.Equal(["总人数", "104731", "人"], LineBreaker.Break("总人数104731人", 30, Measure));
    }

    [Fact]
    public void A_figure_keeps_its_unit()
    {
        // "总人数104731" would fit in 60, but the unit "人" must not start the next line alone.
        Assert.Equal(["总人数", "104731人，"], LineBreaker.Break("总人数104731人，", 60, Measure));
    }

    [Fact]
    public void Latin_words_wrap_at_spaces_and_spaces_are_dropped_at_line_ends()
    {
        var lines = LineBreaker.Break("Latin words like Guangdong wrap", 60, Measure);
        Assert.Equal(["Latin words", "like", "Guangdong", "wrap"], lines);
    }

    [Fact]
    public void A_run_wider_than_the_line_is_split_as_a_fallback()
    {
        var lines = LineBreaker.Break("12345678901234567890", 30, Measure);
        Assert.Equal("12345678901234567890", string.Concat(lines));
        Assert.All(lines, l => Assert.True(Measure(l) <= 30));
    }

    [Fact]
    public void A_first_line_indent_narrows_only_the_first_line()
    {
        var lines = LineBreaker.Break("一二三四五六七八九十", 50, Measure, firstLineIndent: 20);
        Assert.Equal(["一二三", "四五六七八", "九十"], lines);
    }

    [Fact]
    public void A_newline_forces_a_break_and_empty_text_gives_one_empty_line()
    {
        Assert.Equal(["报：市委。", "送：各县。"], LineBreaker.Break("报：市委。\n送：各县。", 500, Measure));
        Assert.Equal([""], LineBreaker.Break("", 100, Measure));
    }

    [Fact]
    public void With_the_real_font_lines_fit_and_keep_figures()
    {
        using var typeface = SKTypeface.FromFile(TestFont.FontPath, 0);
        Assert.NotNull(typeface);
        using var font = new SKFont(typeface, 12) { Hinting = SKFontHinting.None, Subpixel = true, LinearMetrics = true };
        var text = string.Concat(Texts);
        foreach (var width in new[] { 90f, 137f, 200f, 459f })
        {
            var lines = LineBreaker.Break(text, width, s => font.MeasureText(s));
            Assert.Equal(text, string.Concat(lines));
            Assert.All(lines, l => Assert.True(font.MeasureText(l) <= width + 0.05f, $"'{l}' is wider than {width}"));
            Assert.DoesNotContain(lines.Skip(1), l => ClosingPunctuation.Contains(l[0]));
            Assert.Contains(lines, l => l.Contains("105.28%", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains("104731", StringComparison.Ordinal));
        }
    }
}
