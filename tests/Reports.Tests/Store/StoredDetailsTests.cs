using Reports.Pipeline;
using Reports.Tests.Support;

namespace Reports.Tests.Store;

/// <summary>The store keeps each version's parsed ledger rows: a later run merges them without the county's file, and without parsing it again.</summary>
public sealed class StoredDetailsTests
{
    [Fact]
    public void A_later_run_with_an_empty_inbox_merges_the_same_ledger_rows_from_the_store()
    {
        using var temp = new TempDirectory();
        var store = Path.Combine(temp.Path, "store.db");
        var first = new RunPipeline(FixedClock.Default).Execute(SampleReturn.Fund.Options(RepositoryPaths.SampleRoster, RepositoryPaths.FundInbox, temp.Sub("out1")) with { StorePath = store });
        var later = new RunPipeline(FixedClock.Default).Execute(SampleReturn.Fund.Options(RepositoryPaths.SampleRoster, temp.Sub("empty"), temp.Sub("out2")) with { StorePath = store });

        var rows = first.Merge.Units.SelectMany(u => u.Details["projects"]).ToList();
        Assert.Equal(SampleReturn.Fund.SampleLedger.Values.Sum(l => l.Count), rows.Count);
        Assert.Equal(first.Merge.Units.Select(u => u.Details["projects"].Count), later.Merge.Units.Select(u => u.Details["projects"].Count));
        var again = later.Merge.Units.SelectMany(u => u.Details["projects"]).ToList();
        Assert.Equal(rows.Select(r => (r.Row, string.Join(";", r.Numbers.OrderBy(n => n.Key).Select(n => $"{n.Key}={n.Value}")), string.Join(";", r.Texts.OrderBy(t => t.Key).Select(t => $"{t.Key}={t.Value}")))),
            again.Select(r => (r.Row, string.Join(";", r.Numbers.OrderBy(n => n.Key).Select(n => $"{n.Key}={n.Value}")), string.Join(";", r.Texts.OrderBy(t => t.Key).Select(t => $"{t.Key}={t.Value}")))));
        Assert.Equal(first.Merge.Total.Values, later.Merge.Total.Values);
    }
}
