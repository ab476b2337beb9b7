using Reports.Merge;
using Reports.Pipeline;
using Reports.Rosters;
using Reports.Tests.Support;

namespace Reports.Tests.Merge;

/// <summary>A group's rate is Σ numerator / Σ denominator, never the mean of the members' rates.</summary>
public sealed class RatioOfSumsTests
{
    [Fact]
    public void The_city_rate_is_the_ratio_of_sums_where_the_mean_of_rates_differs()
    {
        using var temp = new TempDirectory();
        var inbox = temp.Sub("inbox");
        var big = new RosterUnit("140403", "潞州区");
        var small = new RosterUnit("140404", "上党区");
        var bigValues = Samples.ValuesOf("140403");
        bigValues["loan_amount"] = "900";          // 900 / 1000 = 90%
        bigValues["loan_target_campaign"] = "1000";
        var smallValues = Samples.ValuesOf("140404");
        smallValues["loan_amount"] = "30";         // 30 / 20 = 150%
        smallValues["loan_target_campaign"] = "20";
        Samples.WriteFilled(inbox, big, bigValues);
        Samples.WriteFilled(inbox, small, smallValues);

        var outcome = new RunPipeline(FixedClock.Default).Execute(Samples.Options(Samples.WriteRoster(temp.Path, big, small), inbox, temp.Sub("out")));

        var units = outcome.Merge.Units;
        Assert.Equal(0.9m, units[0].Indicators["loan_campaign_rate"]);
        Assert.Equal(1.5m, units[1].Indicators["loan_campaign_rate"]);
        var city = outcome.Merge.Total.Indicators["loan_campaign_rate"]!.Value;
        Assert.Equal(930m / 1020m, city);           // 91.18%
        Assert.NotEqual((0.9m + 1.5m) / 2, city);   // not 120%
    }

    [Fact]
    public void A_zero_denominator_gives_no_rate_rather_than_zero_or_infinity()
    {
        var values = new Dictionary<string, decimal> { ["issues_found"] = 0, ["issues_fixed"] = 0 };
        var indicators = IndicatorCalculator.ForUnit(Samples.Campaign, values);
        Assert.Null(indicators["fix_rate"]);
    }

    [Fact]
    public void A_member_without_a_denominator_does_not_inflate_the_group_rate()
    {
        IReadOnlyDictionary<string, decimal> withPrev = new Dictionary<string, decimal> { ["emp_total"] = 110, ["emp_total_prev"] = 100 };
        IReadOnlyDictionary<string, decimal> withoutPrev = new Dictionary<string, decimal> { ["emp_total"] = 500 };
        var group = IndicatorCalculator.ForGroup(Samples.Campaign, [withPrev, withoutPrev]);
        Assert.Equal(1.1m, group["emp_total_ratio"]);
    }
}
