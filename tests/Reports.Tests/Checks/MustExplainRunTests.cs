using System.Text.Json;
using Reports.Definitions;
using Reports.Diagnostics;
using Reports.Pipeline;
using Reports.Templates;
using Reports.Tests.Support;

namespace Reports.Tests.Checks;

/// <summary>
/// Must-explain checks through a run with a store: the explanation is in intake.json and the workbook's 数据核查 beside
/// the finding (read back from the store: the store keeps the 情况说明 as the version's text); the unexplained and the
/// must-fix returns are sent back; a cumulative figure below the previous period's accepted one must be explained.
/// </summary>
public sealed class MustExplainRunTests
{
    private const string Explanation = "今年新建劳务输出基地两个，县人社局组织专列输出脱贫劳动力，务工人数比上年度明显增加";

    private static string[] RunArgs(string roster, string inbox, string output, string store, string period = "2022-06") =>
    [
        "run", "--return", Samples.ReturnCode, "--period", period, "--roster", roster, "--inbox", inbox, "--out", output,
        "--window", "2022-03-22:2022-06-30", "--store", store,
    ];

    private static JsonElement FileOf(JsonDocument intake, string unit) =>
        intake.RootElement.EnumerateArray().Single(f => f.GetProperty("unit").GetString() == unit);

    [Fact]
    public void Explained_findings_are_recorded_beside_their_check_and_unexplained_ones_send_the_return_back()
    {
        using var temp = new TempDirectory();
        var inbox = temp.Sub("inbox");
        var output = temp.Sub("out");
        var units = Samples.Changzhi.Units.Where(u => u.Code is "140403" or "140404" or "140405" or "140406" or "140423").ToArray();
        foreach (var unit in units)
        {
            var values = Samples.ValuesOf(unit.Code);
            switch (unit.Code)
            {
                case "140403": values["emp_total"] = "9000"; values["verify_note"] = Explanation; break; // 9000 / 5039 = 178.6%
                case "140404": values["emp_total"] = "20000"; break;
                case "140405": values["emp_total"] = "5000"; values["verify_note"] = "核实无误"; break; // 5000 / 10194 = 49.0%
                case "140423": values["loan_households"] = "0"; values["verify_note"] = Explanation; break;
                default: break; // 140406: the sample's own explained 户均投放
            }
            Samples.WriteFilled(inbox, unit, values);
        }
        var roster = Samples.WriteRoster(temp.Path, units);

        var run = Support.Cli.Invoke(RunArgs(roster, inbox, output, Path.Combine(temp.Path, "store.db")));

        Assert.Equal((int)ExitCode.Incomplete, run.Exit);
        var folder = Path.Combine(output, "2022-06");
        using var intake = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "intake.json")));
        Assert.Equal("accepted", FileOf(intake, "140403").GetProperty("status").GetString());
        var explained = Assert.Single(FileOf(intake, "140403").GetProperty("diagnostics").EnumerateArray());
        Assert.Equal((DiagnosticCatalog.OutsideRange.Code, "warning", "emp_total", Explanation),
            (explained.GetProperty("code").GetString(), explained.GetProperty("severity").GetString(), explained.GetProperty("field").GetString(), explained.GetProperty("explanation").GetString()));
        var sampleNote = Samples.SampleValues["140406"]["verify_note"];
        Assert.Equal("accepted", FileOf(intake, "140406").GetProperty("status").GetString());
        Assert.Equal(sampleNote, FileOf(intake, "140406").GetProperty("diagnostics").EnumerateArray().Single().GetProperty("explanation").GetString());

        string[] Codes(string unit) => [.. FileOf(intake, unit).GetProperty("diagnostics").EnumerateArray().Where(d => d.GetProperty("severity").GetString() == "error").Select(d => d.GetProperty("code").GetString()!)];
        Assert.Equal("rejected", FileOf(intake, "140404").GetProperty("status").GetString());
        Assert.Equal([DiagnosticCatalog.NotExplained.Code], Codes("140404"));
        Assert.Equal([DiagnosticCatalog.NotAnExplanation.Code], Codes("140405"));
        Assert.Equal([DiagnosticCatalog.NeedsViolated.Code], Codes("140423"));
        Assert.DoesNotContain(FileOf(intake, "140404").GetProperty("diagnostics").EnumerateArray(), d => d.TryGetProperty("explanation", out _));

        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "summary.json")));
        Assert.Equal(["140404", "140405", "140423"], summary.RootElement.GetProperty("rejected").EnumerateArray().Select(e => e.GetString()));

        // 数据核查: the finding's row carries the county's explanation in its own column.
        var sheet = new WorkbookReadBack(Path.Combine(folder, "汇总表-campaign-5plus1-2022-06.xlsx"))["数据核查"];
        var headers = sheet.Headers(3);
        var row = sheet.Cells.Values.Where(c => c.Text == "140403" && WorkbookReadBack.ColumnOf(c.Reference) == headers["单位代码"])
            .Select(c => WorkbookReadBack.RowOf(c.Reference)).Single();
        Assert.Equal(DiagnosticCatalog.OutsideRange.Code, sheet.Text(row, headers["代码"]));
        Assert.Equal(Explanation, sheet.Text(row, headers["县级情况说明"]));
        var unexplainedRow = sheet.Cells.Values.Where(c => c.Text == DiagnosticCatalog.NotExplained.Code).Select(c => WorkbookReadBack.RowOf(c.Reference)).Single();
        var (noteRow, noteColumn) = TemplateLayout.Cells(Samples.Campaign)[ReturnDefinition.VerifyNoteField];
        Assert.Equal(WorkbookReadBack.Reference(noteRow, noteColumn), sheet.Text(unexplainedRow, headers["单元格"]));
    }

    [Fact]
    public void A_cumulative_figure_below_the_previous_periods_accepted_one_must_be_explained()
    {
        using var temp = new TempDirectory();
        var store = Path.Combine(temp.Path, "store.db");
        var units = Samples.Changzhi.Units.Where(u => u.Code is "140403" or "140404").ToArray();
        var roster = Samples.WriteRoster(temp.Path, units);
        var may = temp.Sub("inbox-05");
        foreach (var unit in units)
        {
            Samples.WriteFilled(may, unit, Samples.ValuesOf(unit.Code), new Reports.Periods.ReportingPeriod(2022, 5));
        }
        Assert.Equal((int)ExitCode.Success, Support.Cli.Invoke(RunArgs(roster, may, temp.Sub("out"), store, "2022-05")).Exit);

        var june = temp.Sub("inbox-06");
        var mayLibrary = int.Parse(Samples.SampleValues["140403"]["proj_library"], System.Globalization.CultureInfo.InvariantCulture);
        var lower = Samples.ValuesOf("140403");
        lower["proj_library"] = (mayLibrary - 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Samples.WriteFilled(june, units[0], lower);
        var explainedLower = Samples.ValuesOf("140404");
        explainedLower["proj_library"] = "200";
        explainedLower["verify_note"] = "上期误将已撤销的项目计入项目库，本期按县级项目库系统清理后的数填报";
        Samples.WriteFilled(june, units[1], explainedLower);

        var run = Support.Cli.Invoke(RunArgs(roster, june, temp.Sub("out"), store));

        Assert.Equal((int)ExitCode.Incomplete, run.Exit);
        using var intake = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(temp.Path, "out", "2022-06", "intake.json")));
        var sentBack = FileOf(intake, "140403");
        Assert.Equal("rejected", sentBack.GetProperty("status").GetString());
        var finding = sentBack.GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("code").GetString() == DiagnosticCatalog.BelowPrevious.Code);
        Assert.Contains($"少于上期（2022-05）已采用的 {mayLibrary}个", finding.GetProperty("message").GetString());
        Assert.Contains(sentBack.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == DiagnosticCatalog.NotExplained.Code);
        var accepted = FileOf(intake, "140404");
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        Assert.Equal(explainedLower["verify_note"], accepted.GetProperty("diagnostics").EnumerateArray()
            .Single(d => d.GetProperty("code").GetString() == DiagnosticCatalog.BelowPrevious.Code).GetProperty("explanation").GetString());
        // Intake made the check: the analysis does not signal the same decrease again (DQ003).
        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(temp.Path, "out", "2022-06", "summary.json")));
        Assert.DoesNotContain(DiagnosticCatalog.CumulativeDecrease.Code, summary.RootElement.GetRawText());
    }
}
