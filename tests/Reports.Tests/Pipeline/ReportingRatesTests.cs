using System.Text.Json;
using Reports.Cli;
using Reports.Pipeline;
using Reports.Rosters;
using Reports.Tests.Support;

namespace Reports.Tests.Pipeline;

/// <summary>
/// The roster's reporting counts and rates, computed once: in summary.json, the 报送情况 sheet, the briefing and
/// <c>status</c>, checked against a roster whose outcome is known unit by unit.
/// </summary>
public sealed class ReportingRatesTests
{
    private static readonly RosterUnit[] Units = [.. Samples.Changzhi.Units.Take(5)];
    private static readonly DateTimeOffset Deadline = new(2022, 7, 5, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Expected_received_accepted_sent_back_missing_and_on_time_are_counted_for_the_whole_roster()
    {
        using var temp = new TempDirectory();
        var roster = Samples.WriteRoster(temp.Path, Units);
        var inbox = temp.Sub("inbox");
        // Unit 0 on time, unit 1 late, unit 2 sent back (a negative count) on time, unit 3 sent back late, unit 4 missing.
        (int Unit, bool Broken, DateTime Time)[] plan =
        [
            (0, false, new DateTime(2022, 7, 4, 9, 0, 0)),
            (1, false, new DateTime(2022, 7, 6, 9, 0, 0)),
            (2, true, new DateTime(2022, 7, 5, 17, 0, 0)),
            (3, true, new DateTime(2022, 7, 8, 9, 0, 0)),
        ];
        foreach (var (unit, broken, time) in plan)
        {
            var values = Samples.ValuesOf(Units[unit].Code);
            if (broken)
            {
                values["emp_outside"] = "-5";
            }
            File.SetLastWriteTimeUtc(Samples.WriteFilled(inbox, Units[unit], values), time);
        }
        var output = temp.Sub("out");
        var store = Path.Combine(temp.Path, "s.db");
        var outcome = new RunPipeline(FixedClock.Default).Execute(Samples.Options(roster, inbox, output) with { Deadline = Deadline, StorePath = store });

        // Independently: 5 expected; 4 read (2 accepted, 2 sent back); 1 missing; on time: units 0 and 2.
        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "summary.json")));
        var reporting = summary.RootElement.GetProperty("reporting");
        Assert.Equal(5, reporting.GetProperty("expected").GetInt32());
        Assert.Equal(4, reporting.GetProperty("received").GetInt32());
        Assert.Equal(2, reporting.GetProperty("accepted").GetInt32());
        Assert.Equal(2, reporting.GetProperty("sentBack").GetInt32());
        Assert.Equal(1, reporting.GetProperty("missing").GetInt32());
        Assert.Equal(2, reporting.GetProperty("onTime").GetInt32());
        Assert.Equal(4m / 5, reporting.GetProperty("receivedRate").GetDecimal());
        Assert.Equal(2m / 5, reporting.GetProperty("acceptedRate").GetDecimal());
        Assert.Equal(2m / 5, reporting.GetProperty("onTimeRate").GetDecimal());

        const string sentence = "应报5个单位，已报送4个（80.0%），通过2个（40.0%），退回2个，未报送1个；按时报送2个（40.0%）。";
        var workbook = new WorkbookReadBack(outcome.OutputFiles.Single(f => Path.GetFileName(f).StartsWith("汇总表", StringComparison.Ordinal)));
        Assert.StartsWith(sentence, workbook["报送情况"].Text(2, 1));
        Assert.Contains(sentence, PdfText.Of(outcome.OutputFiles.Single(f => f.EndsWith(".pdf", StringComparison.Ordinal))));

        var stdout = new StringWriter();
        var exit = new ReportsCommand(FixedClock.Default, stdout, new StringWriter()).Invoke(
            ["status", "--period", "2022-06", "--roster", roster, "--store", store, "--deadline", "2022-07-05 18:00", "--csv", Path.Combine(temp.Path, "c.csv")]);
        Assert.Equal(3, exit);
        Assert.Contains(sentence, stdout.ToString());
    }

    [Fact]
    public void Without_a_deadline_on_time_is_unknown_not_zero()
    {
        using var temp = new TempDirectory();
        var roster = Samples.WriteRoster(temp.Path, Units[0], Units[1]);
        var inbox = temp.Sub("inbox");
        Samples.WriteFilled(inbox, Units[0], Samples.ValuesOf(Units[0].Code));
        var output = temp.Sub("out");
        new RunPipeline(FixedClock.Default).Execute(Samples.Options(roster, inbox, output));

        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "summary.json")));
        var reporting = summary.RootElement.GetProperty("reporting");
        Assert.Equal(JsonValueKind.Null, reporting.GetProperty("onTime").ValueKind);
        Assert.Equal(JsonValueKind.Null, reporting.GetProperty("onTimeRate").ValueKind);
        Assert.Equal(0.5m, reporting.GetProperty("receivedRate").GetDecimal());
        Assert.Equal(1, reporting.GetProperty("missing").GetInt32());
    }
}
