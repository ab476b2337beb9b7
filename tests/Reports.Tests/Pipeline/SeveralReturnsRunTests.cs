using System.Globalization;
using System.Text.Json;
using OfficeOpenXml;
using Reports.Cli;
using Reports.Numbers;
using Reports.Outputs.Briefing;
using Reports.Pipeline;
using Reports.Tests.Support;

namespace Reports.Tests.Pipeline;

/// <summary>
/// One run, several returns of one period: the campaign and fund-project-matching samples of 长治市 (2022-06) from
/// one inbox give one briefing and one workbook, each return's sections in the order named.
/// </summary>
public sealed class SeveralReturnsRunTests : IClassFixture<SeveralReturnsRunTests.CombinedRun>
{
    public sealed class CombinedRun : IDisposable
    {
        private readonly TempDirectory _temp = new();

        public CombinedRun()
        {
            var inbox = _temp.Sub("inbox");
            foreach (var file in Directory.GetFiles(RepositoryPaths.SampleInbox).Concat(Directory.GetFiles(RepositoryPaths.FundInbox)))
            {
                File.Copy(file, Path.Combine(inbox, Path.GetFileName(file)));
            }
            Output = _temp.Sub("out");
            Outcome = new RunPipeline(FixedClock.Default).Execute(Samples.Options(RepositoryPaths.SampleRoster, inbox, Output)
                with { ReturnCodes = [Samples.ReturnCode, SampleReturn.Fund.Code] });
            Briefing = PdfText.Read(Path.Combine(Output, "简报-campaign-5plus1+fund-project-matching-2022-06-送审稿.pdf"));
        }

        public string Output { get; }
        public RunOutcome Outcome { get; }
        public PdfText Briefing { get; }

        public void Dispose() => _temp.Dispose();
    }

    private readonly CombinedRun _run;

    public SeveralReturnsRunTests(CombinedRun run) => _run = run;

    [Fact]
    public void The_draft_beside_the_pdf_has_one_masthead_each_return_on_a_new_page_and_one_appendix()
    {
        var path = Path.Combine(_run.Output, "简报-campaign-5plus1+fund-project-matching-2022-06-送审稿.docx");
        var draft = DocxReadBack.Read(path);
        Assert.Empty(draft.Errors);
        var paragraphs = draft.Paragraphs.Select(p => p.Text).ToList();
        Assert.Equal(1, paragraphs.Count(p => p == "巩固脱贫成果工作简报"));
        var first = paragraphs.FindIndex(p => p.StartsWith("长治市“5+1", StringComparison.Ordinal));
        var second = paragraphs.FindIndex(p => p.StartsWith("长治市财政衔接资金项目匹配情况", StringComparison.Ordinal));
        var appendix = paragraphs.FindIndex(p => p.StartsWith("各县（市、区）报表报送情况和数据质量提示", StringComparison.Ordinal));
        Assert.True(first > 0 && second > first && appendix > second, $"{first}, {second}, {appendix}");
        // The second return's title opens a page, as in the PDF.
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(path, false);
        var titles = document.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Where(p => p.InnerText.StartsWith("长治市财政衔接资金项目匹配情况", StringComparison.Ordinal));
        Assert.Contains(titles, p => p.ParagraphProperties?.PageBreakBefore is not null);
        // Every figure of the PDF's tables is in the draft's: both come from one composition.
        var pdf = PdfText.Squash(_run.Briefing.Text);
        foreach (var figure in new[] { "1766", "11.33亿元" })
        {
            Assert.Contains(figure, pdf);
            Assert.Contains(figure, PdfText.Squash(draft.Text));
        }
    }

    [Fact]
    public void Each_return_starts_a_page_and_one_appendix_at_the_end_numbers_every_table_once()
    {
        var pages = _run.Briefing.Pages.Select(p => p.Text).ToList();
        // The second return's title opens a page; the first page opens with the masthead.
        Assert.StartsWith("巩固脱贫成果工作简报", pages[0]);
        var second = pages.FindIndex(p => p.StartsWith("长治市财政衔接资金项目匹配情况", StringComparison.Ordinal));
        Assert.True(second > 0, "the second return does not start a page");
        // One appendix, on pages of its own after both narratives, with each return's tables under its title, each once.
        var appendix = pages.FindIndex(p => p.StartsWith("附件各县（市、区）报表报送情况和数据质量提示", StringComparison.Ordinal));
        Assert.True(appendix > second);
        var text = string.Concat(pages);
        Assert.Equal(1, Count(text, "附件各县"));
        Assert.Equal(2, Count(text, "报表报送情况序号"));
        // Tables are numbered 1, 2, 3 … through the appendix, each number once (a return with findings adds its 数据质量提示).
        var numbers = System.Text.RegularExpressions.Regex.Matches(text, "附表([0-9]+)：").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(text, "附表[0-9]+：各县（市、区）报表报送情况").Count);
        var tail = string.Concat(pages.Skip(appendix));
        Assert.True(tail.IndexOf("（一）长治市“5+1重点任务百日攻坚”专项行动进展情况", StringComparison.Ordinal)
                    < tail.IndexOf("（二）长治市财政衔接资金项目匹配情况", StringComparison.Ordinal));
        Assert.DoesNotContain("报表报送情况", string.Concat(pages.Take(appendix)));
    }

    [Fact]
    public void Both_returns_merge_completely_from_one_inbox()
    {
        Assert.Equal(ExitCode.Success, _run.Outcome.ExitCode);
        Assert.Equal([Samples.ReturnCode, SampleReturn.Fund.Code], _run.Outcome.Merges.Select(m => m.Definition.Code));
        Assert.All(_run.Outcome.Merges, m => Assert.Equal(12, m.Accepted.Count()));
        Assert.Equal(24, _run.Outcome.Intake.Count);
        Assert.All(_run.Outcome.Intake, f => Assert.DoesNotContain(f.Diagnostics, d => d.IsError));
        Assert.Single(_run.Outcome.OutputFiles, f => f.EndsWith(".pdf", StringComparison.Ordinal));
        Assert.Single(_run.Outcome.OutputFiles, f => f.EndsWith(".xlsx", StringComparison.Ordinal) && !f.Contains("receipts", StringComparison.Ordinal));

        using var campaign = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_run.Output, "summary-campaign-5plus1.json")));
        using var funds = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_run.Output, "summary-fund-project-matching.json")));
        Assert.Equal(104731m, campaign.RootElement.GetProperty("total").GetProperty("values").GetProperty("emp_total").GetDecimal());
        var allocated = SampleReturn.Fund.Sum("fund_allocated");
        Assert.Equal(allocated, funds.RootElement.GetProperty("total").GetProperty("values").GetProperty("fund_allocated").GetDecimal());
    }

    [Fact]
    public void The_briefing_has_one_masthead_and_each_returns_sections_in_order()
    {
        var text = _run.Briefing.Text;
        Assert.Equal(1, Count(text, "巩固脱贫成果工作简报"));
        int At(string s)
        {
            var index = text.IndexOf(s, StringComparison.Ordinal);
            Assert.True(index >= 0, s);
            return index;
        }
        Assert.True(At("长治市“5+1重点任务百日攻坚”专项行动进展情况") < At("104731人"));
        Assert.True(At("104731人") < At("长治市财政衔接资金项目匹配情况"));
        Assert.True(At("长治市财政衔接资金项目匹配情况") < At("表：资金落实和支出分县情况"));
        Assert.True(Count(text, "11.33亿元") >= 2); // the campaign's funds invested, and the funds allocated
    }

    [Fact]
    public void The_workbook_has_a_contents_sheet_then_each_returns_sheets_prefixed_in_order()
    {
        using var package = new ExcelPackage(new FileInfo(Path.Combine(_run.Output, "汇总表-campaign-5plus1+fund-project-matching-2022-06.xlsx")));
        var names = package.Workbook.Worksheets.Select(s => s.Name).ToList();
        Assert.Equal("目录", names[0]);
        Assert.Equal("表1汇总", names[1]);
        var second = names.IndexOf("表2汇总");
        Assert.True(second > 1);
        Assert.All(names.Skip(1).Take(second - 1), n => Assert.StartsWith("表1", n));
        Assert.All(names.Skip(second), n => Assert.StartsWith("表2", n));
        Assert.Contains("表2项目台账", names);
        var contents = package.Workbook.Worksheets["目录"];
        // The definition's title ends in 表, which gives way to 汇总表 instead of doubling it; the period as written in Chinese.
        Assert.Equal("长治市财政衔接资金项目匹配情况汇总表（2022年6月）", contents.Cells[5, 2].Text);
        Assert.Equal("长治市财政衔接资金项目匹配情况汇总表（2022年6月）", package.Workbook.Worksheets["表2汇总"].Cells[1, 1].Text);
        Assert.All(package.Workbook.Worksheets, s => Assert.DoesNotContain("表表", s.Cells[1, 1].Text, StringComparison.Ordinal));
        var ledger = package.Workbook.Worksheets["表2项目台账"];
        Assert.Equal(1766, Enumerable.Range(4, ledger.Dimension.End.Row - 3).Count(r => ledger.Cells[r, 4].Text.Length > 0 && ledger.Cells[r, 3].Text != "合计"));
    }

    [Fact]
    public void The_command_line_takes_a_list_of_returns()
    {
        // campaign-5plus1 and employment-scale for three 长治市 counties; employment figures made here.
        using var temp = new TempDirectory();
        var inbox = temp.Sub("inbox");
        var units = Samples.Changzhi.Units.Take(3).ToArray();
        foreach (var (unit, i) in units.Select((u, i) => (u, i)))
        {
            Samples.WriteFilled(inbox, unit, Samples.ValuesOf(unit.Code));
            SampleReturn.Employment.WriteFilled(inbox, unit, SampleReturn.Employment.SampleValues[SampleReturn.Employment.Roster.Units[i].Code], Samples.Period);
        }
        var roster = Samples.WriteRoster(temp.Path, units);
        var output = temp.Sub("out");
        var stdout = new StringWriter();

        var exit = new ReportsCommand(FixedClock.Default, stdout, new StringWriter()).Invoke(
        [
            "run", "--return", "campaign-5plus1, employment-scale", "--period", "2022-06", "--roster", roster,
            "--inbox", inbox, "--out", output, "--store", Path.Combine(temp.Path, "store.db"),
        ]);

        Assert.Equal((int)ExitCode.Success, exit);
        output = Path.Combine(output, "2022-06"); // run writes into a folder named for the period
        Assert.True(File.Exists(Path.Combine(output, "简报-campaign-5plus1+employment-scale-2022-06-送审稿.pdf")));
        Assert.True(File.Exists(Path.Combine(output, "汇总表-campaign-5plus1+employment-scale-2022-06.xlsx")));
        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "summary-employment-scale.json")));
        var expected = Enumerable.Range(0, 3).Sum(i => SampleReturn.Employment.Value(SampleReturn.Employment.Roster.Units[i].Code, "emp_total"));
        Assert.Equal(expected, summary.RootElement.GetProperty("total").GetProperty("values").GetProperty("emp_total").GetDecimal());
        Assert.Contains("employment-scale：已汇总 3/3 个单位", stdout.ToString());
    }

    [Fact]
    public void A_quiet_run_still_gives_the_verdict_of_every_return_naming_who_is_missing()
    {
        // Only campaign-5plus1 came in: the closing line must not read "已汇总 3/3" for the run as a whole.
        using var temp = new TempDirectory();
        var inbox = temp.Sub("inbox");
        var units = Samples.Changzhi.Units.Take(3).ToArray();
        foreach (var unit in units)
        {
            Samples.WriteFilled(inbox, unit, Samples.ValuesOf(unit.Code));
        }
        var stdout = new StringWriter();

        var exit = new ReportsCommand(FixedClock.Default, stdout, new StringWriter()).Invoke(
        [
            "run", "--return", "campaign-5plus1,employment-scale", "--period", "2022-06", "--roster", Samples.WriteRoster(temp.Path, units),
            "--inbox", inbox, "--out", temp.Sub("out"), "--store", Path.Combine(temp.Path, "store.db"), "--quiet",
        ]);

        Assert.Equal((int)ExitCode.Incomplete, exit);
        var said = stdout.ToString();
        Assert.Contains("employment-scale：已汇总 0/3 个单位；退回 0；未报送 3", said);
        Assert.Contains($"未报送：{NumberStyle.JoinNames(units.Select(u => u.Name))}", said);
        Assert.Contains("campaign-5plus1 已汇总 3/3；退回 0；未报送 0；employment-scale 已汇总 0/3；退回 0；未报送 3", said);
        Assert.DoesNotContain("已写出", said); // quiet: the verdict, not the file list
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
