using Reports.Pipeline;
using Reports.Tests.Support;

namespace Reports.Tests.Outputs;

/// <summary>
/// The sample briefings in the form of GB/T 9704-2012, read back from the PDFs: the type area (版心 156 × 225 mm,
/// 天头 37 mm, 订口 28 mm), a 16 pt body of at most 28 characters a line in the 楷 stand-in for 仿宋, the title in the
/// bold 宋 stand-in for 小标宋, "一、" headings in the 黑体 stand-in, page numbers in 宋, and the issuing office of the
/// roster's own city.
/// </summary>
[Collection(SampleRunsCollection.Name)]
public sealed class OfficialFormTests
{
    private const double Mm = 72 / 25.4;

    private readonly PdfText _campaign;
    private readonly PdfText _employment;

    public OfficialFormTests(SampleRuns runs)
    {
        _campaign = runs.Campaign.Briefing;
        _employment = runs.Employment.Briefing;
    }

    /// <summary>The page number's letters: below the 版心's foot.</summary>
    private static bool IsPageNumber(PdfLetter letter) => letter.Top < 35 * Mm;

    [Fact]
    public void Every_letter_but_the_page_number_lies_inside_the_type_area()
    {
        foreach (var page in _campaign.Pages)
        {
            var inside = page.Visible.Where(l => !IsPageNumber(l)).ToList();
            Assert.NotEmpty(inside);
            const double slack = 1;  // a glyph's box may overhang its advance by a hair
            Assert.All(inside, l =>
            {
                Assert.InRange(l.Left, 28 * Mm - slack, (28 + 156) * Mm + slack);
                Assert.InRange(l.Right, 28 * Mm - slack, (28 + 156) * Mm + slack);
                // PDF y runs up from the page's foot: the 版心 spans 35 mm to 260 mm from it.
                Assert.InRange(l.Bottom, 35 * Mm - slack, (35 + 225) * Mm + slack);
                Assert.InRange(l.Top, 35 * Mm - slack, (35 + 225) * Mm + slack);
            });
        }
    }

    [Fact]
    public void The_body_is_16_point_in_the_kai_subset_about_28_characters_and_22_lines_to_a_page()
    {
        var body = _campaign.Pages.SelectMany(p => p.Visible.Select(l => (Page: p.Number, Letter: l)))
            .Where(x => x.Letter.FontName.Contains("GBZenKai", StringComparison.Ordinal) && Math.Abs(x.Letter.PointSize - 16) < 0.1)
            .ToList();
        Assert.True(body.Count > 1000, $"only {body.Count} body letters in 16 pt 楷");
        var lines = body.GroupBy(x => (x.Page, Math.Round(x.Letter.BaselineY, 1))).ToList();
        // CJK characters are a full em: 28 of them (with Latin figures at half width) fill a line, never more.
        Assert.All(lines, line => Assert.InRange(line.Sum(x => x.Letter.Value.Length == 1 && x.Letter.Value[0] < 0x2E80 ? 0.5 : 1.0), 0.5, 28.5));
        Assert.Contains(lines, line => line.Sum(x => x.Letter.Value[0] < 0x2E80 ? 0.5 : 1.0) >= 26);
        // Consecutive body lines are 225 mm / 22 apart.
        var spacing = lines.Where(l => l.Key.Page == 1).Select(l => l.Key.Item2).OrderByDescending(y => y).ToList();
        var gaps = spacing.Zip(spacing.Skip(1), (a, b) => a - b).ToList();
        Assert.Contains(gaps, gap => Math.Abs(gap - 225 * Mm / 22) < 0.2);
    }

    [Fact]
    public void Title_headings_and_page_numbers_are_set_in_their_faces_and_sizes()
    {
        var letters = _campaign.Pages[0].Visible;
        // The title, 22 pt (2号) in the 宋 subset (the 小标宋 stand-in).
        var title = letters.Where(l => Math.Abs(l.PointSize - 22) < 0.1).ToList();
        Assert.NotEmpty(title);
        Assert.All(title, l => Assert.Contains("BousungEG", l.FontName, StringComparison.Ordinal));
        Assert.Contains("专项行动进展情况", string.Concat(title.Select(l => l.Value)));
        // "一、务工就业": 16 pt in the 黑体 stand-in.
        var heading = letters.Where(l => l.FontName.Contains("WenQuanYi", StringComparison.Ordinal) && Math.Abs(l.PointSize - 16) < 0.1).ToList();
        Assert.Equal("一、务工就业", string.Concat(heading.OrderBy(l => l.BaselineStartX).Select(l => l.Value)));
        // "（截至2022年6月底）": 楷.
        Assert.Contains(letters, l => l.Value == "截" && l.FontName.Contains("GBZenKai", StringComparison.Ordinal));
        // Page numbers: 14 pt (4号) 宋, "— 1 —".
        foreach (var page in _campaign.Pages)
        {
            var number = page.Visible.Where(IsPageNumber).OrderBy(l => l.BaselineStartX).ToList();
            Assert.Equal($"—{page.Number}—", string.Concat(number.Select(l => l.Value)));
            Assert.All(number, l => Assert.Contains("BousungEG", l.FontName, StringComparison.Ordinal));
            Assert.All(number, l => Assert.Equal(14, l.PointSize, 1));
        }
    }

    [Fact]
    public void The_last_page_closes_with_the_distribution_rules_and_the_issued_line()
    {
        var last = _employment.Pages[^1];
        Assert.Contains("郑州市乡村振兴局2022年12月31日印发", last.Text);
        // The 印发 line in 4号 (14 pt), at the foot of the 版心.
        var issued = last.Visible.Where(l => l.Value == "印").ToList();
        Assert.Single(issued);
        Assert.Equal(14, issued[0].PointSize, 1);
        Assert.InRange(issued[0].Bottom, 35 * Mm, 60 * Mm);
    }

    [Fact]
    public void The_zhengzhou_briefing_is_issued_by_zhengzhou_and_never_by_another_city()
    {
        Assert.StartsWith("巩固脱贫成果工作简报第12期（送审稿）郑州市乡村振兴局2022年12月31日", _employment.Text);
        Assert.DoesNotContain("长治", _employment.Text);
        Assert.Equal("郑州市乡村振兴局", _employment.Information.Author);
    }

    [Fact]
    public void Without_a_deadline_no_unit_is_said_to_be_late_or_on_time()
    {
        using var temp = new TempDirectory();
        var inbox = temp.Sub("inbox");
        foreach (var file in Directory.GetFiles(RepositoryPaths.SampleInbox).Where(f => !f.Contains("140431", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(inbox, Path.GetFileName(file)));
        }
        var outcome = new RunPipeline(FixedClock.Default).Execute(Samples.Options(RepositoryPaths.SampleRoster, inbox, temp.Sub("out")));
        var text = PdfText.Of(outcome.OutputFiles.Single(f => f.EndsWith(".pdf", StringComparison.Ordinal)));
        Assert.Contains("沁源县未报送", text);
        Assert.DoesNotContain("按时", text);
        // The totals say they cover the eleven units that reported, in the text and in the tables.
        Assert.Contains("已报送的11个县（市、区）合计脱贫劳动力务工总人数", text);
        Assert.DoesNotContain("全市合计", text);
        Assert.Contains("已报送的11个县（市、区）合计", text[text.IndexOf("表：务工就业分县情况", StringComparison.Ordinal)..]);
    }
}
