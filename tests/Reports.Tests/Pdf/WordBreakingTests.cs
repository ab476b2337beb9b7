using Reports.Pdf;
using Reports.Tests.Support;

namespace Reports.Tests.Pdf;

/// <summary>
/// Lines break between words as a typesetter breaks them: the return's terms and quoted names move to the next line
/// whole, a figure keeps its unit, a caption breaks at its punctuation, and a file name too wide for its column is
/// shortened in the middle without cutting its date.
/// </summary>
public sealed class WordBreakingTests
{
    /// <summary>A monospace-like measure: CJK = 10, anything else = 5.</summary>
    private static float Measure(string s) => s.EnumerateRunes().Sum(r => LineBreaker.IsCjk(r.Value) ? 10f : 5f);

    private static readonly WordSpans Words = new(new PdfVocabulary(["长治市", "完成“百日攻坚”目标任务", "潞州区", "务工总人数"], ["人", "万元", "亿元", "个百分点"]));

    [Fact]
    public void Terms_quoted_names_and_figures_with_their_units_are_never_split_in_ragged_text()
    {
        const string text = "长治市“5+1重点任务百日攻坚”专项行动：潞州区完成“百日攻坚”目标任务的96.8%，投放小额信贷2.58亿元，落后3.2个百分点，务工总人数5379人。";
        string[] words = ["长治市", "“5+1重点任务百日攻坚”", "潞州区", "完成“百日攻坚”目标任务", "2.58亿元", "5379人", "务工总人数", "3.2个百分点"];
        // Every width at which the longest word (13 characters) still fits a line.
        for (float width = 135; width <= 400; width += 5)
        {
            var lines = LineBreaker.Break(text, width, Measure, 0, Words, float.PositiveInfinity);
            Assert.Equal(text, string.Concat(lines));
            Assert.All(lines, line => Assert.True(Measure(line) <= width + 0.01f, $"“{line}” wider than {width}"));
            Assert.Null(LineBreaks.SplitWord(lines, words));
            // Without the words, the same text does split some of them at some widths: the check can fail.
        }
        Assert.Contains(Enumerable.Range(27, 54).Select(w => LineBreaker.Break(text, w * 5f, Measure)), lines => LineBreaks.SplitWord(lines, words) is not null);
    }

    [Fact]
    public void In_justified_text_a_word_moves_whole_only_while_the_room_it_leaves_is_small()
    {
        // 20 characters a line; "完成“百日攻坚”目标任务" (12) starts after 4: moving it would leave 16 empty.
        const string text = "今年以来完成“百日攻坚”目标任务进展顺利。";
        var lines = LineBreaker.Break(text, 200, Measure, 0, Words, 40);
        Assert.StartsWith("今年以来完成“百日攻坚”", lines[0], StringComparison.Ordinal);
        // After 17 characters of 20 it leaves 3, within the 4 allowed: it moves whole.
        var loose = LineBreaker.Break("今年以来的工作中各县市区均已经全面完成“百日攻坚”目标任务。", 200, Measure, 0, Words, 40);
        Assert.Equal("今年以来的工作中各县市区均已经全面", loose[0]);
        Assert.Null(LineBreaks.SplitWord(loose, ["完成“百日攻坚”目标任务"]));
    }

    [Fact]
    public void A_word_wider_than_a_line_breaks_at_its_inner_words_first()
    {
        // 8 characters a line: the indicator (12) cannot stay whole, but its quoted name (6) can.
        var lines = LineBreaker.Break("完成“百日攻坚”目标任务", 80, Measure, 0, Words, float.PositiveInfinity);
        Assert.Equal("完成“百日攻坚”目标任务", string.Concat(lines));
        Assert.Contains(lines, l => l.Contains("“百日攻坚”", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("长治市“5+1重点任务百日攻坚”专项行动进展情况", 220, new[] { "长治市“5+1重点任务百日攻坚”", "专项行动进展情况" })]
    [InlineData("表：小额信贷投放分县情况（按完成“百日攻坚”目标任务由高到低排列，时序进度100%）", 300, new[] { "表：小额信贷投放分县情况", "（按完成“百日攻坚”目标任务由高到低排列，时序进度100%）" })]
    public void A_centred_title_or_caption_breaks_at_punctuation_and_never_inside_a_word(string text, float width, string[] expected)
    {
        using var fonts = new FontSet(SkiaSharp.SKTypeface.FromFile(TestFont.FontPath, 0));
        var context = new LayoutContext(fonts, width, 700) { Words = Words };
        Assert.Equal(expected, context.BreakBalanced(text, Measure, width, 5));
    }

    [Theory]
    [InlineData("140403-潞州区-campaign-5plus1-2022-06.xlsx", 150)]
    [InlineData("140403-潞州区-campaign-5plus1-2022-06.xlsx", 120)]
    [InlineData("990000001-样本单位00001-fund-project-matching-2022-06-30.xlsx", 150)]
    public void A_file_name_too_wide_is_shortened_in_the_middle_keeping_its_code_date_and_extension(string name, float width)
    {
        var shortened = MiddleEllipsis.Shorten(name, width, Measure);
        Assert.True(Measure(shortened) <= width, shortened);
        Assert.Contains(MiddleEllipsis.Mark, shortened);
        var code = name[..name.IndexOf('-', StringComparison.Ordinal)];
        var date = System.Text.RegularExpressions.Regex.Match(name, "[0-9]{4}-[0-9]{2}(-[0-9]{2})?").Value;
        Assert.StartsWith(code, shortened, StringComparison.Ordinal);
        Assert.EndsWith(date + ".xlsx", shortened, StringComparison.Ordinal);
        Assert.Equal(name, MiddleEllipsis.Shorten(name, Measure(name), Measure));
    }
}
