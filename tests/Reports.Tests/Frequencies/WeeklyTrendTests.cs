using Reports.Pipeline;
using Reports.Tests.Support;

namespace Reports.Tests.Frequencies;

/// <summary>The weekly sample (seeds/campaign-5plus1/weekly) run week by week (unapproved: each briefing is a 送审稿): the briefing draws the campaign's trend once three weeks are in the store.</summary>
public sealed class WeeklyTrendTests
{
    private const string Caption = "图：长治市各周完成情况与时序进度（%）";

    [Fact]
    public void The_briefing_draws_the_trend_over_the_weeks_once_three_are_in_the_store()
    {
        using var temp = new TempDirectory();
        var store = Path.Combine(temp.Path, "store.db");
        var output = temp.Sub("out");
        foreach (var week in new[] { "2022-W12", "2022-W13", "2022-W14" })
        {
            var inbox = temp.Sub(week);
            var values = Path.Combine(RepositoryPaths.Root, "seeds", "campaign-5plus1", "weekly", $"{week}-values.csv");
            Assert.Equal(0, Support.Cli.Invoke("fill", "--return", Samples.ReturnCode, "--period", week, "--roster", RepositoryPaths.SampleRoster, "--values", values, "--out", inbox).Exit);
            var run = Support.Cli.Invoke("run", "--return", Samples.ReturnCode, "--period", week, "--roster", RepositoryPaths.SampleRoster, "--inbox", inbox,
                "--out", output, "--store", store, "--window", "2022-03-22:2022-06-30", "--quiet");
            Assert.Equal((int)ExitCode.Success, run.Exit);
            var text = PdfText.Squash(PdfText.Of(Path.Combine(output, week, $"简报-{Samples.ReturnCode}-{week}-送审稿.pdf")));
            if (week == "2022-W14")
            {
                Assert.Contains(Caption, text, StringComparison.Ordinal);
                Assert.Contains("第12周", text, StringComparison.Ordinal);
                Assert.Contains("第14周", text, StringComparison.Ordinal);
                Assert.Contains("（截至2022年4月10日，第14周）", text, StringComparison.Ordinal); // 2022-W14 ends on Sunday 10 April
                // The editable draft carries the trend too: its caption as text, the chart as the PDF's drawing in a picture.
                var draft = DocxReadBack.Read(Path.Combine(output, week, $"简报-{Samples.ReturnCode}-{week}-送审稿.docx"));
                Assert.Contains(draft.Paragraphs, p => p.Text == Caption);
                Assert.Empty(draft.Errors);
            }
            else
            {
                Assert.DoesNotContain(Caption, text, StringComparison.Ordinal);
            }
        }
    }
}
