using Reports.Tests.Support;

namespace Reports.Tests.Architecture;

/// <summary>
/// One ledger: only src/Reports.Core/Ledger decides which version counts, builds the intake context and reads the
/// store's record of versions, withdrawals, approvals, reopenings and receipts (the store itself aside, which holds
/// them). The store's readers are internal, so the command (another assembly) cannot reach them at all; inside the
/// core this test keeps it so, over every source file.
/// </summary>
public sealed class OneLedgerBoundaryTests
{
    private static readonly string[] Forbidden =
    [
        "VersionSelector.", "new IntakeContext(", ".Versions(", ".VersionsWithoutFigures(", ".WithFigures(", ".FreezeOf(", ".Approvals(", ".Reopenings(", ".Withdrawals(", ".IssueReceipts(",
        ".BeginRun(", ".RecordRun(", ".Receipts(", "approved_versions", "FROM versions", "version_values", "FROM withdrawals",
    ];

    /// <summary>The ledger, and the store and rule it stands on.</summary>
    private static readonly string[] Allowed =
    [
        Path.Combine("src", "Reports.Core", "Ledger"),
        Path.Combine("src", "Reports.Core", "Store"),
        Path.Combine("src", "Reports.Core", "Versions", "VersionSelector.cs"),
    ];

    public static TheoryData<string> Sources() => [.. Guarded()];

    private static List<string> Guarded()
    {
        var data = new List<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(RepositoryPaths.Root, file);
            if (!relative.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !Allowed.Any(a => relative.StartsWith(a, StringComparison.Ordinal)))
            {
                data.Add(relative);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Nothing_outside_the_ledger_decides_a_version_or_reads_the_record(string source)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, source));
        Assert.All(Forbidden, token => Assert.DoesNotContain(token, text));
    }

    [Fact]
    public void The_check_sees_the_sources_it_guards()
    {
        var sources = Guarded();
        Assert.Contains(Path.Combine("src", "Reports.Cli", "Verbs", "StatusVerb.cs"), sources);
        Assert.Contains(Path.Combine("src", "Reports.Core", "Pipeline", "RunPipeline.cs"), sources);
        // And it would catch the old way: status deciding on its own.
        Assert.Contains(Forbidden, token => "VersionSelector.Decide(files, freeze)".Contains(token, StringComparison.Ordinal));
    }
}
