using Reports.Cli;
using Reports.Cli.Settings;
using Reports.Outputs.Workbook;

namespace Reports.Tests.Outputs.Workbook;

public sealed class ColumnWidthsTests
{
    [Theory]
    [InlineData("140403", 6)]
    [InlineData("潞州区", 6)]
    [InlineData("投放金额(万元)", 14)]
    [InlineData("（万元）", 8)]
    [InlineData("", 0)]
    public void A_cjk_or_full_width_character_counts_two_digit_widths(string text, double expected)
    {
        Assert.Equal(expected, ColumnWidths.Measure(text));
    }

    [Fact]
    public void A_wrapped_text_needs_a_line_per_column_width()
    {
        Assert.Equal(15, ColumnWidths.RowHeight([("潞州区", 20)]));
        Assert.Equal(45, ColumnWidths.RowHeight([(new string('县', 25), 21)])); // 50 widths over 20 a line: 3 lines
    }

    [Theory]
    [InlineData("2022-07-05 18:00", "2022-07-05T18:00:00.0000000")]
    [InlineData("2022-07-05", "2022-07-05T23:59:59.9999999")]
    public void A_deadline_setting_is_a_moment_or_the_end_of_a_day(string setting, string expected)
    {
        Assert.Equal(expected, ReportsSettings.ParseDeadline(setting)!.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_malformed_deadline_is_rejected()
    {
        Assert.Null(ReportsSettings.ParseDeadline("7月5日"));
    }
}
