using System.Globalization;
using Reports.Analysis;
using Reports.Merge;
using Reports.Tests.Support;

namespace Reports.Tests.Merge;

public sealed class QualitySignalsTests
{
    /// <summary>A merge of the sample's value sheet with some values replaced, built without any file.</summary>
    private static MergeResult SampleMerge(Action<string, Dictionary<string, decimal>>? edit = null)
    {
        var units = Samples.Changzhi.Units.Select(unit =>
        {
            var values = Samples.SampleValues[unit.Code]
                .Where(v => Samples.Campaign.FindField(v.Key)!.IsNumeric)
                .ToDictionary(v => v.Key, v => decimal.Parse(v.Value, CultureInfo.InvariantCulture));
            edit?.Invoke(unit.Code, values);
            return new UnitResult(unit, UnitStatus.Accepted, null, values, new Dictionary<string, string>(), IndicatorCalculator.ForUnit(Samples.Campaign, values));
        }).ToList();
        var total = new GroupTotal(new Dictionary<string, decimal>(), IndicatorCalculator.ForGroup(Samples.Campaign, units.Select(u => u.Values).ToList()));
        return new MergeResult(Samples.Campaign, Samples.Changzhi, Samples.Period, Samples.Window, 1m, 0.5m, units, total);
    }

    [Fact]
    public void The_sample_raises_no_signal()
    {
        Assert.Empty(QualitySignals.Find(SampleMerge()));
    }

    [Fact]
    public void An_amount_typed_in_yuan_is_caught_as_a_unit_slip()
    {
        // 潞城区 types its consumption orders in 元 instead of 万元.
        var merge = SampleMerge((code, values) =>
        {
            if (code == "140406")
            {
                values["sales_orders"] *= 10000;
            }
        });
        var signal = Assert.Single(QualitySignals.Find(merge));
        Assert.Equal(QualitySignals.UnitSlipCode, signal.Code);
        Assert.Equal("140406", signal.Unit);
        Assert.Equal("sales_orders", signal.Field);
        Assert.Contains("元", signal.Message);
    }

    [Fact]
    public void A_count_far_out_of_line_with_the_peers_is_an_outlier()
    {
        var merge = SampleMerge((code, values) =>
        {
            if (code == "140430")
            {
                values["policies_created"] = 120; // the others created 5 to 10
            }
        });
        var signal = Assert.Single(QualitySignals.Find(merge));
        Assert.Equal(QualitySignals.OutlierCode, signal.Code);
        Assert.Equal("policies_created", signal.Field);
        Assert.Contains("高于", signal.Message);
    }

    [Fact]
    public void Signals_never_change_a_figure()
    {
        var before = SampleMerge(EditSlip);
        var totals = before.Total.Indicators.ToDictionary();
        _ = QualitySignals.Find(before);
        Assert.Equal(totals, before.Total.Indicators);

        static void EditSlip(string code, Dictionary<string, decimal> values)
        {
            if (code == "140406")
            {
                values["sales_orders"] *= 10000;
            }
        }
    }

    [Theory]
    [InlineData(new[] { 1, 2, 3 }, 2)]
    [InlineData(new[] { 4, 1, 3, 2 }, 2.5)]
    public void Median(int[] values, double expected) =>
        Assert.Equal((decimal)expected, QualitySignals.Median(values.Select(v => (decimal)v)));

    [Fact]
    public void The_median_of_the_others_equals_a_recomputation_without_the_unit()
    {
        decimal[] values = [7, 1, 3, 3, 9, 4, 12, 5];
        var sorted = values.Order().ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            var others = values.Where((_, j) => j != i);
            Assert.Equal(QualitySignals.Median(others), QualitySignals.MedianWithout(sorted, Array.BinarySearch(sorted, values[i])));
        }
    }
}
