using Reports.Outputs.Briefing;

namespace Reports.Tests.Support;

/// <summary>
/// Each bundled sample merged once for every test class in the <see cref="SampleRunsCollection"/>, on first use: the
/// classes that read a sample's outputs share its run instead of each running the pipeline again.
/// </summary>
public sealed class SampleRuns : IDisposable
{
    /// <summary>
    /// The campaign sample's briefing as an office issues it: a later issue number, and the 报/送/抄送 distribution
    /// with the copies printed, so the 报尾 is drawn in full.
    /// </summary>
    public static readonly BriefingSettings CampaignBriefing = new(
        "巩固脱贫成果工作简报", "第6期", "长治市乡村振兴局",
        Distribution: new BriefingDistribution("市委、市政府", "市直有关部门", "各县（市、区）乡村振兴局", 40));

    private readonly TempDirectory _temp = new();
    private readonly Lazy<SampleRun> _campaign;
    private readonly Lazy<SampleRun> _employment;
    private readonly Lazy<SampleRun> _fund;

    public SampleRuns()
    {
        _campaign = new(() => Run(SampleReturn.Campaign, CampaignBriefing));
        _employment = new(() => Run(SampleReturn.Employment, SampleReturn.Employment.Briefing));
        _fund = new(() => Run(SampleReturn.Fund, SampleReturn.Fund.Briefing));
    }

    public SampleRun Campaign => _campaign.Value;
    public SampleRun Employment => _employment.Value;
    public SampleRun Fund => _fund.Value;

    private SampleRun Run(SampleReturn sample, BriefingSettings briefing)
    {
        var folder = _temp.Sub(sample.Code);
        return new SampleRun(sample, sample.Options(Path.Combine(folder, "out")) with
        {
            Briefing = briefing,
            StorePath = Path.Combine(folder, "store.db"),
        });
    }

    public void Dispose()
    {
        foreach (var run in new[] { _campaign, _employment, _fund }.Where(r => r.IsValueCreated))
        {
            run.Value.Dispose();
        }
        _temp.Dispose();
    }
}

/// <summary>The test classes that read the samples' runs (<see cref="SampleRuns"/>): one collection, so each sample runs once.</summary>
[CollectionDefinition(Name)]
public sealed class SampleRunsCollection : ICollectionFixture<SampleRuns>
{
    public const string Name = "The samples' runs";
}
