using Reports.Outputs.Briefing;
using Reports.Tests.Support;

namespace Reports.Tests.Outputs;

/// <summary>
/// A briefing's length is bounded whatever the roster's size: past the threshold the leaders' form lists the first
/// and last units and the lagging ones up to a cap, charts the distribution, and names the workbook for the rest.
/// </summary>
public sealed class LeadersFormTests
{
    private static readonly BriefingSettings Settings = new("巩固脱贫成果工作简报", "第1期", "");

    [Theory]
    [InlineData(3000)]
    [InlineData(10000)]
    public void At_thousands_of_units_the_briefing_keeps_to_twelve_pages_and_says_what_it_left_out(int units)
    {
        var result = LargeRosters.Campaign(units);
        var pdf = LargeRosters.Briefing([result], Settings);
        if (Environment.GetEnvironmentVariable("REPORTS_KEEP_PDF") is { Length: > 0 } keep)
        {
            File.WriteAllBytes(keep.Replace("N", units.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), pdf);
        }

        var briefing = PdfText.Read(pdf);
        Assert.InRange(briefing.Pages.Count, 4, 12);
        var text = briefing.Text;
        // The issuing office is the roster's own.
        Assert.StartsWith("巩固脱贫成果工作简报第1期（送审稿）测试省乡村振兴局", text);
        // A total over part of the roster says so: every 97th unit is missing.
        var missing = result.Merge.Missing.Count();
        Assert.Equal(units / 97, missing);
        Assert.Contains($"已报送的{units - missing}个单位合计", text);
        // The loan table: the five best and five worst by rank, the lagging ones up to the cap, and where the rest are.
        var lagging = result.Analysis.LaggingOn("loan_campaign_rate");
        Assert.True(lagging.Count > BriefingSettings.DefaultLaggingListed);
        Assert.Contains($"低于时序进度的{lagging.Count}个单位中差距最大的{BriefingSettings.DefaultLaggingListed}个（其余{lagging.Count - BriefingSettings.DefaultLaggingListed}个未列出）", text);
        Assert.Contains("各单位完整数据见汇总表（汇总表-test.xlsx）", text);
        var ranks = result.Analysis.Ranks["loan_campaign_rate"].Where(r => r.Rank is not null).OrderBy(r => r.Rank).ToList();
        var best = ranks[0].Unit.Name;
        var worst = ranks[^1].Unit.Name;
        Assert.Contains(best, text);
        Assert.Contains(worst, text);
        Assert.Contains(lagging[0].Unit.Name, text);
        Assert.DoesNotContain(lagging[^1].Unit.Name + "（", text);
        // A distribution chart in place of 3,000 bars.
        Assert.Contains("图：各单位完成“百日攻坚”目标任务分布（单位个数", text);
    }

    [Fact]
    public void The_draft_of_the_leaders_form_has_its_short_tables_and_distribution_chart()
    {
        var result = LargeRosters.Campaign(3000);
        var draft = LargeRosters.Draft([result], Settings);
        if (Environment.GetEnvironmentVariable("REPORTS_KEEP_DOCX") is { Length: > 0 } keep)
        {
            File.WriteAllBytes(keep, draft);
        }
        var read = DocxReadBack.Read(draft);
        Assert.Empty(read.Errors);
        var text = read.Text;
        var lagging = result.Analysis.LaggingOn("loan_campaign_rate");
        Assert.Contains($"低于时序进度的{lagging.Count}个单位中差距最大的{BriefingSettings.DefaultLaggingListed}个（其余{lagging.Count - BriefingSettings.DefaultLaggingListed}个未列出）", text);
        Assert.Contains("图：各单位完成“百日攻坚”目标任务分布（单位个数", text);
        Assert.Contains(lagging[0].Unit.Name, text);
        Assert.DoesNotContain(lagging[^1].Unit.Name + "（", text);
        // Short tables, as in the PDF: no table of the draft lists the 3,000 units (the appendix's status table aside).
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(draft), false);
        var tables = document.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().ToList();
        Assert.Contains(tables, t => t.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Count() is > 5 and < 40);
        Assert.NotEmpty(document.MainDocumentPart.ImageParts);
        // The same bytes from the same briefing.
        Assert.Equal(draft, LargeRosters.Draft([result], Settings));
    }
}
