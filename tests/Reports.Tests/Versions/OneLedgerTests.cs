using System.Globalization;
using System.Text.Json;
using Reports.Cli;
using Reports.Diagnostics;
using Reports.Periods;
using Reports.Rosters;
using Reports.Tests.Support;

namespace Reports.Tests.Versions;

/// <summary>
/// Every verb reads one record, decided in one place (the ledger): the cases A–F of issue 23, each on generated
/// files, each seen as a new user would see it — through the command, by what it prints and writes.
/// </summary>
public sealed class OneLedgerTests : IDisposable
{
    private static readonly RosterUnit First = Samples.Changzhi.Units[0];
    private static readonly RosterUnit Second = Samples.Changzhi.Units[1];
    private static readonly RosterUnit Third = Samples.Changzhi.Units[2];
    private static readonly ReportingPeriod May = new(2022, 5);
    private static readonly FixedClock Day1 = new(new DateTimeOffset(2022, 7, 3, 12, 0, 0, TimeSpan.Zero));
    private static readonly FixedClock Approved = new(new DateTimeOffset(2022, 7, 3, 16, 30, 0, TimeSpan.Zero));
    private static readonly FixedClock Day2 = new(new DateTimeOffset(2022, 7, 4, 12, 0, 0, TimeSpan.Zero));
    private static readonly FixedClock Day3 = new(new DateTimeOffset(2022, 7, 5, 12, 0, 0, TimeSpan.Zero));

    private readonly TempDirectory _temp = new();
    private readonly string _store;

    public OneLedgerTests() => _store = Path.Combine(_temp.Path, "store", "reports.db");

    public void Dispose() => _temp.Dispose();

    private static Support.Cli.Result Invoke(TimeProvider clock, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = new ReportsCommand(clock, stdout, stderr).Invoke(args);
        return new Support.Cli.Result(exit, stdout.ToString(), stderr.ToString());
    }

    private Support.Cli.Result Run(TimeProvider clock, string roster, string inbox, string output, string period = "2022-06") =>
        Invoke(clock, "run", "--return", Samples.ReturnCode, "--period", period, "--roster", roster, "--inbox", inbox, "--out", _temp.Sub(output),
            "--window", "2022-03-22:2022-06-30", "--store", _store);

    private Support.Cli.Result Approve(string roster, string period = "2022-06", params string[] more) =>
        Invoke(Approved, ["approve", "--return", Samples.ReturnCode, "--period", period, "--roster", roster, "--store", _store, .. more]);

    private Support.Cli.Result History(RosterUnit unit) =>
        Invoke(Day3, "history", "--return", Samples.ReturnCode, "--period", "2022-06", "--unit", unit.Code, "--store", _store);

    /// <summary>A unit's sample return, sent back for a must-fix finding: a loan amount with no households (RPT042).</summary>
    private static Dictionary<string, string> Rejected(RosterUnit unit)
    {
        var values = Samples.ValuesOf(unit.Code);
        values["loan_households"] = "0";
        return values;
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));

    [Fact]
    public void A_the_check_against_last_period_reads_the_figures_its_approval_adopted_not_a_later_pending_file()
    {
        var roster = Samples.WriteRoster(_temp.Path, First, Second);
        var mayInbox = _temp.Sub("inbox-05");
        Samples.WriteFilled(mayInbox, First, Samples.ValuesOf(First.Code), May);
        Samples.WriteFilled(mayInbox, Second, Samples.ValuesOf(Second.Code), May);
        Assert.Equal(0, Run(Day1, roster, mayInbox, "out-05", "2022-05").Exit);
        Assert.Equal(0, Approve(roster, "2022-05").Exit);
        // A later May file of 潞州区 with a higher figure: rightly pending, never adopted.
        var library = int.Parse(Samples.SampleValues[First.Code]["proj_library"], CultureInfo.InvariantCulture);
        var later = Samples.ValuesOf(First.Code);
        later["proj_library"] = (library + 50).ToString(CultureInfo.InvariantCulture);
        var aside = _temp.Sub("aside");
        File.Move(Samples.WriteFilled(aside, First, later, May), Path.Combine(mayInbox, $"{First.Code}-更正.xlsx"));
        var pending = Run(Day2, roster, mayInbox, "out-05", "2022-05");
        Assert.Contains("待审", pending.Stdout);

        // June: above May's adopted figure, below the pending one.
        var juneInbox = _temp.Sub("inbox-06");
        var june = Samples.ValuesOf(First.Code);
        june["proj_library"] = (library + 10).ToString(CultureInfo.InvariantCulture);
        Samples.WriteFilled(juneInbox, First, june);
        Samples.WriteFilled(juneInbox, Second, Samples.ValuesOf(Second.Code));
        var run = Run(Day3, roster, juneInbox, "out-06");

        Assert.Equal(0, run.Exit);
        Assert.DoesNotContain(DiagnosticCatalog.BelowPrevious.Code, run.Stdout + run.Stderr);
        using var intake = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_temp.Path, "out-06", "2022-06", "intake.json")));
        var first = intake.RootElement.EnumerateArray().Single(f => f.GetProperty("unit").GetString() == First.Code);
        Assert.Equal("accepted", first.GetProperty("status").GetString());
    }

    [Fact]
    public void B_approval_freezes_only_accepted_versions_states_accepted_of_expected_and_refuses_an_incomplete_period_unless_told()
    {
        var roster = Samples.WriteRoster(_temp.Path, First, Second, Third);
        var inbox = _temp.Sub("inbox");
        Samples.WriteFilled(inbox, First, Samples.ValuesOf(First.Code));
        var rejected = Samples.WriteFilled(inbox, Second, Rejected(Second));
        Assert.Equal(3, Run(Day1, roster, inbox, "out").Exit);

        var refused = Approve(roster);
        Assert.Equal(2, refused.Exit);
        Assert.Contains("1/3", refused.Stderr);
        Assert.Contains(Second.Name, refused.Stderr);
        Assert.Contains(Third.Name, refused.Stderr);
        Assert.Contains("--allow-incomplete", refused.Stderr);
        Assert.DoesNotContain("审定  ", History(Second).Stdout); // nothing was recorded

        var approved = Approve(roster, "2022-06", "--allow-incomplete");
        Assert.Equal(0, approved.Exit);
        Assert.Contains("1/3", approved.Stdout);
        Assert.Contains($"未通过：{Second.Name}", approved.Stdout);
        Assert.Contains($"未报送：{Third.Name}", approved.Stdout);
        Assert.DoesNotContain(Sha256(rejected)[..12], approved.Stdout);

        var history = History(Second).Stdout;
        var line = history.Split('\n').Single(l => l.Contains("审定  ", StringComparison.Ordinal));
        Assert.DoesNotContain("采用", line);
        Assert.Contains("未通过", line);
        Assert.Contains("未报送", History(Third).Stdout.Split('\n').Single(l => l.Contains("审定  ", StringComparison.Ordinal)));
    }

    [Fact]
    public void C_once_a_correction_counts_later_runs_no_longer_print_or_count_the_superseded_versions_findings()
    {
        var roster = Samples.WriteRoster(_temp.Path, First, Second);
        var inbox = _temp.Sub("inbox");
        Samples.WriteFilled(inbox, First, Rejected(First));
        Samples.WriteFilled(inbox, Second, Samples.ValuesOf(Second.Code));
        var first = Run(Day1, roster, inbox, "out");
        Assert.Equal(3, first.Exit);
        Assert.Contains(DiagnosticCatalog.NeedsViolated.Code, first.Stdout + first.Stderr);

        // The corrected file arrives beside the rejected one, which stays in the inbox.
        var aside = _temp.Sub("aside");
        File.Move(Samples.WriteFilled(aside, First, Samples.ValuesOf(First.Code)), Path.Combine(inbox, $"{First.Code}-更正.xlsx"));
        Run(Day2, roster, inbox, "out");
        var later = Run(Day3, roster, inbox, "out");

        Assert.Equal(0, later.Exit);
        Assert.DoesNotContain(DiagnosticCatalog.NeedsViolated.Code, later.Stdout + later.Stderr);
        var log = File.ReadAllText(Path.Combine(_temp.Path, "out", "2022-06", "run.log"));
        Assert.DoesNotContain(DiagnosticCatalog.NeedsViolated.Code, log);
        var closing = later.Stdout.Split('\n').First(l => l.Contains("错误", StringComparison.Ordinal) && l.Contains("提醒", StringComparison.Ordinal));
        Assert.Matches(@"错误\D*0\b", closing);
    }

    [Fact]
    public void D_a_corrected_file_under_the_same_name_gets_its_own_receipt_and_the_issued_one_is_never_rewritten()
    {
        var roster = Samples.WriteRoster(_temp.Path, First);
        var inbox = _temp.Sub("inbox");
        var path = Samples.WriteFilled(inbox, First, Rejected(First));
        var rejectedHash = Sha256(path);
        Run(Day1, roster, inbox, "out");
        var receipts = Path.Combine(_temp.Path, "out", "2022-06", "receipts");
        var issued = Assert.Single(Directory.GetFiles(receipts));
        var issuedBytes = File.ReadAllBytes(issued);

        // The county corrects its file and sends it under the very same name.
        File.Delete(path);
        Samples.WriteFilled(inbox, First, Samples.ValuesOf(First.Code));
        var correctedHash = Sha256(path);
        Assert.Equal(0, Run(Day2, roster, inbox, "out").Exit);
        Run(Day3, roster, inbox, "out");

        var now = Directory.GetFiles(receipts).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, now.Count);
        Assert.Equal(issuedBytes, File.ReadAllBytes(issued)); // what the county was told stays as it was told
        Assert.Contains(now, r => Path.GetFileName(r).Contains(rejectedHash[..8], StringComparison.Ordinal));
        Assert.Contains(now, r => Path.GetFileName(r).Contains(correctedHash[..8], StringComparison.Ordinal));
        var rejectedReceipt = new WorkbookReadBack(now.Single(r => r.Contains(rejectedHash[..8], StringComparison.Ordinal))).Sheets[0];
        var (row, column) = rejectedReceipt.Find("结果");
        Assert.Contains("退回", rejectedReceipt.Text(row, column + 1));
        // The store knows which receipt was issued for which version.
        var history = History(First).Stdout;
        foreach (var receipt in now)
        {
            Assert.Contains(Path.GetFileName(receipt), history);
        }
    }

    [Fact]
    public void D_an_issued_receipt_missing_from_its_folder_is_not_issued_again_from_a_later_decision_and_run_log_says_so()
    {
        var roster = Samples.WriteRoster(_temp.Path, First);
        var inbox = _temp.Sub("inbox");
        Samples.WriteFilled(inbox, First, Rejected(First));
        Run(Day1, roster, inbox, "out");
        var receipts = Path.Combine(_temp.Path, "out", "2022-06", "receipts");
        var issued = Assert.Single(Directory.GetFiles(receipts));
        File.Delete(issued); // lost from the folder: it told the county 退回

        // The county sends a corrected file under another name; the rejected one stays in the inbox and is now superseded.
        var corrected = Path.Combine(inbox, "更正.xlsx");
        File.Move(Samples.WriteFilled(_temp.Sub("written"), First, Samples.ValuesOf(First.Code)), corrected);
        var second = Run(Day2, roster, inbox, "out");

        Assert.Equal(0, second.Exit);
        // Not rendered again from today's decision (superseded): that is not what the county was told.
        Assert.False(File.Exists(issued));
        Assert.Contains(Sha256(corrected)[..8], Path.GetFileName(Assert.Single(Directory.GetFiles(receipts))));
        var log = File.ReadAllLines(Path.Combine(_temp.Path, "out", "2022-06", "run.log"));
        var notice = Assert.Single(log, l => l.Contains(DiagnosticCatalog.ReceiptMissing.Code, StringComparison.Ordinal));
        Assert.Contains(Path.GetFileName(issued), notice);
        Assert.Contains("1 份", notice);
    }

    [Fact]
    public void E_status_judges_an_inbox_file_as_run_does_and_writes_under_its_out()
    {
        var roster = Samples.WriteRoster(_temp.Path, First, Second);
        var mayInbox = _temp.Sub("inbox-05");
        Samples.WriteFilled(mayInbox, First, Samples.ValuesOf(First.Code), May);
        Samples.WriteFilled(mayInbox, Second, Samples.ValuesOf(Second.Code), May);
        Assert.Equal(0, Run(Day1, roster, mayInbox, "out", "2022-05").Exit);
        // June: 潞州区's cumulative figure below May's, unexplained: a run sends it back (RPT045).
        var juneInbox = _temp.Sub("inbox-06");
        var june = Samples.ValuesOf(First.Code);
        june["proj_library"] = (int.Parse(june["proj_library"], CultureInfo.InvariantCulture) - 10).ToString(CultureInfo.InvariantCulture);
        Samples.WriteFilled(juneInbox, First, june);
        Samples.WriteFilled(juneInbox, Second, Samples.ValuesOf(Second.Code));
        var statusOut = _temp.Sub("status-out");

        var status = Invoke(Day2, "status", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", roster, "--inbox", juneInbox,
            "--store", _store, "--out", statusOut);

        Assert.Equal(3, status.Exit);
        var line = status.Stdout.Split('\n').Single(l => l.Contains(First.Code, StringComparison.Ordinal) && l.Contains(First.Name, StringComparison.Ordinal) && !l.Contains("催报", StringComparison.Ordinal));
        Assert.Contains("退回", line);
        Assert.Contains($"催报：{First.Name}", status.Stdout);
        Assert.True(File.Exists(Path.Combine(statusOut, "2022-06", $"催报-{Samples.ReturnCode}-2022-06.csv")), status.Stdout + status.Stderr);

        var run = Run(Day3, roster, juneInbox, "out");
        Assert.Equal(3, run.Exit);
        Assert.Contains(DiagnosticCatalog.BelowPrevious.Code, run.Stdout + run.Stderr);
    }

    [Fact]
    public void F_the_pending_notice_names_the_approved_version_by_time_and_hash_and_never_the_new_files_own_name()
    {
        var roster = Samples.WriteRoster(_temp.Path, First, Second);
        var inbox = _temp.Sub("inbox");
        var good = Samples.WriteFilled(inbox, First, Samples.ValuesOf(First.Code));
        var path = Samples.WriteFilled(inbox, Second, Rejected(Second));
        var rejectedHash = Sha256(path);
        Run(Day1, roster, inbox, "out");
        Assert.Equal(0, Approve(roster, "2022-06", "--allow-incomplete").Exit);

        // After the approval both units send a new file under their first file's name.
        File.Delete(path);
        Samples.WriteFilled(inbox, Second, Samples.ValuesOf(Second.Code));
        var firstHash = Sha256(good);
        var corrected = Samples.ValuesOf(First.Code);
        corrected["remarks"] = "更正";
        File.Delete(good);
        Samples.WriteFilled(inbox, First, corrected);
        Run(Day2, roster, inbox, "out");

        using var intake = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_temp.Path, "out", "2022-06", "intake.json")));
        string Notice(RosterUnit unit) => intake.RootElement.EnumerateArray()
            .Single(f => f.GetProperty("unit").GetString() == unit.Code && f.GetProperty("status").GetString() == "pending")
            .GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("code").GetString() == DiagnosticCatalog.PendingAfterApproval.Code)
            .GetProperty("message").GetString()!;
        var second = Notice(Second);
        Assert.DoesNotContain("仍采用", second);
        Assert.DoesNotContain(Path.GetFileName(path), second);
        Assert.Contains("未通过", second);
        Assert.Contains(rejectedHash[..12], second);
        var first = Notice(First);
        Assert.Contains(firstHash[..12], first);
        Assert.Contains("2022-07-03 12:00", first);
        Assert.DoesNotContain(Path.GetFileName(good), first); // the approved version is named by time and hash, not by a name the new file shares
    }
}
