using Reports.Intake;
using Reports.Merge;
using Reports.Pipeline;
using Reports.Store;
using Reports.Templates;
using Reports.Tests.Support;

namespace Reports.Tests.Store;

/// <summary>
/// A county may send several files for one period: the newest submission wins in the figures, every version
/// stays in the store, and a byte-identical resend is a duplicate, not a version.
/// </summary>
public sealed class ResubmissionTests
{
    private static readonly Reports.Rosters.RosterUnit First = Samples.Changzhi.Units[0];
    private static readonly Reports.Rosters.RosterUnit Second = Samples.Changzhi.Units[1];

    private static string Write(string folder, string fileName, Reports.Rosters.RosterUnit unit, Dictionary<string, string> values, string? stamp, DateTime fileTime)
    {
        var path = Path.Combine(folder, fileName);
        var bytes = ReturnFiller.Fill(Samples.Template(unit), Samples.Campaign, values);
        File.WriteAllBytes(path, bytes);
        if (stamp is not null)
        {
            OpenXmlNameWriter.Fill(path, new Dictionary<string, object> { [MetaNames.Submitted] = stamp });
        }
        File.SetLastWriteTimeUtc(path, fileTime);
        return path;
    }

    /// <summary>A roster of the two units, a store to be, and an inbox with each unit's first return (the first unit's stamped); the first unit's values.</summary>
    private static (string Roster, string Store, string Inbox, Dictionary<string, string> Original) FirstReturns(TempDirectory temp)
    {
        var roster = Samples.WriteRoster(temp.Path, First, Second);
        var store = Path.Combine(temp.Path, "store", "reports.db");
        var inbox = temp.Sub("inbox");
        var original = Samples.ValuesOf(First.Code);
        Write(inbox, $"{First.Code}-第一次.xlsx", First, original, "2022-07-03 10:00", new DateTime(2022, 7, 3, 10, 0, 0));
        Write(inbox, $"{Second.Code}.xlsx", Second, Samples.ValuesOf(Second.Code), null, new DateTime(2022, 7, 3, 11, 0, 0));
        return (roster, store, inbox, original);
    }

    private static RunOutcome Run(string roster, string inbox, string output, string store, TimeProvider? clock = null) =>
        new RunPipeline(clock ?? FixedClock.Default).Execute(Samples.Options(roster, inbox, output) with { StorePath = store });

    [Fact]
    public void A_resubmitted_return_replaces_the_earlier_one_in_the_figures_while_both_stay_in_the_store()
    {
        using var temp = new TempDirectory();
        var (roster, store, inbox, original) = FirstReturns(temp);

        var first = Run(roster, inbox, temp.Sub("out1"), store);
        Assert.Equal(ExitCode.Success, first.ExitCode);
        var firstTotal = first.Merge.Total.Values["emp_total"];

        // The correction: a later stamp, although the file's own time is older (copied from a USB stick).
        var corrected = Samples.ValuesOf(First.Code);
        corrected["emp_total"] = (decimal.Parse(original["emp_total"], System.Globalization.CultureInfo.InvariantCulture) + 100).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Write(inbox, $"{First.Code}-更正.xlsx", First, corrected, "2022-07-04 09:30", new DateTime(2022, 7, 1, 8, 0, 0));
        // And a byte-identical resend of the first file under another name.
        File.Copy(Path.Combine(inbox, $"{First.Code}-第一次.xlsx"), Path.Combine(inbox, $"{First.Code}-重发.xlsx"));

        var later = new FixedClock(new DateTimeOffset(2022, 7, 4, 12, 0, 0, TimeSpan.Zero));
        var second = Run(roster, inbox, temp.Sub("out2"), store, later);
        Assert.Equal(firstTotal + 100, second.Merge.Total.Values["emp_total"]);
        var used = second.Merge.Units.Single(u => u.Unit.Code == First.Code);
        Assert.Equal(UnitStatus.Accepted, used.Status);
        Assert.EndsWith("更正.xlsx", used.File);
        Assert.Equal(IntakeStatus.Superseded, second.Intake.Single(f => f.File.EndsWith("第一次.xlsx", StringComparison.Ordinal)).Status);
        Assert.Equal(IntakeStatus.Duplicate, second.Intake.Single(f => f.File.EndsWith("重发.xlsx", StringComparison.Ordinal)).Status);

        using (var opened = ReturnStore.Open(store, later))
        {
            var versions = opened.Versions(Samples.ReturnCode, Samples.Period);
            Assert.Equal(3, versions.Count); // two of the first unit, one of the second; the resend is not a version
            var ofFirst = versions.Where(v => v.UnitCode == First.Code).ToList();
            Assert.Equal([original["emp_total"], corrected["emp_total"]], ofFirst.Select(v => v.Submission!.Values["emp_total"].ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.All(versions, v => Assert.Equal(v.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(opened.Original(v.Sha256)!))));
            Assert.Equal(2, opened.RunCount);
        }

        // The inbox is emptied of the correction's predecessor: the merge still reads every version from the store.
        File.Delete(Path.Combine(inbox, $"{First.Code}-第一次.xlsx"));
        File.Delete(Path.Combine(inbox, $"{First.Code}-重发.xlsx"));
        var third = Run(roster, inbox, temp.Sub("out3"), store, later);
        Assert.Equal(firstTotal + 100, third.Merge.Total.Values["emp_total"]);
    }

    [Fact]
    public void A_version_that_no_longer_counts_is_decided_without_its_figures_unless_a_receipt_written_now_shows_them()
    {
        using var temp = new TempDirectory();
        var (roster, store, inbox, original) = FirstReturns(temp);
        Run(roster, inbox, temp.Sub("out1"), store);
        var corrected = Samples.ValuesOf(First.Code);
        corrected["emp_total"] = (int.Parse(original["emp_total"], System.Globalization.CultureInfo.InvariantCulture) + 100).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Write(inbox, $"{First.Code}-更正.xlsx", First, corrected, "2022-07-04 09:00", new DateTime(2022, 7, 4, 9, 0, 0));

        // A later run: the first version's receipt was issued by the first run, so nothing of this run shows its figures.
        var second = Run(roster, inbox, temp.Sub("out2"), store, new FixedClock(new DateTimeOffset(2022, 7, 4, 12, 0, 0, TimeSpan.Zero)));
        var decision = second.Results[0].Decision;
        var superseded = decision.Files.Single(f => f.File.EndsWith("第一次.xlsx", StringComparison.Ordinal));
        Assert.Equal(IntakeStatus.Superseded, superseded.Status);
        Assert.False(superseded.Version.FiguresRead);
        Assert.Empty(superseded.Submission!.Values);
        Assert.Empty(superseded.Submission.Cells);
        // What the one rule and intake.json need is there: when it was stamped, its findings.
        Assert.Equal(new DateTimeOffset(2022, 7, 3, 10, 0, 0, TimeSpan.Zero), superseded.Submission.Stamp);
        Assert.All(decision.Chosen.Values, c => Assert.True(c.Version.FiguresRead));
        Assert.Equal(corrected["emp_total"], decision.For(First.Code)!.Submission!.Values["emp_total"].ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotEmpty(decision.For(First.Code)!.Submission!.Cells);

        // Both versions new to a store in one run: each gets a receipt now, so the superseded one comes with its figures.
        var fresh = Run(roster, inbox, temp.Sub("out3"), Path.Combine(temp.Path, "fresh", "reports.db"));
        var receipt = fresh.Results[0].Receipts.Single(r => r.File.EndsWith("第一次.xlsx", StringComparison.Ordinal));
        Assert.Equal(IntakeStatus.Superseded, receipt.Version.Status);
        Assert.True(receipt.Version.Version.FiguresRead);
        Assert.Equal(original["emp_total"], receipt.Version.Submission!.Values["emp_total"].ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Without_a_stamp_the_file_time_decides()
    {
        using var temp = new TempDirectory();
        var inbox = temp.Sub("inbox");
        var older = Samples.ValuesOf(First.Code);
        var newer = Samples.ValuesOf(First.Code);
        newer["proj_library"] = "999";
        Write(inbox, "b.xlsx", First, older, null, new DateTime(2022, 7, 2, 8, 0, 0));
        Write(inbox, "a.xlsx", First, newer, null, new DateTime(2022, 7, 3, 8, 0, 0));

        var results = InboxIntake.Decided(new IntakeContext(Samples.Campaign, Samples.Changzhi, Samples.Period), inbox);

        Assert.Equal(IntakeStatus.Accepted, results.Single(r => r.File.EndsWith("a.xlsx", StringComparison.Ordinal)).Status);
        var superseded = results.Single(r => r.File.EndsWith("b.xlsx", StringComparison.Ordinal));
        Assert.Equal(IntakeStatus.Superseded, superseded.Status);
        Assert.Contains("a.xlsx", Assert.Single(superseded.Diagnostics).Message);
    }

    [Fact]
    public void Original_files_are_never_changed_moved_or_deleted()
    {
        using var temp = new TempDirectory();
        var inbox = temp.Sub("inbox");
        Write(inbox, "1.xlsx", First, Samples.ValuesOf(First.Code), null, new DateTime(2022, 7, 2, 8, 0, 0));
        File.Copy(Path.Combine(RepositoryPaths.Root, "tests", "corpus", "hostile", "12-zip-bomb-ratio.xlsx"), Path.Combine(inbox, "2.xlsx"));
        File.WriteAllText(Path.Combine(inbox, "说明.txt"), "附件说明");
        var before = Directory.GetFiles(inbox).ToDictionary(f => f, f => (File.ReadAllBytes(f), File.GetLastWriteTimeUtc(f)));

        Run(Samples.WriteRoster(temp.Path, First), inbox, temp.Sub("out"), Path.Combine(temp.Path, "s.db"));

        Assert.Equal(before.Keys.Order(), Directory.GetFiles(inbox).Order());
        foreach (var (file, (bytes, time)) in before)
        {
            Assert.Equal(bytes, File.ReadAllBytes(file));
            Assert.Equal(time, File.GetLastWriteTimeUtc(file));
        }
    }
}
