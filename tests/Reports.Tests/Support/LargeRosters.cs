using System.Globalization;
using Reports.Merge;
using Reports.Outputs.Briefing;
using Reports.Pdf;
using Reports.Pdf.Faces;
using Reports.Results;
using Reports.Rosters;
using Reports.Versions;

namespace Reports.Tests.Support;

/// <summary>
/// A campaign result for a roster of any size, built in process (no files): unit i takes the figures of sample unit
/// i mod 12, its cumulative figures scaled by a factor between 0.6 and 1.39 (so rates spread and some units lag), and
/// every 97th unit is missing. Time progress is 90%.
/// </summary>
public static class LargeRosters
{
    /// <summary>The campaign's briefing template, as shipped.</summary>
    private static readonly Lazy<Scriban.Template> NarrativeTemplate = new(() => NarrativeRenderer.Load(NarrativeRenderer.PathFor(RepositoryPaths.Templates, Samples.ReturnCode)));

    /// <summary>The narrative the briefing renders for <paramref name="result"/> with the shipped template.</summary>
    public static IReadOnlyList<BriefingElement> Narrative(ReturnResult result) => NarrativeRenderer.Render(NarrativeTemplate.Value, result.Merge, result.Analysis);

    public static ReturnResult Campaign(int units)
    {
        var roster = new Roster("990000", "测试省", Enumerable.Range(1, units).Select(i => new RosterUnit($"9{i:D8}", $"样本单位{i:D5}")).ToList());
        var samples = Samples.Changzhi.Units.Select(u => u.Code).ToList();
        var results = roster.Units.Select((unit, i) =>
        {
            if (i % 97 == 96)
            {
                return new UnitResult(unit, UnitStatus.Missing, null, new Dictionary<string, decimal>(), new Dictionary<string, string>(), new Dictionary<string, decimal?>());
            }
            var factor = 0.6m + (i * 37 % 80) / 100m;
            var values = Samples.Campaign.NumericFields.ToDictionary(
                f => f.Code,
                f => decimal.Round(decimal.Parse(Samples.SampleValues[samples[i % samples.Count]][f.Code], CultureInfo.InvariantCulture) * (f.IsCumulativeFigure ? factor : 1), 0));
            return new UnitResult(unit, UnitStatus.Accepted, null, values, new Dictionary<string, string>(), IndicatorCalculator.ForUnit(Samples.Campaign, values));
        }).ToList();
        var accepted = results.Where(u => u.Status == UnitStatus.Accepted).Select(u => u.Values).ToList();
        var totals = Samples.Campaign.NumericFields.ToDictionary(f => f.Code, f => accepted.Sum(v => v[f.Code]));
        var merge = new MergeResult(Samples.Campaign, roster, Samples.Period, Samples.Window, 0.9m, 0.5m, results,
            new GroupTotal(totals, IndicatorCalculator.ForGroup(Samples.Campaign, accepted)));
        return ReturnResult.Compute(VersionDecision.Empty, merge);
    }

    /// <summary>The briefing of <paramref name="parts"/> drawn in the bundled faces.</summary>
    public static byte[] Briefing(IReadOnlyList<ReturnResult> parts, BriefingSettings settings)
    {
        var document = BriefingComposer.Compose(parts, [.. parts.Select(_ => NarrativeTemplate.Value)], settings, "汇总表-test.xlsx");
        using var output = new MemoryStream();
        PdfRenderer.Render(document, BriefingFaces.Bundled(new PdfFontFile(RepositoryPaths.Font, 0)).Fonts, new PdfPageSettings(), output);
        return output.ToArray();
    }
}
