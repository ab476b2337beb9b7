using Reports.Outputs.Briefing;
using Reports.Periods;

namespace Reports.Tests.Merge;

public sealed class TimeProgressTests
{
    [Fact]
    public void Both_ends_are_counted_as_the_spec_defines()
    {
        var window = new CampaignWindow(new DateOnly(2022, 3, 22), new DateOnly(2022, 7, 10));
        var progress = window.ProgressAt(new ReportingPeriod(2022, 6).LastDay);
        Assert.Equal(101m / 111m, progress);
        Assert.Equal("91.0%", NumberStyle.Completion(progress));
    }

    [Fact]
    public void Progress_is_capped_at_one_and_zero_before_the_window()
    {
        var window = new CampaignWindow(new DateOnly(2022, 3, 22), new DateOnly(2022, 6, 30));
        Assert.Equal(1m, window.ProgressAt(new DateOnly(2022, 6, 30)));
        Assert.Equal(1m, window.ProgressAt(new DateOnly(2022, 9, 30)));
        Assert.Equal(0m, window.ProgressAt(new DateOnly(2022, 3, 21)));
        Assert.Equal(1m / 101m, window.ProgressAt(new DateOnly(2022, 3, 22)));
    }

    [Theory]
    [InlineData("2022-03-22:2022-06-30", true)]
    [InlineData("2022-06-30:2022-03-22", false)]
    [InlineData("2022-03-22", false)]
    [InlineData("2022/03/22:2022/06/30", false)]
    public void Windows_parse_strictly(string text, bool valid) => Assert.Equal(valid, CampaignWindow.TryParse(text, out _));

    [Theory]
    [InlineData("2022-06", true, "2022年6月底")]
    [InlineData("2022-13", false, "")]
    [InlineData("June 2022", false, "")]
    public void Periods_parse_strictly(string text, bool valid, string chinese)
    {
        Assert.Equal(valid, ReportingPeriod.TryParse(text, out var period));
        if (valid)
        {
            Assert.Equal(chinese, period.ChineseEnd);
            Assert.Equal(text, period.ToString());
        }
    }
}
