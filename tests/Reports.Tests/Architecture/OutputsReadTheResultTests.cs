using Reports.Tests.Support;

namespace Reports.Tests.Architecture;

/// <summary>
/// Outputs render the run's result and nothing else: no output reads a county file, opens the store, decides a
/// version or recomputes the merge or the analysis. Checked on the source of every output.
/// </summary>
public sealed class OutputsReadTheResultTests
{
    private static readonly string[] Forbidden =
    [
        "ProgressAnalysis.", "MergeAnalysis.Of(", "QualitySignals.Find(", "Merger.", "ReturnStore", "HistoryLoader", "VersionSelector",
        "ReturnFileReader", "InboxReader", "IntakeProcessor", "XlsxWorkbook", "new ExcelPackage(new", "File.ReadAllBytes", "File.OpenRead",
    ];

    public static TheoryData<string> OutputSources()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { Path.Combine("Outputs"), Path.Combine("Pipeline", "Outputs") })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src", "Reports.Core", folder), "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(RepositoryPaths.Root, file));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(OutputSources))]
    public void An_output_reads_only_the_result(string source)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, source));
        Assert.All(Forbidden, token => Assert.DoesNotContain(token, text));
    }
}
