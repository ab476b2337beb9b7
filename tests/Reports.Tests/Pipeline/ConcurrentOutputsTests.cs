using Reports.Pipeline;
using Reports.Runs;
using Reports.Tests.Support;

namespace Reports.Tests.Pipeline;

/// <summary>
/// With <see cref="RunOptions.ConcurrentOutputs"/> the receipts are written beside the other outputs: the files are byte
/// for byte those of a run that writes one output after another on one intake thread, listed in the same order; and
/// when an output in order fails, the run still ends with a named failure and no temporary file, the receipts beside
/// it finished.
/// </summary>
public sealed class ConcurrentOutputsTests
{
    private static RunOutcome Run(string inbox, string output, bool concurrent) =>
        new RunPipeline(FixedClock.Default).Execute(Samples.Options(RepositoryPaths.SampleRoster, inbox, output) with
        {
            ConcurrentOutputs = concurrent,
            IntakeThreads = concurrent ? null : 1,
        });

    [Fact]
    public void Outputs_written_beside_each_other_are_the_bytes_of_outputs_written_one_after_another()
    {
        using var temp = new TempDirectory();
        var inbox = temp.Sub("inbox");
        foreach (var unit in Samples.Changzhi.Units)
        {
            var values = Samples.ValuesOf(unit.Code);
            if (unit.Code == "140404")
            {
                values["emp_outside"] = "99999"; // a rejected file: its receipt has findings
            }
            Samples.WriteFilled(inbox, unit, values);
        }
        var one = Run(inbox, temp.Sub("one"), concurrent: false);
        var both = Run(inbox, temp.Sub("both"), concurrent: true);

        string Relative(string root, string file) => Path.GetRelativePath(root, file);
        Assert.Equal(one.OutputFiles.Select(f => Relative(temp.Sub("one"), f)), both.OutputFiles.Select(f => Relative(temp.Sub("both"), f)));
        Assert.Contains(both.OutputFiles, f => Path.GetFileName(f).StartsWith("回执-", StringComparison.Ordinal));
        Assert.Contains(both.OutputFiles, f => Path.GetFileName(f).StartsWith("汇总表-", StringComparison.Ordinal));
        foreach (var (first, second) in one.OutputFiles.Zip(both.OutputFiles))
        {
            Assert.True(File.ReadAllBytes(first).AsSpan().SequenceEqual(File.ReadAllBytes(second)), $"{Path.GetFileName(first)} differs");
        }
        // Each output's time is still told, the receipts' measured on their own thread.
        Assert.Contains(both.Timings!, t => t.Stage == StageTiming.Receipts);
        Assert.Contains(both.Timings!, t => t.Stage == StageTiming.Workbook);
    }

    [Fact]
    public void A_failing_output_in_order_ends_the_run_named_after_the_receipts_beside_it_and_leaves_no_temporary()
    {
        using var temp = new TempDirectory();
        var output = temp.Sub("out");
        // A folder where the workbook goes: its move into place fails while the receipts are written beside it.
        var workbook = Path.Combine(output, "汇总表-campaign-5plus1-2022-06.xlsx");
        Directory.CreateDirectory(workbook);

        var failure = Assert.Throws<OutputException>(() => Run(RepositoryPaths.SampleInbox, output, concurrent: true));

        Assert.Contains(workbook, failure.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(output, "*" + OutputFile.TemporarySuffix, SearchOption.AllDirectories));
        // The receipts beside it ran to their end before the failure was told: every one is whole.
        var receipts = Directory.GetFiles(Path.Combine(output, "receipts"));
        Assert.Equal(Samples.Changzhi.Units.Count, receipts.Length);
    }
}
