using System.Globalization;
using Reports.Merge;
using Reports.Numbers;
using Reports.Outputs.Briefing;
using Reports.Rosters;
using Reports.Tests.Support;

namespace Reports.Tests.Outputs;

/// <summary>The briefing template loops over units; a township-level roster has far more than a thousand.</summary>
public sealed class LargeRosterNarrativeTests
{
    [Fact]
    public void The_narrative_renders_for_a_roster_of_1500_units()
    {
        var template = Samples.Changzhi.Units[0];
        var values = Samples.SampleValues[template.Code].Where(v => Samples.Campaign.FindField(v.Key)!.IsNumeric)
            .ToDictionary(v => v.Key, v => decimal.Parse(v.Value, CultureInfo.InvariantCulture));
        var roster = new Roster("990000", "测试省", Enumerable.Range(1, 1500).Select(i => new RosterUnit($"9{i:D8}", $"样本乡镇{i:D4}")).ToList());
        var units = roster.Units.Select(u => new UnitResult(u, UnitStatus.Accepted, null, values, new Dictionary<string, string>(), IndicatorCalculator.ForUnit(Samples.Campaign, values))).ToList();
        var totals = Samples.Campaign.NumericFields.ToDictionary(f => f.Code, f => values[f.Code] * 1500);
        var merge = new MergeResult(Samples.Campaign, roster, Samples.Period, Samples.Window, 1m, 0.5m, units,
            new GroupTotal(totals, IndicatorCalculator.ForGroup(Samples.Campaign, units.Select(u => u.Values).ToList())));

        var elements = NarrativeRenderer.Render(NarrativeRenderer.Load(NarrativeRenderer.PathFor(RepositoryPaths.Templates, Samples.ReturnCode)), merge, Reports.Analysis.MergeAnalysis.Of(merge));

        var text = string.Concat(elements.OfType<BriefingParagraph>().Select(p => p.Text));
        Assert.Contains(NumberStyle.Count(values["emp_total"] * 1500, "人"), text);
    }
}
