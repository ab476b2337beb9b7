using System.Text.Json;
using Reports.Diagnostics;
using Reports.Intake;
using Reports.Merge;
using Reports.Periods;
using Reports.Pipeline;
using Reports.Rosters;
using Reports.Store;
using Reports.Templates;
using Reports.Tests.Support;
using Reports.Versions;

namespace Reports.Tests.Versions;

/// <summary>
/// Which version counts for a unit is decided once, by one rule: a file whose identity or sender fails never counts
/// and never displaces a valid return; the version the office received last wins, a stamp never beats a later
/// reception, a stamp after the run's clock is not trusted, and a withdrawn version never counts again.
/// </summary>
public sealed class VersionDecisionTests : IDisposable
{
    private static readonly RosterUnit First = Samples.Changzhi.Units[0];
    private static readonly RosterUnit Second = Samples.Changzhi.Units[1];
    private static readonly FixedClock Day1 = new(new DateTimeOffset(2022, 7, 3, 12, 0, 0, TimeSpan.Zero));
    private static readonly FixedClock Day2 = new(new DateTimeOffset(2022, 7, 4, 12, 0, 0, TimeSpan.Zero));

    private readonly TempDirectory _temp = new();
    private readonly string _roster;
    private readonly string _store;
    private int _runs;

    public VersionDecisionTests()
    {
        _roster = Samples.WriteRoster(_temp.Path, First, Second);
        _store = Path.Combine(_temp.Path, "store", "reports.db");
    }

    public void Dispose() => _temp.Dispose();

    private RunOutcome Run(string inbox, TimeProvider clock, bool withStore = true) =>
        new RunPipeline(clock).Execute(Samples.Options(_roster, inbox, _temp.Sub($"out{++_runs}")) with { StorePath = withStore ? _store : null });

    /// <summary>A file as the run lists it: the store knows versions by file name.</summary>
    private static DecidedVersion Listed(RunOutcome run, string path) =>
        run.Intake.Single(f => Path.GetFileName(f.File) == Path.GetFileName(path));

    /// <summary>A filled return of <paramref name="unit"/> with its meta cells and stamp overwritten as a careless or hostile county would.</summary>
    private static string WriteReturn(string folder, RosterUnit unit, string? fileName = null, ReportingPeriod? period = null,
        IReadOnlyDictionary<string, object>? cells = null, Dictionary<string, string>? values = null)
    {
        // Written aside first: under the template's own name it could overwrite the unit's other file.
        var aside = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "reports-tests-" + Guid.NewGuid().ToString("N"))).FullName;
        var written = Samples.WriteFilled(aside, unit, values ?? Samples.ValuesOf(unit.Code), period);
        var path = Path.Combine(folder, fileName ?? Path.GetFileName(written));
        File.Move(written, path);
        Directory.Delete(aside);
        if (cells is not null)
        {
            OpenXmlNameWriter.Fill(path, cells);
        }
        return path;
    }

    public static TheoryData<string, string> Misdirected => new()
    {
        { "last-year", "RPT014" },
        { "last-month", "RPT014" },
        { "another-return", "RPT011" },
        { "old-template", "RPT012" },
    };

    private static string WriteMisdirected(string folder, string kind) => kind switch
    {
        "last-year" => WriteReturn(folder, First, $"{First.Code}-去年.xlsx", period: new ReportingPeriod(2021, 6)),
        "last-month" => WriteReturn(folder, First, $"{First.Code}-上月.xlsx", period: new ReportingPeriod(2022, 5)),
        "another-return" => WriteReturn(folder, First, $"{First.Code}-另一张表.xlsx", cells: new Dictionary<string, object> { [MetaNames.Return] = "employment-scale" }),
        _ => WriteReturn(folder, First, $"{First.Code}-旧模板.xlsx", cells: new Dictionary<string, object> { [MetaNames.Version] = "0.9" }),
    };

    /// <summary>Two versions of one unit in one run, stamped alike: the one whose file time says 2100 (a wrong clock)
    /// does not beat the one received later by any believable time.</summary>
    [Fact]
    public void A_file_time_in_2100_never_beats_a_newer_reception()
    {
        var inbox = _temp.Sub("inbox");
        var future = WriteReturn(inbox, First, $"{First.Code}-钟快.xlsx");
        var corrected = Samples.ValuesOf(First.Code);
        corrected["emp_total"] = (Samples.Value(First.Code, "emp_total") + 7).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var real = WriteReturn(inbox, First, $"{First.Code}-更正.xlsx", values: corrected);
        WriteReturn(inbox, Second);
        foreach (var file in new[] { future, real })
        {
            OpenXmlNameWriter.Fill(file, new Dictionary<string, object> { [MetaNames.Submitted] = "2022-07-02 10:00" });
        }
        File.SetLastWriteTimeUtc(future, new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        File.SetLastWriteTimeUtc(real, new DateTime(2022, 7, 3, 9, 0, 0, DateTimeKind.Utc));

        var run = Run(inbox, Day1);

        Assert.Equal(IntakeStatus.Accepted, Listed(run, real).Status);
        Assert.Equal(IntakeStatus.Superseded, Listed(run, future).Status);
        Assert.Equal(Samples.Value(First.Code, "emp_total") + 7, run.Merge.Units.Single(u => u.Unit == First).Values["emp_total"]);
    }

    [Theory]
    [MemberData(nameof(Misdirected))]
    public void A_file_for_another_period_return_or_template_arriving_later_never_displaces_the_valid_return(string kind, string code)
    {
        var inbox = _temp.Sub("inbox");
        WriteReturn(inbox, First);
        WriteReturn(inbox, Second);
        var first = Run(inbox, Day1);
        Assert.Equal(ExitCode.Success, first.ExitCode);

        // The valid return leaves the inbox; the wrong file arrives a day later, with the newest stamp of all.
        foreach (var file in Directory.GetFiles(inbox, $"{First.Code}*"))
        {
            File.Delete(file);
        }
        var wrong = WriteMisdirected(inbox, kind);
        OpenXmlNameWriter.Fill(wrong, new Dictionary<string, object> { [MetaNames.Submitted] = "2022-07-04 11:00" });
        var second = Run(inbox, Day2);

        Assert.Equal(ExitCode.Success, second.ExitCode);
        Assert.Equal(first.Merge.Total.Values["emp_total"], second.Merge.Total.Values["emp_total"]);
        Assert.Equal(Samples.Value(First.Code, "emp_total") + Samples.Value(Second.Code, "emp_total"), second.Merge.Total.Values["emp_total"]);
        Assert.Equal(UnitStatus.Accepted, second.Merge.Units.Single(u => u.Unit == First).Status);
        // Recorded, listed with its reason and receipted, never a version of this period's return.
        var listed = Listed(second, wrong);
        Assert.Equal(IntakeStatus.Rejected, listed.Status);
        Assert.Contains(listed.Diagnostics, d => d.Code == code);
        Assert.False(VersionSelector.CanCount(listed.Version));
        var intakeJson = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_temp.Path, $"out{_runs}", "intake.json")));
        Assert.Contains(intakeJson.RootElement.EnumerateArray(), f => f.GetProperty("file").GetString() == Path.GetFileName(wrong) && f.GetProperty("status").GetString() == "rejected");
        Assert.True(File.Exists(Path.Combine(_temp.Path, $"out{_runs}", "receipts", $"回执-{Path.GetFileNameWithoutExtension(wrong)}-{listed.Sha256[..8]}.xlsx")));
        using var store = ReturnStore.Open(_store, Day2);
        Assert.Contains(store.Versions(Samples.ReturnCode, Samples.Period), v => v.Sha256 == listed.Sha256);
    }

    [Theory]
    [MemberData(nameof(Misdirected))]
    public void A_misdirected_file_in_the_same_run_leaves_the_valid_return_in_the_merge(string kind, string code)
    {
        var inbox = _temp.Sub("inbox");
        WriteReturn(inbox, First);
        WriteReturn(inbox, Second);
        var wrong = WriteMisdirected(inbox, kind);
        File.SetLastWriteTimeUtc(wrong, new DateTime(2022, 7, 3, 23, 0, 0, DateTimeKind.Utc)); // newer than the valid one

        var run = Run(inbox, Day1, withStore: false);

        Assert.Equal(ExitCode.Success, run.ExitCode);
        Assert.Equal(Samples.Value(First.Code, "emp_total") + Samples.Value(Second.Code, "emp_total"), run.Merge.Total.Values["emp_total"]);
        Assert.Contains(Listed(run, wrong).Diagnostics, d => d.Code == code);
    }

    [Fact]
    public void A_file_named_for_one_county_but_filled_as_another_is_rejected_and_the_other_county_keeps_its_return()
    {
        var inbox = _temp.Sub("inbox");
        WriteReturn(inbox, First);
        WriteReturn(inbox, Second);
        var altered = Samples.ValuesOf(Second.Code);
        altered["emp_total"] = "1";
        altered["emp_outside"] = "0";
        // 潞州区's file name, 上党区's template and figures: who sent it cannot be told.
        var spoof = WriteReturn(inbox, Second, $"{First.Code}-潞州区-补充.xlsx", values: altered);
        File.SetLastWriteTimeUtc(spoof, new DateTime(2022, 7, 3, 23, 0, 0, DateTimeKind.Utc));

        var run = Run(inbox, Day1);

        var finding = Assert.Single(Listed(run, spoof).Diagnostics, d => d.Code == DiagnosticCatalog.SenderNameMismatch.Code);
        Assert.Equal(DiagnosticSeverity.Error, finding.Severity);
        Assert.Contains($"{First.Code}（{First.Name}）", finding.Message);
        Assert.Contains($"{Second.Code}（{Second.Name}）", finding.Message);
        Assert.Equal(ExitCode.Success, run.ExitCode);
        Assert.Equal(Samples.Value(Second.Code, "emp_total"), run.Merge.Units.Single(u => u.Unit == Second).Values["emp_total"]);
    }

    [Fact]
    public void A_file_in_one_countys_inbox_folder_cannot_speak_for_another()
    {
        var inbox = _temp.Sub("inbox");
        WriteReturn(_temp.Sub(Path.Combine("inbox", First.Code)), First);
        WriteReturn(_temp.Sub(Path.Combine("inbox", Second.Code)), Second);
        // In 潞州区's folder, a file without a code in its name that says it is 上党区's.
        var altered = Samples.ValuesOf(Second.Code);
        altered["remarks"] = "冒名";
        var spoof = WriteReturn(Path.Combine(inbox, First.Code), Second, "补充报表.xlsx", values: altered);
        File.SetLastWriteTimeUtc(spoof, new DateTime(2022, 7, 3, 23, 0, 0, DateTimeKind.Utc));

        var run = Run(inbox, Day1);

        var finding = Assert.Single(Listed(run, spoof).Diagnostics, d => d.Code == DiagnosticCatalog.SenderFolderMismatch.Code);
        Assert.Contains($"{First.Code}（{First.Name}）", finding.Message);
        Assert.Contains($"{Second.Code}（{Second.Name}）", finding.Message);
        Assert.Equal(ExitCode.Success, run.ExitCode);
        Assert.DoesNotContain("冒名", run.Merge.Units.Single(u => u.Unit == Second).Texts.Values);
    }

    [Fact]
    public void A_stamp_after_the_clock_is_not_trusted_and_a_later_correction_wins()
    {
        var inbox = _temp.Sub("inbox");
        WriteReturn(inbox, Second);
        var forever = WriteReturn(inbox, First, cells: new Dictionary<string, object> { [MetaNames.Submitted] = "2099-12-31 23:59" });
        var first = Run(inbox, Day1);
        var warning = Assert.Single(Listed(first, forever).Diagnostics, d => d.Code == DiagnosticCatalog.SubmissionStampInFuture.Code);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("2099-12-31 23:59", warning.Message);

        File.Delete(forever);
        var corrected = Samples.ValuesOf(First.Code);
        corrected["remarks"] = "更正";
        WriteReturn(inbox, First, $"{First.Code}-更正.xlsx", values: corrected,
            cells: new Dictionary<string, object> { [MetaNames.Submitted] = "2022-07-04 10:00" });
        var second = Run(inbox, Day2);

        Assert.Equal("更正", second.Merge.Units.Single(u => u.Unit == First).Texts["remarks"]);
    }

    [Fact]
    public void A_version_received_later_wins_over_an_earlier_received_one_with_a_later_stamp()
    {
        var inbox = _temp.Sub("inbox");
        WriteReturn(inbox, Second);
        var early = WriteReturn(inbox, First, cells: new Dictionary<string, object> { [MetaNames.Submitted] = "2022-07-03 11:00" });
        Run(inbox, Day1);

        File.Delete(early);
        var corrected = Samples.ValuesOf(First.Code);
        corrected["remarks"] = "后收到";
        // Its clerk's stamp is older (the computer's clock was wrong), but the office received it a day later.
        WriteReturn(inbox, First, $"{First.Code}-后收到.xlsx", values: corrected,
            cells: new Dictionary<string, object> { [MetaNames.Submitted] = "2022-06-30 09:00" });
        var second = Run(inbox, Day2);

        Assert.Equal("后收到", second.Merge.Units.Single(u => u.Unit == First).Texts["remarks"]);
        Assert.Equal(IntakeStatus.Superseded, Listed(second, early).Status);
    }

    [Fact]
    public void A_withdrawn_version_never_counts_again_even_after_it_left_the_inbox()
    {
        var inbox = _temp.Sub("inbox");
        WriteReturn(inbox, First);
        WriteReturn(inbox, Second);
        Run(inbox, Day1);

        // A spoofed file with no code in its name and a plausible stamp: nothing in it gives it away.
        var spoofed = Samples.ValuesOf(First.Code);
        spoofed["emp_total"] = (Samples.Value(First.Code, "emp_total") + 5000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var spoof = WriteReturn(inbox, First, "补报.xlsx", values: spoofed);
        var taken = Run(inbox, Day2);
        Assert.Equal(Samples.Value(First.Code, "emp_total") + 5000, taken.Merge.Units.Single(u => u.Unit == First).Values["emp_total"]);
        var hash = Listed(taken, spoof).Sha256;
        File.Delete(spoof);

        var withdraw = Support.Cli.Invoke("withdraw", "--return", Samples.ReturnCode, "--period", "2022-06", "--sha256", hash,
            "--why", "冒用潞州区名义报送", "--store", _store);
        Assert.Equal(0, withdraw.Exit);
        Assert.Contains("已撤销", withdraw.Stdout);

        var after = Run(inbox, Day2);
        Assert.Equal(Samples.Value(First.Code, "emp_total"), after.Merge.Units.Single(u => u.Unit == First).Values["emp_total"]);
        var record = after.Intake.Single(f => f.Sha256 == hash);
        Assert.Equal(IntakeStatus.Withdrawn, record.Status);
        Assert.Contains(record.Diagnostics, d => d.Code == DiagnosticCatalog.Withdrawn.Code && d.Message.Contains("冒用潞州区名义报送", StringComparison.Ordinal));

        var history = Support.Cli.Invoke("history", "--return", Samples.ReturnCode, "--period", "2022-06", "--unit", First.Code, "--store", _store);
        Assert.Contains("已撤销", history.Stdout);
        Assert.Contains("冒用潞州区名义报送", history.Stdout);
        Assert.Equal(2, Support.Cli.Invoke("withdraw", "--return", Samples.ReturnCode, "--period", "2022-06", "--sha256", new string('0', 64),
            "--why", "不存在", "--store", _store).Exit);
    }

    [Fact]
    public void Status_history_and_a_run_decide_alike()
    {
        var inbox = _temp.Sub("inbox");
        WriteReturn(inbox, First);
        var wrong = WriteMisdirected(inbox, "last-month");
        File.SetLastWriteTimeUtc(wrong, new DateTime(2022, 7, 3, 23, 0, 0, DateTimeKind.Utc));
        var run = Run(inbox, Day1);
        Assert.Equal(UnitStatus.Accepted, run.Merge.Units.Single(u => u.Unit == First).Status);

        var csv = Path.Combine(_temp.Path, "status.csv");
        var status = Support.Cli.Invoke("status", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", _roster, "--store", _store, "--csv", csv);
        var row = File.ReadAllLines(csv).Single(l => l.StartsWith(First.Code, StringComparison.Ordinal));
        Assert.Contains("已报送", row);
        Assert.Contains(Path.GetFileName(run.Merge.Units.Single(u => u.Unit == First).File!), row);
        Assert.Contains($"催报：{Second.Name}", status.Stdout);

        var history = Support.Cli.Invoke("history", "--return", Samples.ReturnCode, "--period", "2022-06", "--unit", First.Code, "--store", _store);
        var used = history.Stdout.Split('\n').Single(l => l.Contains("汇总采用", StringComparison.Ordinal));
        Assert.DoesNotContain(Path.GetFileName(wrong), used);
    }
}
