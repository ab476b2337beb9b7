using Reports.Cli;
using Reports.Outputs.Briefing;
using Reports.Periods;
using Reports.Pipeline;
using Reports.Rosters;
using Reports.Tests.Support;

namespace Reports.Tests.Versions;

/// <summary>
/// The briefing's issue number (第N期) when Reports:Briefing:IssueLine is empty: the Nth period of the return approved
/// in the year, counted by the store; a period not yet approved gives a draft for review, 送审稿 in its 报头 and in
/// its file names, never a number.
/// </summary>
public sealed class IssueNumberTests : IDisposable
{
    private static readonly RosterUnit Unit = Samples.Changzhi.Units[0];
    private static readonly ReportingPeriod May = new(2022, 5);
    private static readonly ReportingPeriod June = new(2022, 6);
    private static readonly BriefingSettings Numbered = new("巩固脱贫成果工作简报", "", "长治市乡村振兴局");

    private readonly TempDirectory _temp = new();
    private readonly string _roster;
    private readonly string _store;

    public IssueNumberTests()
    {
        _roster = Samples.WriteRoster(_temp.Path, Unit);
        _store = Path.Combine(_temp.Path, "reports.db");
        foreach (var period in new[] { May, June })
        {
            Samples.Sample.WriteFilled(_temp.Sub($"inbox-{period}"), Unit, Samples.ValuesOf(Unit.Code), period);
        }
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>Runs the period and returns its briefing's file names (without folder) and the first page's text.</summary>
    private (IReadOnlyList<string> Names, string Masthead, DocxReadBack Draft) Run(ReportingPeriod period, string output)
    {
        var outcome = new RunPipeline(FixedClock.Default).Execute(Samples.Options(_roster, Path.Combine(_temp.Path, $"inbox-{period}"), _temp.Sub(output))
            with { Period = period, StorePath = _store, Briefing = Numbered });
        var briefing = outcome.OutputFiles.Where(f => Path.GetFileName(f).StartsWith("简报-", StringComparison.Ordinal)).ToList();
        var pdf = briefing.Single(f => f.EndsWith(".pdf", StringComparison.Ordinal));
        var docx = briefing.Single(f => f.EndsWith(".docx", StringComparison.Ordinal));
        return (briefing.Select(f => Path.GetFileName(f)!).Order().ToList(), PdfText.Read(pdf).Pages[0].Text, DocxReadBack.Read(docx));
    }

    private void Approve(ReportingPeriod period)
    {
        var stdout = new StringWriter();
        var exit = new ReportsCommand(FixedClock.Default, stdout, new StringWriter()).Invoke(
            ["approve", "--return", Samples.ReturnCode, "--period", period.ToString(), "--roster", _roster, "--store", _store]);
        Assert.True(exit == 0, stdout.ToString());
    }

    [Fact]
    public void Two_approved_periods_are_issues_1_and_2_and_an_unapproved_one_is_a_draft()
    {
        var draft = Run(May, "may-draft");
        Assert.Equal(["简报-campaign-5plus1-2022-05-送审稿.docx", "简报-campaign-5plus1-2022-05-送审稿.pdf"], draft.Names);
        Assert.StartsWith("巩固脱贫成果工作简报（送审稿）长治市乡村振兴局", PdfText.Squash(draft.Masthead));
        Assert.DoesNotContain("期", PdfText.Squash(draft.Masthead)[..20]);

        Approve(May);
        var may = Run(May, "may");
        Assert.Equal(["简报-campaign-5plus1-2022-05.docx", "简报-campaign-5plus1-2022-05.pdf"], may.Names);
        Assert.StartsWith("巩固脱贫成果工作简报第1期长治市乡村振兴局", PdfText.Squash(may.Masthead));

        // June, run before its approval: a draft, unnumbered, while May keeps its number.
        var juneDraft = Run(June, "june-draft");
        Assert.StartsWith("巩固脱贫成果工作简报（送审稿）", PdfText.Squash(juneDraft.Masthead));
        Approve(June);
        var june = Run(June, "june");
        Assert.Equal(["简报-campaign-5plus1-2022-06.docx", "简报-campaign-5plus1-2022-06.pdf"], june.Names);
        Assert.StartsWith("巩固脱贫成果工作简报第2期长治市乡村振兴局", PdfText.Squash(june.Masthead));
        Assert.Equal("第2期", june.Draft.Paragraphs[1].Text);
        Assert.Equal("（送审稿）", juneDraft.Draft.Paragraphs[1].Text);
        // Numbers once given stay: May is still 第1期 after June's approval.
        Assert.StartsWith("巩固脱贫成果工作简报第1期", PdfText.Squash(Run(May, "may-again").Masthead));
    }
}
