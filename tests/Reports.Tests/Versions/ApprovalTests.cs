using System.Globalization;
using System.Text.Json;
using Reports.Cli;
using Reports.Diagnostics;
using Reports.Intake;
using Reports.Merge;
using Reports.Pipeline;
using Reports.Rosters;
using Reports.Tests.Support;

namespace Reports.Tests.Versions;

/// <summary>
/// The office approves (审定) a period: its figures then come from exactly the approved versions, a file received later
/// is recorded and listed as pending but changes nothing, and reopening a unit lets its newest version count again.
/// </summary>
public sealed class ApprovalTests : IDisposable
{
    private static readonly RosterUnit First = Samples.Changzhi.Units[0];
    private static readonly RosterUnit Second = Samples.Changzhi.Units[1];
    private static readonly RosterUnit Third = Samples.Changzhi.Units[2];
    private static readonly FixedClock Day1 = new(new DateTimeOffset(2022, 7, 3, 12, 0, 0, TimeSpan.Zero));
    private static readonly FixedClock Approved = new(new DateTimeOffset(2022, 7, 3, 16, 30, 0, TimeSpan.Zero));
    private static readonly FixedClock Day2 = new(new DateTimeOffset(2022, 7, 4, 12, 0, 0, TimeSpan.Zero));
    private static readonly FixedClock Day3 = new(new DateTimeOffset(2022, 7, 5, 12, 0, 0, TimeSpan.Zero));

    private readonly TempDirectory _temp = new();
    private readonly string _roster;
    private readonly string _store;
    private readonly string _inbox;

    public ApprovalTests()
    {
        _roster = Samples.WriteRoster(_temp.Path, First, Second, Third);
        _store = Path.Combine(_temp.Path, "store", "reports.db");
        _inbox = _temp.Sub("inbox");
        Samples.WriteFilled(_inbox, First, Samples.ValuesOf(First.Code));
        Samples.WriteFilled(_inbox, Second, Samples.ValuesOf(Second.Code));
    }

    public void Dispose() => _temp.Dispose();

    private RunOutcome Run(TimeProvider clock, string output) =>
        new RunPipeline(clock).Execute(Samples.Options(_roster, _inbox, _temp.Sub(output)) with { StorePath = _store });

    private static Support.Cli.Result Invoke(TimeProvider clock, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = new ReportsCommand(clock, stdout, stderr).Invoke(args);
        return new Support.Cli.Result(exit, stdout.ToString(), stderr.ToString());
    }

    private Support.Cli.Result Approve(string note = "经局长审定") =>
        Invoke(Approved, "approve", "--return", Samples.ReturnCode, "--period", "2022-06", "--note", note, "--roster", _roster, "--allow-incomplete", "--store", _store);

    private string WriteCorrection(RosterUnit unit, decimal extra)
    {
        var corrected = Samples.ValuesOf(unit.Code);
        corrected["emp_total"] = (Samples.Value(unit.Code, "emp_total") + extra).ToString(CultureInfo.InvariantCulture);
        var aside = _temp.Sub("aside-" + unit.Code);
        var written = Samples.WriteFilled(aside, unit, corrected);
        var path = Path.Combine(_inbox, $"{unit.Code}-更正.xlsx");
        File.Move(written, path);
        return path;
    }

    [Fact]
    public void A_correction_received_after_approval_is_pending_until_its_unit_is_reopened()
    {
        var before = Run(Day1, "out1");
        var approve = Approve();
        Assert.Equal(0, approve.Exit);
        Assert.Contains("已审定", approve.Stdout);

        // A correction arrives after the approval, and the third unit sends its return late.
        var correction = WriteCorrection(First, 100);
        Samples.WriteFilled(_inbox, Third, Samples.ValuesOf(Third.Code));
        var frozen = Run(Day2, "out2");

        Assert.Equal(before.Merge.Total.Values, frozen.Merge.Total.Values);
        foreach (var unit in before.Merge.Units)
        {
            Assert.Equal(unit.Values, frozen.Merge.Units.Single(u => u.Unit.Code == unit.Unit.Code).Values);
        }
        Assert.Equal(UnitStatus.Missing, frozen.Merge.Units.Single(u => u.Unit == Third).Status);
        var pending = frozen.Intake.Single(f => f.File.EndsWith("更正.xlsx", StringComparison.Ordinal));
        Assert.Equal(IntakeStatus.Pending, pending.Status);
        Assert.Contains(pending.Diagnostics, d => d.Code == DiagnosticCatalog.PendingAfterApproval.Code);
        Assert.Equal(IntakeStatus.Pending, frozen.Intake.Single(f => f.UnitCode == Third.Code).Status);

        // Listed as pending in intake.json, in 报送情况 and in the briefing's appendix, with the approval's time.
        var folder = Path.Combine(_temp.Path, "out2");
        using (var intake = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "intake.json"))))
        {
            var entry = intake.RootElement.EnumerateArray().Single(e => e.GetProperty("file").GetString() == Path.GetFileName(correction));
            Assert.Equal("pending", entry.GetProperty("status").GetString());
        }
        var workbook = new WorkbookReadBack(Directory.GetFiles(folder, "汇总表-*.xlsx").Single());
        var submissions = workbook["报送情况"];
        Assert.Contains("本期数据已审定（2022-07-03 16:30）", submissions.Text(2, 1));
        var (firstRow, _) = submissions.Find(First.Code);
        Assert.Contains("待审", submissions.Text(firstRow, 4));
        // The pending file's receipt says so, dated when it was received (not the approval that dates the outputs).
        var receipt = new WorkbookReadBack(Path.Combine(folder, "receipts", $"回执-{Path.GetFileNameWithoutExtension(correction)}-{pending.Sha256[..8]}.xlsx")).Sheets[0];
        var (verdictRow, verdictColumn) = receipt.Find("结果");
        Assert.Contains("待审", receipt.Text(verdictRow, verdictColumn + 1));
        var (timeRow, timeColumn) = receipt.Find("接收时间");
        Assert.Equal("2022-07-04 12:00:00", receipt.Text(timeRow, timeColumn + 1));
        var briefing = PdfText.Of(Directory.GetFiles(folder, "简报-*.pdf").Single());
        Assert.Contains("本期数据已审定（2022-07-03", briefing);
        Assert.Contains("待审", briefing);
        using (var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "summary.json"))))
        {
            Assert.Equal("2022-07-03T16:30:00+00:00", summary.RootElement.GetProperty("approval").GetProperty("approvedAt").GetString());
            Assert.Equal(2, summary.RootElement.GetProperty("reporting").GetProperty("pending").GetInt32());
        }

        var reopen = Invoke(Day3, "reopen", "--return", Samples.ReturnCode, "--period", "2022-06", "--unit", First.Code, "--why", "潞州区更正务工人数", "--store", _store);
        Assert.Equal(0, reopen.Exit);
        var after = Run(Day3, "out3");

        var firstAfter = after.Merge.Units.Single(u => u.Unit == First);
        Assert.Equal(Samples.Value(First.Code, "emp_total") + 100, firstAfter.Values["emp_total"]);
        Assert.EndsWith("更正.xlsx", firstAfter.File);
        Assert.Equal(before.Merge.Units.Single(u => u.Unit == Second).Values, after.Merge.Units.Single(u => u.Unit == Second).Values);
        Assert.Equal(UnitStatus.Missing, after.Merge.Units.Single(u => u.Unit == Third).Status); // still held by the approval
        Assert.Equal(before.Merge.Total.Values["emp_total"] + 100, after.Merge.Total.Values["emp_total"]);
        Assert.Contains("重新开放", after.Results[0].Approval!.Line);

        var history = Invoke(Day3, "history", "--return", Samples.ReturnCode, "--period", "2022-06", "--unit", First.Code, "--store", _store);
        var approvedAt = history.Stdout.IndexOf("审定  2022-07-03 16:30", StringComparison.Ordinal);
        var reopenedAt = history.Stdout.IndexOf("重新开放  2022-07-05 12:00", StringComparison.Ordinal);
        Assert.True(approvedAt >= 0 && reopenedAt > approvedAt, history.Stdout);
        Assert.Contains("潞州区更正务工人数", history.Stdout);
        Assert.Contains("经局长审定", history.Stdout);
    }

    [Fact]
    public void An_approved_period_run_again_on_another_day_writes_the_same_bytes()
    {
        Run(Day1, "out1");
        // The control: unapproved, two runs on two days differ (the receipts' and workbook's dates).
        Run(Day2, "plain2");
        Run(Day3, "plain3");
        Assert.NotEqual(Files("plain2"), Files("plain3"));

        Assert.Equal(0, Approve().Exit);
        var again = Run(Day2, "again2");
        Run(Day3, "again3");

        var second = Files("again2");
        var third = Files("again3");
        Assert.Equal(second.Keys, third.Keys);
        // The receipts were issued by the first run, into its folder: a record, never issued again from a later decision.
        Assert.NotEmpty(again.Results[0].Receipts);
        Assert.All(again.Results[0].Receipts, r => Assert.True(r.IssuedBefore));
        Assert.DoesNotContain(second.Keys, k => k.StartsWith("receipts", StringComparison.Ordinal));
        foreach (var (name, bytes) in second)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(third[name]), $"{name} differs between two runs of the approved period");
        }
        Assert.Equal(new DateTimeOffset(2022, 7, 3, 16, 30, 0, TimeSpan.Zero), again.Results[0].Approval!.At);
    }

    [Fact]
    public void Reopening_every_unit_lifts_the_freeze_and_reopening_twice_is_refused()
    {
        Run(Day1, "out1");
        Assert.Equal(0, Approve().Exit);
        WriteCorrection(Second, 7);
        Assert.Equal(Samples.Value(Second.Code, "emp_total"), Run(Day2, "out2").Merge.Units.Single(u => u.Unit == Second).Values["emp_total"]);

        var all = Invoke(Day2, "reopen", "--return", Samples.ReturnCode, "--period", "2022-06", "--why", "全部重新审核", "--store", _store);
        Assert.Equal(0, all.Exit);
        var after = Run(Day3, "out3");
        Assert.Equal(Samples.Value(Second.Code, "emp_total") + 7, after.Merge.Units.Single(u => u.Unit == Second).Values["emp_total"]);
        Assert.Null(after.Results[0].Approval);
        Assert.DoesNotContain(after.Intake, f => f.Status == IntakeStatus.Pending);

        var again = Invoke(Day3, "reopen", "--return", Samples.ReturnCode, "--period", "2022-06", "--unit", First.Code, "--why", "再次", "--store", _store);
        Assert.Equal(2, again.Exit);
        Assert.Contains("没有生效的审定", again.Stderr);
    }

    [Fact]
    public void Approving_a_period_the_store_has_never_seen_is_a_usage_error()
    {
        Run(Day1, "out1");
        var result = Invoke(Approved, "approve", "--return", Samples.ReturnCode, "--period", "2021-06", "--store", _store);
        Assert.Equal(2, result.Exit);
        Assert.Contains("先运行 reports run", result.Stderr);
    }

    [Fact]
    public void Explain_tells_a_figure_typed_with_separators_its_warning_its_version_and_the_approval_that_froze_it()
    {
        var path = Directory.GetFiles(_inbox, $"{First.Code}*").Single();
        OpenXmlNameWriter.Fill(path, new Dictionary<string, object> { ["emp_total"] = "5,379" });
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
        var run = Run(Day1, "out1");
        var warning = run.Intake.Single(f => f.UnitCode == First.Code).Diagnostics.First(d => d.Field == "emp_total");
        Assert.Equal(0, Approve().Exit);

        var explain = Invoke(Day2, "explain", "--return", Samples.ReturnCode, "--period", "2022-06", "--unit", First.Code, "--field", "emp_total", "--store", _store);

        Assert.Equal(0, explain.Exit);
        var cell = run.Results[0].Decision.For(First.Code)!.Submission!.Cells["emp_total"];
        Assert.Contains($"{cell.Sheet}!{cell.Cell}", explain.Stdout);
        Assert.Contains("“5,379”", explain.Stdout);
        Assert.Contains("5379", explain.Stdout);
        Assert.Contains(hash, explain.Stdout);
        Assert.Contains(warning.Code, explain.Stdout);
        Assert.Contains("2022-07-03 16:30", explain.Stdout);
        Assert.Contains("经局长审定", explain.Stdout);

        var unknown = Invoke(Day2, "explain", "--return", Samples.ReturnCode, "--period", "2022-06", "--unit", First.Code, "--field", "no_such", "--store", _store);
        Assert.Equal(2, unknown.Exit);
    }

    private Dictionary<string, byte[]> Files(string output)
    {
        var folder = Path.Combine(_temp.Path, output);
        return Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".lock", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes, StringComparer.Ordinal);
    }
}
