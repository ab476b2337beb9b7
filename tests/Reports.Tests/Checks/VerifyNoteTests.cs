using Reports.Intake;

namespace Reports.Tests.Checks;

/// <summary>What counts as an explanation in 情况说明: something said beyond assent, punctuation and spaces ignored.</summary>
public sealed class VerifyNoteTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n ")]
    public void Nothing_written_is_missing(string? note) => Assert.Equal(NoteVerdict.Missing, VerifyNote.Judge(note));

    [Theory]
    [InlineData("核实无误")]
    [InlineData("经核实无误")]
    [InlineData("无误。")]
    [InlineData("属实")]
    [InlineData("正确！！")]
    [InlineData("情况属实")]
    [InlineData("数据无误")]
    [InlineData("经核实，数据属实、正确。")]
    [InlineData("核 实 无 误 …… ")]
    [InlineData("——")]
    [InlineData("已核实，无问题")]
    [InlineData("数字对的")] // four characters: says nothing of why
    public void Assent_punctuation_or_a_few_characters_is_no_explanation(string note) =>
        Assert.Equal(NoteVerdict.NotAnExplanation, VerifyNote.Judge(note));

    [Theory]
    [InlineData("今年新建劳务输出基地两个，务工人数明显增加")]
    [InlineData("经核实，106户按实际需求贷款8万元以上")]
    [InlineData("上期多报12个，本期已更正")]
    public void A_sentence_that_says_why_is_an_explanation(string note) =>
        Assert.Equal(NoteVerdict.Explanation, VerifyNote.Judge(note));

    [Theory]
    [InlineData("\u200B\u200B\u200B\u200B\u200B\u200B\u200B\u200B")] // eight zero-width spaces
    [InlineData("\u200C\u200D\u2060\uFEFF\u200E\u200F\u200B\u200B\u200B")] // joiners, word joiner, BOM, direction marks
    [InlineData("\uE000\uE001\uE002\uE003\uE004\uE005\uE006\uE007")] // private use: no glyph a reader knows
    public void Invisible_characters_are_no_explanation_and_the_diagnostic_says_they_are_invisible(string note)
    {
        Assert.Equal(NoteVerdict.NotAnExplanation, VerifyNote.Judge(note));
        Assert.Contains("看不见的字符", VerifyNote.WhyNot(note), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aaaaaaaa")]
    [InlineData("啊啊啊啊啊啊啊啊啊啊")]
    [InlineData("原因原因原因原因")]
    [InlineData("12121212")]
    [InlineData("a\u200Ba\u200Ba\u200Ba\u200Ba\u200Ba\u200Ba\u200Ba")] // repetition hidden between zero-width spaces
    [InlineData("经核实无误aaaaaaaaaaaa")]
    public void Meaningless_repetition_is_no_explanation_and_the_diagnostic_says_so(string note)
    {
        Assert.Equal(NoteVerdict.NotAnExplanation, VerifyNote.Judge(note));
        Assert.Contains("重复", VerifyNote.WhyNot(note), StringComparison.Ordinal);
    }

    [Fact]
    public void A_sentence_with_a_zero_width_space_inside_is_still_an_explanation() =>
        Assert.Equal(NoteVerdict.Explanation, VerifyNote.Judge("今年新建劳务输出\u200B基地两个，务工人数明显增加"));
}
