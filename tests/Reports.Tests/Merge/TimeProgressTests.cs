using Reports.Numbers;
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
    [InlineData("2022-06", "2022-06")]
    [InlineData("2022-6", "2022-06")]
    [InlineData(" 2022/6 ", "2022-06")]
    [InlineData("2022.06", "2022-06")]
    [InlineData("2022年6月", "2022-06")]
    [InlineData("2022 年 12 月", "2022-12")]
    [InlineData("202206", "2022-06")]
    [InlineData("2022-13", null)]
    [InlineData("2022-0", null)]
    [InlineData("20226", null)]
    [InlineData("2022-06-30", null)]
    [InlineData("0999-06", null)]
    [InlineData("June 2022", null)]
    [InlineData("２０２２-06", null)]
    public void Periods_are_read_as_people_write_them_and_printed_one_way(string text, string? expected)
    {
        Assert.Equal(expected is not null, ReportingPeriod.TryParse(text, out var period));
        if (expected is not null)
        {
            Assert.Equal(expected, period.ToString());
            Assert.Equal($"{period.Year}年{period.Month}月底", period.ChineseEnd);
        }
    }
}
