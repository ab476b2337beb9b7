using Reports.Numbers;
using Reports.Outputs.Briefing;

namespace Reports.Tests.Outputs;

/// <summary>The number style of the spec, from the figures the seeds print.</summary>
public sealed class NumberStyleTests
{
    [Theory]
    [InlineData(3393, "次", "3393次")]
    [InlineData(23046, "人次", "2.3万人次")]
    [InlineData(658912, "人次", "65.9万人次")]
    [InlineData(9999, "人次", "9999人次")]
    [InlineData(104731, "人", "104731人")]
    [InlineData(2850, "名", "2850名")]
    public void Counts(int value, string unit, string expected) => Assert.Equal(expected, NumberStyle.Count(value, unit));

    [Theory]
    [InlineData("113312.47", "11.33亿元")]
    [InlineData("25796.40", "2.58亿元")]
    [InlineData("7222.60", "7222.6万元")]
    [InlineData("309", "309万元")]
    [InlineData("2312.03", "2312.03万元")]
    [InlineData("9999.995", "1.00亿元")]
    [InlineData("10000", "1.00亿元")]
    public void Amounts(string wan, string expected) =>
        Assert.Equal(expected, NumberStyle.Amount(decimal.Parse(wan, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Rates()
    {
        Assert.Equal("105.28%", NumberStyle.Yoy(104731m / 99479m));
        Assert.Equal("121.9%", NumberStyle.Completion(1.21899m));
        Assert.Equal("100%", NumberStyle.Completion(1m));
        Assert.Equal("100.0%", NumberStyle.Completion(0.99996m)); // not exactly 100%
        Assert.Equal("—", NumberStyle.Completion(null));
        Assert.Equal("60.7%", NumberStyle.Completion(0.60700268m));
    }

    [Fact]
    public void Names_join_the_Chinese_way()
    {
        Assert.Equal("", NumberStyle.JoinNames([]));
        Assert.Equal("沁县", NumberStyle.JoinNames(["沁县"]));
        Assert.Equal("潞州区和沁县", NumberStyle.JoinNames(["潞州区", "沁县"]));
        Assert.Equal("潞州区、上党区和沁县", NumberStyle.JoinNames(["潞州区", "上党区", "沁县"]));
    }
}
