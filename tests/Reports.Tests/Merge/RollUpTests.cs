using Reports.Outputs;
using Reports.Pipeline;
using Reports.Rosters;
using Reports.Templates;
using Reports.Tests.Support;

namespace Reports.Tests.Merge;

/// <summary>Rosters nest: cities send their merged result upward as a return, and the province merges them as a city merges counties.</summary>
[Collection(SampleRunsCollection.Name)]
public sealed class RollUpTests
{
    private readonly RunOutcome _flat;

    public RollUpTests(SampleRuns runs) => _flat = runs.Campaign.Outcome;

    [Fact]
    public void Two_levels_of_roll_up_give_the_same_totals_as_a_flat_merge()
    {
        using var temp = new TempDirectory();
        var counties = Samples.Changzhi.Units;
        var north = new RosterUnit("140400", "北片");
        var south = new RosterUnit("149900", "南片");
        var provinceInbox = temp.Sub("province-inbox");

        foreach (var (city, members) in new[] { (north, counties.Take(5).ToArray()), (south, counties.Skip(5).ToArray()) })
        {
            var inbox = temp.Sub(city.Code + "-inbox");
            foreach (var unit in members)
            {
                Samples.WriteFilled(inbox, unit, Samples.ValuesOf(unit.Code));
            }
            var roster = Path.Combine(temp.Path, city.Code + "-roster.json");
            File.WriteAllText(roster, System.Text.Json.JsonSerializer.Serialize(new { name = city.Name, code = city.Code, units = members.Select(u => new { code = u.Code, name = u.Name }) }));
            var outcome = new RunPipeline(FixedClock.Default).Execute(Samples.Options(roster, inbox, temp.Sub(city.Code + "-out")));
            Assert.Equal(ExitCode.Success, outcome.ExitCode);
            var upward = new UpwardReturnWriter(FixedClock.Default).Write(outcome.Merge, "市级汇总", "0355-1234567");
            File.WriteAllBytes(Path.Combine(provinceInbox, new TemplateRequest(Samples.Campaign, Samples.Period, city).FileName), upward);
        }

        var provinceRoster = Path.Combine(temp.Path, "province-roster.json");
        File.WriteAllText(provinceRoster, System.Text.Json.JsonSerializer.Serialize(new { name = "测试省", code = "140000", units = new[] { north, south }.Select(u => new { code = u.Code, name = u.Name }) }));
        var province = new RunPipeline(FixedClock.Default).Execute(Samples.Options(provinceRoster, provinceInbox, temp.Sub("province-out")));

        Assert.Equal(ExitCode.Success, province.ExitCode);
        Assert.Equal(_flat.Merge.Total.Values, province.Merge.Total.Values);
        Assert.Equal(_flat.Merge.Total.Indicators, province.Merge.Total.Indicators);
        // And the totals are the published ones, recomputed from the value sheet.
        var emp = Samples.Sum("emp_total");
        Assert.Equal(emp, province.Merge.Total.Values["emp_total"]);
        Assert.All(province.Merge.Units, u => Assert.Equal("市级汇总", u.Texts["filled_by"]));
        // 北片's 户均投放 is above 5万元 because of 潞城区, which explained its own: the explanation travelled up with the figures.
        Assert.Equal("北片", province.Merge.Units.Single(u => u.Unit.Code == north.Code).Unit.Name);
        Assert.StartsWith("潞城区：" + Samples.SampleValues["140406"]["verify_note"], province.Merge.Units.Single(u => u.Unit.Code == north.Code).Texts["verify_note"]);
        Assert.False(province.Merge.Units.Single(u => u.Unit.Code == south.Code).Texts.ContainsKey("verify_note"));
    }
}
