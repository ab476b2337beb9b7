using Reports.Intake;
using Reports.Merge;
using Reports.Pipeline;
using Reports.Tests.Support;

namespace Reports.Tests.Corpus;

/// <summary>
/// Every hostile or broken file ends in its own diagnostic, without an exception or a hang, and the good returns
/// beside it still merge.
/// </summary>
public sealed class HostileCorpusTests
{
    [Fact]
    public void The_kept_corpus_is_what_the_generator_makes()
    {
        if (Environment.GetEnvironmentVariable("REPORTS_UPDATE_CORPUS") == "1")
        {
            HostileCorpus.Write(HostileCorpus.Folder);
        }
        Assert.True(HostileCorpus.Entries.Count >= 30);
        var kept = Directory.GetFiles(HostileCorpus.Folder).Select(Path.GetFileName).Where(n => n != "README.md").Order(StringComparer.Ordinal);
        Assert.Equal(HostileCorpus.Entries.Select(e => e.FileName).Order(StringComparer.Ordinal), kept);
        foreach (var entry in HostileCorpus.Entries)
        {
            Assert.True(entry.Make().AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(HostileCorpus.Folder, entry.FileName))),
                $"{entry.FileName} differs from what the generator makes: run REPORTS_UPDATE_CORPUS=1 dotnet test --filter HostileCorpusTests");
        }
    }

    [Fact]
    public void Every_hostile_file_ends_in_its_own_diagnostic_and_the_good_returns_still_merge()
    {
        using var temp = new TempDirectory();
        var inbox = temp.Sub("inbox");
        foreach (var file in Directory.GetFiles(HostileCorpus.Folder).Where(f => !f.EndsWith("README.md", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(inbox, Path.GetFileName(file)));
        }
        var good = new[] { "140403", "140404" };
        foreach (var code in good)
        {
            Samples.WriteFilled(inbox, Samples.Changzhi.Find(code)!, Samples.ValuesOf(code));
        }

        var output = temp.Sub("out");
        var outcome = new RunPipeline(FixedClock.Default).Execute(Samples.Options(RepositoryPaths.SampleRoster, inbox, output));

        foreach (var entry in HostileCorpus.Entries)
        {
            var result = Assert.Single(outcome.Intake, r => Path.GetFileName(r.File) == entry.FileName);
            if (entry.ExpectedCode.Length == 0)
            {
                Assert.True(result.Status == IntakeStatus.Accepted, $"{entry.FileName}: {string.Join("; ", result.Diagnostics)}");
                continue;
            }
            var first = result.Diagnostics.FirstOrDefault(d => d.Severity != Reports.Diagnostics.DiagnosticSeverity.Info);
            Assert.True(first?.Code == entry.ExpectedCode, $"{entry.FileName} ({entry.Why}): expected {entry.ExpectedCode}, got {string.Join("; ", result.Diagnostics)}");
            if (first!.IsError)
            {
                Assert.NotEqual(IntakeStatus.Accepted, result.Status);
            }
        }

        // The macro-enabled returns (read, warned) and the one with formula-like remarks merge with the clean ones.
        // So do the one whose 备注 lies on a veryHidden sheet (warned) and the one with a stray cell far below the form.
        string[] accepted = [.. good, "140427", "140428", "140429", "140430", "140431"];
        Assert.Equal(accepted.Order(), outcome.Merge.Units.Where(u => u.Status == UnitStatus.Accepted).Select(u => u.Unit.Code).Order());
        var expected = accepted.Sum(code => Samples.Value(code, "emp_total"));
        Assert.Equal(expected, outcome.Merge.Total.Values["emp_total"]);
        Assert.Equal(ExitCode.Incomplete, outcome.ExitCode);

        // Every file gets a receipt, and every receipt opens without a repair prompt.
        var receipts = Directory.GetFiles(Path.Combine(output, "receipts"));
        Assert.Equal(outcome.Intake.Count, receipts.Length);
        foreach (var receipt in receipts)
        {
            Assert.True(WorkbookValidation.Errors(File.ReadAllBytes(receipt)) is { Count: 0 } errors, $"{Path.GetFileName(receipt)}: {string.Join("; ", WorkbookValidation.Errors(File.ReadAllBytes(receipt)))}");
        }
    }

    [Fact]
    public void A_file_locked_by_another_process_is_reported_and_left_alone()
    {
        using var temp = new TempDirectory();
        var path = Samples.WriteFilled(temp.Path, Samples.Changzhi.Units[0], Samples.ValuesOf(Samples.Changzhi.Units[0].Code));
        var before = File.ReadAllBytes(path);
        IntakeFileResult result;
        using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            result = new ReturnFileReader(new IntakeContext(Samples.Campaign, Samples.Changzhi, Samples.Period)).Read(path);
        }
        Assert.Equal(IntakeStatus.Rejected, result.Status);
        Assert.Equal("RPT061", Assert.Single(result.Diagnostics).Code);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_it_is_read()
    {
        using var temp = new TempDirectory();
        var path = Samples.WriteFilled(temp.Path, Samples.Changzhi.Units[0], Samples.ValuesOf(Samples.Changzhi.Units[0].Code));
        var limits = new Reports.Intake.Xlsx.XlsxLimits(MaxFileBytes: 1024);
        var result = new ReturnFileReader(new IntakeContext(Samples.Campaign, Samples.Changzhi, Samples.Period, limits)).Read(path);
        Assert.Equal("RPT003", Assert.Single(result.Diagnostics).Code);
    }
}
