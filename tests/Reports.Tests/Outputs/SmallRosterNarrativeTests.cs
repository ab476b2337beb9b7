using Reports.Outputs.Briefing;
using Reports.Rosters;
using Reports.Tests.Support;

namespace Reports.Tests.Outputs;

/// <summary>
/// A briefing of few units ranks none against itself, and every roster is named by its own level: a province's
/// briefing says 全省, never 全市.
/// </summary>
public sealed class SmallRosterNarrativeTests
{
    private static readonly BriefingSettings Settings = new("巩固脱贫成果工作简报", "第1期", "");

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Under_three_units_nothing_is_ranked(int units)
    {
        var text = PdfText.Read(LargeRosters.Briefing([LargeRosters.Campaign(units)], Settings)).Text;
        foreach (var ranking in new[] { "居前", "较低的是", "降幅较大", "排名", "由高到低" })
        {
            Assert.DoesNotContain(ranking, text);
        }
        // The figures are still there: the table's total, and the lagging named (not ranked).
        Assert.Contains("全省合计", text);
    }

    [Fact]
    public void From_three_units_the_leaders_are_named_about_a_third_of_them()
    {
        var result = LargeRosters.Campaign(12);
        var text = string.Concat(LargeRosters.Narrative(result).OfType<BriefingParagraph>().Select(p => p.Text));
        Assert.Equal(3, BriefingModel.RankNamed(12));
        Assert.Equal(1, BriefingModel.RankNamed(3));
        Assert.Equal(0, BriefingModel.RankNamed(2));
        var top = result.Merge.Accepted
            .Select((u, i) => (u.Unit.Name, Rate: u.Indicators["loan_campaign_rate"]!.Value, Order: i))
            .OrderByDescending(x => x.Rate).ThenBy(x => x.Order).Take(3).Select(x => x.Name).ToList();
        Assert.Contains($"完成“百日攻坚”目标任务比例居前的是{top[0]}、{top[1]}和{top[2]}。", text);
    }

    [Fact]
    public void A_province_says_quan_sheng_and_a_complete_roster_all_reported_in_good_chinese()
    {
        var result = LargeRosters.Campaign(12);
        var text = string.Concat(LargeRosters.Narrative(result).OfType<BriefingParagraph>().Select(p => p.Text));
        Assert.Contains("全省12个县（市、区）的报表均已审核汇总。", text);
        Assert.DoesNotContain("全市", text);
        Assert.DoesNotContain("个的报表", text);
        // A large roster (the leaders' form) too.
        var large = PdfText.Read(LargeRosters.Briefing([LargeRosters.Campaign(60)], Settings)).Text;
        Assert.DoesNotContain("全市", large);
        Assert.Contains("全省60个单位的报表均已审核汇总", large);
    }

    [Theory]
    [InlineData("测试省", "990000", "全省")]
    [InlineData("长治市", "140400", "全市")]
    [InlineData("沁县", "140430", "全县")]
    [InlineData("内蒙古自治区", "150000", "全区")]
    [InlineData("样本", "140000", "全省")]
    [InlineData("样本", "140400", "全市")]
    [InlineData("样本", "x", "全部")]
    public void The_whole_of_a_roster_is_named_by_its_level(string name, string code, string whole) =>
        Assert.Equal(whole, RosterLevel.Whole(new Roster(code, name, [])));
}
