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
}
