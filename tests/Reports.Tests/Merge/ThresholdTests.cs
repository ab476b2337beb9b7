using System.Globalization;
using Reports.Analysis;
using Reports.Definitions;
using Reports.Merge;
using Reports.Tests.Support;

namespace Reports.Tests.Merge;

/// <summary>Levels the plan requires are declared in the definition and flagged like lagging.</summary>
public sealed class ThresholdTests
{
    [Fact]
    public void A_year_takes_its_own_level_or_the_latest_earlier_one()
    {
        var threshold = new IndicatorThreshold(null, new Dictionary<int, decimal> { [2024] = 0.65m, [2025] = 0.70m });
        Assert.Null(threshold.For(2023));
        Assert.Equal(0.65m, threshold.For(2024));
        Assert.Equal(0.70m, threshold.For(2025));
        Assert.Equal(0.70m, threshold.For(2027));
        Assert.Equal(0.9m, new IndicatorThreshold(0.9m, new Dictionary<int, decimal>()).For(2022));
    }

    [Fact]
    public void A_county_that_matched_less_than_all_its_funds_is_below_the_required_100_percent()
    {
        var fundMatch = Samples.Campaign.Indicators.Single(i => i.Code == "fund_match_rate");
        Assert.Equal(1m, fundMatch.Threshold!.For(2022));
        var units = Samples.Changzhi.Units.Take(3).Select((unit, index) =>
        {
            var values = Samples.SampleValues[unit.Code].Where(v => Samples.Campaign.FindField(v.Key)!.IsNumeric)
                .ToDictionary(v => v.Key, v => decimal.Parse(v.Value, CultureInfo.InvariantCulture));
            if (index == 1)
            {
                values["fund_matched"] = values["fund_invested"] - 100; // one county short
            }
            return new UnitResult(unit, UnitStatus.Accepted, null, values, new Dictionary<string, string>(), IndicatorCalculator.ForUnit(Samples.Campaign, values));
        }).ToList();
        var merge = new MergeResult(Samples.Campaign, Samples.Changzhi, Samples.Period, Samples.Window, 1m, 0.5m, units,
            new GroupTotal(new Dictionary<string, decimal>(), IndicatorCalculator.ForGroup(Samples.Campaign, units.Select(u => u.Values).ToList())));

        var below = Assert.Single(ProgressAnalysis.BelowThreshold(merge, fundMatch));
        Assert.Equal(units[1].Unit, below.Unit);
        Assert.Equal(1m - units[1].Indicators["fund_match_rate"]!.Value, below.Gap);
    }
}

/// <summary>The edges of lagging: exactly at time progress, just below it, and a zero target.</summary>
public sealed class LaggingEdgeTests
{
    [Fact]
    public void At_time_progress_is_not_lagging_just_below_is_and_a_zero_target_is_neither()
    {
        var loan = Samples.Campaign.Indicators.Single(i => i.Code == "loan_campaign_rate");
        var window = new Reports.Periods.CampaignWindow(new DateOnly(2022, 3, 22), new DateOnly(2022, 7, 10));
        var progress = window.ProgressAt(Samples.Period.LastDay); // 101/111
        var units = Samples.Changzhi.Units.Take(3).Select((unit, index) =>
        {
            var values = Samples.SampleValues[unit.Code].Where(v => Samples.Campaign.FindField(v.Key)!.IsNumeric)
                .ToDictionary(v => v.Key, v => decimal.Parse(v.Value, CultureInfo.InvariantCulture));
            (values["loan_amount"], values["loan_target_campaign"]) = index switch
            {
                0 => (101m, 111m),  // exactly time progress
                1 => (100.99m, 111m), // just below
                _ => (50m, 0m),      // no target: rate undefined
            };
            return new UnitResult(unit, UnitStatus.Accepted, null, values, new Dictionary<string, string>(), IndicatorCalculator.ForUnit(Samples.Campaign, values));
        }).ToList();
        var merge = new MergeResult(Samples.Campaign, Samples.Changzhi, Samples.Period, window, progress, 0.5m, units,
            new GroupTotal(new Dictionary<string, decimal>(), IndicatorCalculator.ForGroup(Samples.Campaign, units.Select(u => u.Values).ToList())));

        Assert.Null(units[2].Indicators["loan_campaign_rate"]);
        var lagging = Assert.Single(ProgressAnalysis.Lagging(merge, loan));
        Assert.Equal(units[1].Unit, lagging.Unit);
        var ranks = ProgressAnalysis.Rank(merge, loan);
        Assert.Equal([1, 2, (int?)null], ranks.Select(r => r.Rank));
        Assert.Equal(units[2].Unit, ranks[2].Unit);
    }
}
