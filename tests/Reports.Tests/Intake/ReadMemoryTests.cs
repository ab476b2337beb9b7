using Reports.Intake;
using Reports.Tests.Intake.Xlsx;
using Reports.Tests.Support;

namespace Reports.Tests.Intake;

/// <summary>
/// Memory stays bounded however many files are read at once: <see cref="ReadBudget"/> lets the process hold at most its
/// budget of file bytes being read, and every part's reading is bounded (depth, one tag, one text).
/// </summary>
[Collection(ReadBudgetCollection.Name)]
public sealed class ReadMemoryTests
{
    [Fact]
    public void The_budget_never_lets_readers_hold_more_than_it_allows_and_a_heavy_file_still_gets_read()
    {
        long peak = 0;
        var gate = new object();
        var weights = Enumerable.Range(0, 40).Select(i => i % 5 == 0 ? 200L << 20 : 10L << 20).ToList();
        Parallel.ForEach(weights, new ParallelOptions { MaxDegreeOfParallelism = 16 }, weight =>
        {
            using var lease = ReadBudget.Acquire(weight);
            lock (gate)
            {
                peak = Math.Max(peak, ReadBudget.InUse);
            }
            Thread.Sleep(5);
        });
        Assert.InRange(peak, ReadBudget.PerFileBytes + (10L << 20), ReadBudget.TotalBytes);
        Assert.Equal(0, ReadBudget.InUse);

        // One reader heavier than the whole budget is not refused: it reads alone.
        using (ReadBudget.Acquire(2 * ReadBudget.TotalBytes))
        {
            Assert.True(ReadBudget.InUse > ReadBudget.TotalBytes);
        }
    }

    [UnixFact]
    public void Sixteen_readers_on_sixteen_copies_of_the_deepest_allowed_file_stay_under_one_and_a_half_gigabytes()
    {
        using var temp = new TempDirectory();
        var inbox = temp.Sub("inbox");
        // Just under the 64 MB file cap, stored (ratio 1), nested 64 deep throughout: the most each file may cost.
        var file = XmlBoundsTests.StoredSheetWith(XmlBoundsTests.NestedBlocks(64, 63_000_000));
        Assert.InRange(file.Length, 60L << 20, 64L << 20);
        const int copies = 16;
        for (var i = 0; i < copies; i++)
        {
            File.WriteAllBytes(Path.Combine(inbox, $"copy-{i:00}.xlsx"), file);
        }
        var environment = new Dictionary<string, string> { ["REPORTS_INTAKE_THREADS"] = copies.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        using var process = Support.Cli.Start(temp.Path, environment, "run", "--return", "campaign-5plus1", "--period", "2022-06",
            "--roster", RepositoryPaths.SampleRoster, "--inbox", inbox, "--out", Path.Combine(temp.Path, "out"),
            "--setting", $"Reports:Store={Path.Combine(temp.Path, "store.db")}");
        var (peak, exit, stdout, stderr) = PeakMemory.Watch(process, "the run");
        Assert.True(exit is 3, $"exit {exit}: {stdout} {stderr}");
        Assert.True(peak < 1536L << 20, $"peak working set {peak >> 20} MB");
    }
}
