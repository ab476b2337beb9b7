using Reports.Periods;

namespace Reports.Tests.Frequencies;

public sealed class ReportingPeriodTests
{
    private static ReportingPeriod Parsed(string text)
    {
        Assert.True(ReportingPeriod.TryParse(text, out var period), $"“{text}” should be read");
        return period;
    }

    private static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // The spec's table: canonical form, first and last day.
    [InlineData("2022-W25", "2022-06-20", "2022-06-26")]
    [InlineData("2022-06-D2", "2022-06-11", "2022-06-20")]
    [InlineData("2022-06", "2022-06-01", "2022-06-30")]
    [InlineData("2022-Q2", "2022-04-01", "2022-06-30")]
    [InlineData("2022-H1", "2022-01-01", "2022-06-30")]
    [InlineData("2022", "2022-01-01", "2022-12-31")]
    // ISO weeks across year ends: 2020 has 53 weeks, its last ending in 2021; 2021-W01 starts on the Monday after.
    [InlineData("2020-W53", "2020-12-28", "2021-01-03")]
    [InlineData("2021-W01", "2021-01-04", "2021-01-10")]
    [InlineData("2019-W01", "2018-12-31", "2019-01-06")]
    [InlineData("2021-W52", "2021-12-27", "2022-01-02")]
    // Dekads: the last one runs to the month's end, whatever its length.
    [InlineData("2022-02-D3", "2022-02-21", "2022-02-28")]
    [InlineData("2024-02-D3", "2024-02-21", "2024-02-29")]
    [InlineData("2022-07-D3", "2022-07-21", "2022-07-31")]
    [InlineData("2022-06-D1", "2022-06-01", "2022-06-10")]
    [InlineData("2022-Q4", "2022-10-01", "2022-12-31")]
    [InlineData("2022-H2", "2022-07-01", "2022-12-31")]
    public void A_period_spans_the_days_its_frequency_says(string canonical, string first, string last)
    {
        var period = Parsed(canonical);
        Assert.Equal(canonical, period.ToString());
        Assert.Equal(Day(first), period.FirstDay);
        Assert.Equal(Day(last), period.LastDay);
    }

    [Theory]
    [InlineData("2022-W25", "2022-W24", "2021-W25")]
    [InlineData("2021-W01", "2020-W53", "2020-W01")]
    [InlineData("2020-W53", "2020-W52", "2019-W52")]
    [InlineData("2022-06-D2", "2022-06-D1", "2021-06-D2")]
    [InlineData("2022-06-D1", "2022-05-D3", "2021-06-D1")]
    [InlineData("2022-01-D1", "2021-12-D3", "2021-01-D1")]
    [InlineData("2022-06", "2022-05", "2021-06")]
    [InlineData("2022-01", "2021-12", "2021-01")]
    [InlineData("2022-Q1", "2021-Q4", "2021-Q1")]
    [InlineData("2022-H1", "2021-H2", "2021-H1")]
    [InlineData("2022", "2021", "2021")]
    public void Last_period_is_the_one_before_of_the_same_frequency_and_last_year_the_same_one_a_year_before(string period, string previous, string yearBefore)
    {
        Assert.Equal(previous, Parsed(period).Previous().ToString());
        Assert.Equal(yearBefore, Parsed(period).YearBefore().ToString());
        Assert.Equal(period, Parsed(previous).Next().ToString());
    }

    [Theory]
    [InlineData("2022-W25", "2022-W25")]
    [InlineData("2022w25", "2022-W25")]
    [InlineData("2022W25", "2022-W25")]
    [InlineData("2022年第25周", "2022-W25")]
    [InlineData("2022 年 第 5 周", "2022-W05")]
    [InlineData("2020年第53周", "2020-W53")]
    [InlineData("2022-06-D2", "2022-06-D2")]
    [InlineData("2022-6-d3", "2022-06-D3")]
    [InlineData("2022年6月上旬", "2022-06-D1")]
    [InlineData("2022年6月中旬", "2022-06-D2")]
    [InlineData("2022年6月下旬", "2022-06-D3")]
    [InlineData("2022-06", "2022-06")]
    [InlineData("2022年6月", "2022-06")]
    [InlineData("202206", "2022-06")]
    [InlineData("2022-Q2", "2022-Q2")]
    [InlineData("2022Q2", "2022-Q2")]
    [InlineData("2022年第二季度", "2022-Q2")]
    [InlineData("2022年二季度", "2022-Q2")]
    [InlineData("2022年第4季度", "2022-Q4")]
    [InlineData("2022-H1", "2022-H1")]
    [InlineData("2022年上半年", "2022-H1")]
    [InlineData("2022年下半年", "2022-H2")]
    [InlineData("2022", "2022")]
    [InlineData("2022年", "2022")]
    [InlineData("2022年度", "2022")]
    [InlineData("2021-W53", null)]
    [InlineData("2022-W00", null)]
    [InlineData("2022-06-D4", null)]
    [InlineData("2022-13-D1", null)]
    [InlineData("2022年6月末旬", null)]
    [InlineData("2022-Q5", null)]
    [InlineData("2022年第五季度", null)]
    [InlineData("2022-H3", null)]
    [InlineData("1899", null)]
    [InlineData("２０２２年度", null)]
    [InlineData("2022年第25周x", null)]
    public void Periods_of_every_frequency_are_read_as_people_type_them(string text, string? canonical)
    {
        Assert.Equal(canonical is not null, ReportingPeriod.TryParse(text, out var period));
        if (canonical is not null)
        {
            Assert.Equal(canonical, period.ToString());
        }
    }

    [Theory]
    [InlineData("2022-W25", "2022年第25周（6月20日—26日）", "2022年6月26日")]
    [InlineData("2022-W26", "2022年第26周（6月27日—7月3日）", "2022年7月3日")]
    [InlineData("2020-W53", "2020年第53周（12月28日—2021年1月3日）", "2021年1月3日")]
    [InlineData("2022-06-D2", "2022年6月中旬", "2022年6月20日")]
    [InlineData("2022-06", "2022年6月", "2022年6月底")]
    [InlineData("2022-Q2", "2022年第二季度", "2022年6月底")]
    [InlineData("2022-H1", "2022年上半年", "2022年6月底")]
    [InlineData("2022", "2022年", "2022年12月底")]
    public void Titles_say_the_period_as_the_spec_table_does(string canonical, string title, string end)
    {
        var period = Parsed(canonical);
        Assert.Equal(title, period.Chinese);
        Assert.Equal(end, period.ChineseEnd);
    }

    [Theory]
    [InlineData(Frequency.Week)]
    [InlineData(Frequency.Dekad)]
    [InlineData(Frequency.Month)]
    [InlineData(Frequency.Quarter)]
    [InlineData(Frequency.Half)]
    [InlineData(Frequency.Year)]
    public void Periods_of_a_frequency_tile_the_calendar_without_gap_or_overlap(Frequency frequency)
    {
        // Day by day over years with 52 and 53 ISO weeks and a leap February: each day lies in exactly one period, whose
        // neighbours touch it, and whose canonical form reads back as itself.
        var day = new DateOnly(2019, 12, 1);
        var period = ReportingPeriod.Containing(frequency, day);
        var seen = 1;
        for (; day <= new DateOnly(2027, 1, 31); day = day.AddDays(1))
        {
            if (day > period.LastDay)
            {
                Assert.Equal(period.LastDay.AddDays(1), day);
                var next = ReportingPeriod.Containing(frequency, day);
                Assert.Equal(next, period.Next());
                Assert.Equal(period, next.Previous());
                Assert.Equal(day, next.FirstDay);
                period = next;
                seen++;
            }
            Assert.Equal(period, ReportingPeriod.Containing(frequency, day));
            Assert.True(ReportingPeriod.TryParse(period.ToString(), out var read));
            Assert.Equal(period, read);
            Assert.Equal(frequency, period.Frequency);
        }
        if (frequency == Frequency.Week)
        {
            Assert.Equal(DayOfWeek.Monday, period.FirstDay.DayOfWeek);
            Assert.Equal(7, period.LastDay.DayNumber - period.FirstDay.DayNumber + 1);
        }
        Assert.True(seen > 1);
    }

    [Fact]
    public void A_week_and_the_month_that_ends_with_it_are_different_periods()
    {
        // 2022-W26 ends 2022-07-03; 2022-06 and 2022-06-D3 both end 2022-06-30, yet no two of them are equal or print alike.
        var periods = new[] { Parsed("2022-W26"), Parsed("2022-06-D3"), Parsed("2022-06"), Parsed("2022-Q2"), Parsed("2022-H1") };
        Assert.Equal(periods.Length, periods.Distinct().Count());
        Assert.Equal(periods.Length, periods.Select(p => p.ToString()).Distinct().Count());
    }

    [Fact]
    public void The_weeks_of_a_campaign_run_from_the_week_of_its_first_day()
    {
        var window = new CampaignWindow(new DateOnly(2022, 3, 22), new DateOnly(2022, 6, 30));
        var weeks = PeriodArithmetic.PeriodsOf(window, Parsed("2022-W26"));
        Assert.Equal("2022-W12", weeks[0].ToString());
        Assert.Equal("2022-W26", weeks[^1].ToString());
        Assert.Equal(15, weeks.Count);
        var dekads = PeriodArithmetic.PeriodsOf(window, Parsed("2022-06-D3"));
        Assert.Equal(["2022-03-D3", "2022-04-D1"], dekads.Take(2).Select(p => p.ToString()));
        Assert.Equal(10, dekads.Count);
    }
}
