using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Reports.Diagnostics;
using Reports.Intake;
using Reports.Periods;
using Reports.Pipeline;
using Reports.Rosters;
using Reports.Tests.Support;

namespace Reports.Tests.Store;

/// <summary>
/// The office re-runs a period as files trickle in: a file whose content the store holds is hashed, not parsed again
/// (its result is the store's), a receipt already issued is left as it was, the findings against the previous period
/// are made again from the store's figures of it, and the merged figures are a fresh run's of the same final inbox.
/// </summary>
public sealed class IncrementalRerunTests : IDisposable
{
    private static readonly RosterUnit[] Units = [.. Samples.Changzhi.Units.Take(5)];
    private static readonly FixedClock Day1 = new(new DateTimeOffset(2022, 7, 3, 9, 0, 0, TimeSpan.Zero));
    private static readonly FixedClock Day2 = new(new DateTimeOffset(2022, 7, 4, 9, 0, 0, TimeSpan.Zero));
    private static readonly FixedClock Day3 = new(new DateTimeOffset(2022, 7, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly TempDirectory _temp = new();
    private readonly string _roster;

    public IncrementalRerunTests() => _roster = Samples.WriteRoster(_temp.Path, Units);

    public void Dispose() => _temp.Dispose();

    private RunOutcome Run(TimeProvider clock, string inbox, string output, string store, IProgress<IntakeFileResult>? recorded = null, ReportingPeriod? period = null) =>
        new RunPipeline(clock) { Recorded = recorded }.Execute(Samples.Options(_roster, inbox, output) with
        {
            StorePath = store,
            Period = period ?? Samples.Period,
        });

    private static string Plus(string unit, string field, int more) =>
        (Samples.Value(unit, field) + more).ToString(CultureInfo.InvariantCulture);

    private static JsonElement Summary(string output) => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "summary.json"))).RootElement;

    /// <summary>Told of every file as the store records it: what intake made of each, before the decision.</summary>
    private sealed class Received : IProgress<IntakeFileResult>
    {
        public List<IntakeFileResult> Files { get; } = [];

        public void Report(IntakeFileResult value)
        {
            lock (Files)
            {
                Files.Add(value);
            }
        }
    }

    [Fact]
    public void A_rerun_after_corrections_merges_the_figures_a_fresh_run_of_the_final_inbox_merges()
    {
        var inbox = _temp.Sub("inbox");
        foreach (var unit in Units)
        {
            Samples.WriteFilled(inbox, unit, Samples.ValuesOf(unit.Code));
        }
        var store = Path.Combine(_temp.Path, "store.db");
        var output = _temp.Sub("out");
        Run(Day1, inbox, output, store);

        // Two counties correct their returns (same names, new contents); a third sends its return again under another name.
        var corrected = new Dictionary<string, string>(StringComparer.Ordinal) { [Units[1].Code] = Plus(Units[1].Code, "emp_total", 100), [Units[3].Code] = Plus(Units[3].Code, "emp_total", -40) };
        foreach (var (code, total) in corrected)
        {
            var values = Samples.ValuesOf(code);
            values["emp_total"] = total;
            Samples.WriteFilled(inbox, Units.Single(u => u.Code == code), values);
        }
        var resent = Directory.GetFiles(inbox).Single(f => Path.GetFileName(f).StartsWith(Units[4].Code, StringComparison.Ordinal));
        File.Copy(resent, Path.Combine(inbox, "重发-" + Path.GetFileName(resent)));

        var rerun = Run(Day2, inbox, output, store);
        var fresh = Run(Day2, inbox, _temp.Sub("fresh"), Path.Combine(_temp.Path, "fresh.db"));

        Assert.Equal(ExitCode.Success, rerun.ExitCode);
        var again = Summary(output);
        var anew = Summary(Path.Combine(_temp.Path, "fresh"));
        Assert.Equal(anew.GetProperty("total").GetRawText(), again.GetProperty("total").GetRawText());
        Assert.Equal(anew.GetProperty("units").EnumerateArray().Select(u => (u.GetProperty("status").GetString(), u.GetProperty("values").GetRawText())),
            again.GetProperty("units").EnumerateArray().Select(u => (u.GetProperty("status").GetString(), u.GetProperty("values").GetRawText())));
        // The total, worked out here from the value sheet and the corrections, not by the pipeline.
        var expected = Units.Sum(u => corrected.TryGetValue(u.Code, out var total) ? Figures.Number(total) : Samples.Value(u.Code, "emp_total"));
        Assert.Equal(expected, again.GetProperty("total").GetProperty("values").GetProperty("emp_total").GetDecimal());
        Assert.Equal(IntakeStatus.Duplicate, rerun.Intake.Single(f => Path.GetFileName(f.File).StartsWith("重发-", StringComparison.Ordinal)).Status);

        // The workbook read back: every unit's row of 汇总 and the total as the fresh run's.
        var workbook = $"汇总表-{Samples.ReturnCode}-2022-06.xlsx";
        var rows = new WorkbookReadBack(Path.Combine(output, workbook))["汇总"];
        var freshRows = new WorkbookReadBack(Path.Combine(_temp.Path, "fresh", workbook))["汇总"];
        Assert.Equal(freshRows.Cells.Values.Select(c => (c.Reference, c.Text, c.Number, c.Formula)).OrderBy(c => c.Reference, StringComparer.Ordinal),
            rows.Cells.Values.Select(c => (c.Reference, c.Text, c.Number, c.Formula)).OrderBy(c => c.Reference, StringComparer.Ordinal));
        Assert.Contains(rows.Cells.Values, c => c.Number == (double)Figures.Number(corrected[Units[1].Code]));
    }

    [Fact]
    public void A_file_whose_content_the_store_holds_is_not_parsed_again()
    {
        var inbox = _temp.Sub("inbox");
        foreach (var unit in Units.Take(2))
        {
            Samples.WriteFilled(inbox, unit, Samples.ValuesOf(unit.Code));
        }
        var store = Path.Combine(_temp.Path, "store.db");
        Run(Day1, inbox, _temp.Sub("out"), store);
        // The store's record of the first unit's version is given a finding no reading of its bytes could make.
        const string OnlyInTheStore = "只在存储库的记录中：本文件若被重新解析，这一条不会出现";
        var known = Directory.GetFiles(inbox).Single(f => Path.GetFileName(f).StartsWith(Units[0].Code, StringComparison.Ordinal));
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(known)));
        using (var connection = new SqliteConnection($"Data Source={store};Pooling=False"))
        {
            connection.Open();
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO version_diagnostics (version_id, seq, code, severity, message)
                SELECT id, 1000, $code, 'Info', $message FROM versions WHERE sha256 = $sha;
                """;
            insert.Parameters.AddWithValue("$code", DiagnosticCatalog.MacroEnabled.Code);
            insert.Parameters.AddWithValue("$message", OnlyInTheStore);
            insert.Parameters.AddWithValue("$sha", sha256);
            Assert.Equal(1, insert.ExecuteNonQuery());
        }
        // A third unit's return arrives: it is new, and read.
        Samples.WriteFilled(inbox, Units[2], Samples.ValuesOf(Units[2].Code));

        var received = new Received();
        Run(Day2, inbox, _temp.Sub("out"), store, received);

        var ofKnown = received.Files.Single(f => f.Sha256 == sha256);
        Assert.Equal(Path.GetFileName(known), Path.GetFileName(ofKnown.File));
        Assert.Contains(ofKnown.Diagnostics, d => d.Message == OnlyInTheStore);
        Assert.Null(ofKnown.Submission); // nothing was read from its cells
        var ofNew = received.Files.Single(f => f.UnitCode == Units[2].Code);
        Assert.NotNull(ofNew.Submission);
        Assert.Equal(Samples.Value(Units[2].Code, "emp_total"), ofNew.Submission!.Values["emp_total"]);
        // And it is recorded as seen again by this run, as the version the store holds.
        using var check = new SqliteConnection($"Data Source={store};Mode=ReadOnly;Pooling=False");
        check.Open();
        using var seen = check.CreateCommand();
        seen.CommandText = "SELECT count(*) FROM run_files rf JOIN versions v ON v.id = rf.version_id WHERE rf.sha256 = $sha AND rf.run_id = (SELECT max(id) FROM runs)";
        seen.Parameters.AddWithValue("$sha", sha256);
        Assert.Equal(1L, seen.ExecuteScalar());
    }

    [Fact]
    public void A_finding_against_the_previous_period_is_made_again_when_that_period_changes()
    {
        var may = new ReportingPeriod(2022, 5);
        var unit = Units[0];
        var store = Path.Combine(_temp.Path, "store.db");
        var mayInbox = _temp.Sub("inbox-05");
        Samples.WriteFilled(mayInbox, unit, Samples.ValuesOf(unit.Code), may);
        Run(Day1, mayInbox, _temp.Sub("out-05"), store, period: may);

        // June's 项目库 is 10 below May's, unexplained: sent back.
        var juneInbox = _temp.Sub("inbox-06");
        var june = Samples.ValuesOf(unit.Code);
        june["proj_library"] = Plus(unit.Code, "proj_library", -10);
        Samples.WriteFilled(juneInbox, unit, june);
        var first = Run(Day1, juneInbox, _temp.Sub("out-06"), store);
        var sentBack = first.Intake.Single(f => f.UnitCode == unit.Code);
        Assert.Equal(IntakeStatus.Rejected, sentBack.Status);
        Assert.Contains(sentBack.Diagnostics, d => d.Code == DiagnosticCatalog.BelowPrevious.Code);

        // May is corrected: its 项目库 was 20 too many. June's file, unchanged, now stands.
        var mayCorrected = Samples.ValuesOf(unit.Code);
        mayCorrected["proj_library"] = Plus(unit.Code, "proj_library", -20);
        Samples.WriteFilled(mayInbox, unit, mayCorrected, may);
        Run(Day2, mayInbox, _temp.Sub("out-05"), store, period: may);
        var received = new Received();
        var second = Run(Day2, juneInbox, _temp.Sub("out-06"), store, received);

        Assert.Null(Assert.Single(received.Files).Submission); // June's file was not parsed again
        var stands = second.Intake.Single(f => f.UnitCode == unit.Code);
        Assert.Equal(IntakeStatus.Accepted, stands.Status);
        Assert.DoesNotContain(stands.Diagnostics, d => d.Code == DiagnosticCatalog.BelowPrevious.Code || DiagnosticCatalog.IsUnexplained(d));
        Assert.Equal(Figures.Number(june["proj_library"]), second.Merge.Total.Values["proj_library"]);

        // And back: May corrected upwards again (30 above the first), June's same file is below it by 40.
        var mayAgain = Samples.ValuesOf(unit.Code);
        mayAgain["proj_library"] = Plus(unit.Code, "proj_library", 30);
        Samples.WriteFilled(mayInbox, unit, mayAgain, may);
        Run(Day3, mayInbox, _temp.Sub("out-05"), store, period: may);
        var third = Run(Day3, juneInbox, _temp.Sub("out-06"), store);
        var again = third.Intake.Single(f => f.UnitCode == unit.Code);
        Assert.Equal(IntakeStatus.Rejected, again.Status);
        var finding = again.Diagnostics.Single(d => d.Code == DiagnosticCatalog.BelowPrevious.Code);
        Assert.Contains($"少于上期（2022-05）已采用的 {mayAgain["proj_library"]}个", finding.Message, StringComparison.Ordinal);
        // As a fresh run of June on a new store holding the same May would say.
        var freshStore = Path.Combine(_temp.Path, "fresh.db");
        Run(Day3, mayInbox, _temp.Sub("fresh-05"), freshStore, period: may);
        var fresh = Run(Day3, juneInbox, _temp.Sub("fresh-06"), freshStore).Intake.Single(f => f.UnitCode == unit.Code);
        Assert.Equal(fresh.Status, again.Status);
        Assert.Equal(fresh.Diagnostics.Select(d => (d.Code, d.Message, d.Sheet, d.Cell)), again.Diagnostics.Select(d => (d.Code, d.Message, d.Sheet, d.Cell)));
    }

    [Fact]
    public void A_receipt_already_issued_is_not_written_again_by_a_rerun()
    {
        var inbox = _temp.Sub("inbox");
        foreach (var unit in Units.Take(3))
        {
            Samples.WriteFilled(inbox, unit, Samples.ValuesOf(unit.Code));
        }
        var store = Path.Combine(_temp.Path, "store.db");
        var output = _temp.Sub("out");
        Run(Day1, inbox, output, store);
        var receipts = Path.Combine(output, "receipts");
        var issued = Directory.GetFiles(receipts).ToDictionary(f => f, f =>
        {
            File.SetLastWriteTimeUtc(f, new DateTime(2022, 7, 3, 9, 30, 0, DateTimeKind.Utc));
            return (File.ReadAllBytes(f), File.GetLastWriteTimeUtc(f));
        });
        Assert.Equal(3, issued.Count);

        var values = Samples.ValuesOf(Units[0].Code);
        values["emp_total"] = Plus(Units[0].Code, "emp_total", 7);
        Samples.WriteFilled(inbox, Units[0], values);
        Run(Day2, inbox, output, store);

        foreach (var (path, (bytes, time)) in issued)
        {
            Assert.Equal(bytes, File.ReadAllBytes(path));
            Assert.Equal(time, File.GetLastWriteTimeUtc(path));
        }
        // The correction got a receipt of its own.
        Assert.Single(Directory.GetFiles(receipts).Except(issued.Keys));
    }
}
