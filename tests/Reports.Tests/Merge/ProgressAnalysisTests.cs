using Reports.Analysis;
using Reports.Pipeline;
using Reports.Tests.Support;

namespace Reports.Tests.Merge;

[Collection(SampleRunsCollection.Name)]
public sealed class ProgressAnalysisTests
{
    private readonly RunOutcome _outcome;

    public ProgressAnalysisTests(SampleRuns runs) => _outcome = runs.Campaign.Outcome;

    [Fact]
    public void Lagging_units_are_those_below_time_progress_furthest_behind_first()
    {
        var indicator = Samples.Campaign.Indicators.Single(i => i.Code == "loan_campaign_rate");
        var lagging = ProgressAnalysis.Lagging(_outcome.Merge, indicator);
        // Time progress is 100% at the end of June; recompute each county's rate from the value sheet.
        var expected = Samples.SampleValues
            .Select(v => (Code: v.Key, Rate: Figures.Number(v.Value["loan_amount"]) / Figures.Number(v.Value["loan_target_campaign"])))
            .Where(x => x.Rate < 1m)
            .OrderBy(x => x.Rate)
            .Select(x => x.Code);
        Assert.Equal(expected, lagging.Select(l => l.Unit.Code));
        Assert.NotEmpty(lagging);
        Assert.All(lagging, l => Assert.True(l.Gap > 0));
    }

    [Fact]
    public void Ranks_are_best_first_and_ties_share_a_rank()
    {
        var indicator = Samples.Campaign.Indicators.Single(i => i.Code == "fund_match_rate");
        var ranks = ProgressAnalysis.Rank(_outcome.Merge, indicator);
        Assert.All(ranks, r => Assert.Equal(1, r.Rank)); // every county matched 100%

        var loan = ProgressAnalysis.Rank(_outcome.Merge, Samples.Campaign.Indicators.Single(i => i.Code == "loan_campaign_rate"));
        Assert.Equal(Enumerable.Range(1, 12).Select(i => (int?)i), loan.Select(r => r.Rank));
        Assert.True(loan.Zip(loan.Skip(1)).All(p => p.First.Value >= p.Second.Value));
    }
}
