using Reports.Templates;

namespace Reports.Tests.Architecture;

/// <summary>
/// Outputs render the run's result and nothing else: no output reads a county file, opens the store, decides a
/// version or recomputes the merge or the analysis. Checked on the compiled assembly (<see cref="NamespaceGraph"/>):
/// every type, method and field the outputs' types name, in their declarations and in every method body.
/// </summary>
public sealed class OutputsReadTheResultTests
{
    private static readonly string[] Forbidden =
    [
        "Reports.Analysis.ProgressAnalysis", "Reports.Analysis.MergeAnalysis.Of", "Reports.Analysis.QualitySignals", "Reports.Merge.Merger",
        "Reports.Store.ReturnStore", "Reports.Store.HistoryLoader", "Reports.Versions.VersionSelector", "Reports.Intake.ReturnFileReader",
        "Reports.Intake.InboxReader", "Reports.Intake.IntakeProcessor", "Reports.Intake.ReceivedFile", "Reports.Intake.Xlsx.XlsxWorkbook", "System.IO.File.ReadAllBytes",
        "System.IO.File.OpenRead",
    ];

    private static readonly NamespaceGraph Core = NamespaceGraph.Of(typeof(TemplateGenerator).Assembly.Location);

    private static bool IsOutput(string ns) => ns == "Reports.Outputs" || ns.StartsWith("Reports.Outputs.", StringComparison.Ordinal) || ns == "Reports.Pipeline.Outputs";

    private static bool IsForbidden(string used) => Forbidden.Any(f => used == f || used.StartsWith(f + ".", StringComparison.Ordinal));

    [Fact]
    public void An_output_reads_only_the_result()
    {
        var outputs = Core.Uses.Where(u => IsOutput(u.Namespace)).ToList();
        Assert.Contains(outputs, u => u.Used.StartsWith("Reports.Results.ReturnResult", StringComparison.Ordinal));
        Assert.Empty(outputs.Where(u => IsForbidden(u.Used)).Select(u => $"{u.Type} uses {u.Used}").Distinct());
    }

    [Fact]
    public void The_check_sees_what_the_pipeline_itself_does()
    {
        // The ledger reads files, merges and decides for the run: the same scan finds it there, so it would find it in an output.
        var pipeline = Core.Uses.Where(u => u.Namespace == "Reports.Ledger").Select(u => u.Used).ToList();
        Assert.Contains(pipeline, IsForbidden);
        Assert.Contains(pipeline, used => used.StartsWith("Reports.Merge.Merger.", StringComparison.Ordinal));
    }
}
