using System.Globalization;
using Reports.Outputs.Briefing;
using Reports.Pipeline;
using Reports.Tests.Support;

namespace Reports.Tests.Outputs;

/// <summary>
/// The sample briefing as leaders read it: the narrative with the sample's figures, the lagging units named in the
/// closing section, page numbers, 报头 and 报尾 from settings, and the same bytes whatever the clock says.
/// Expected values are computed here from the sample's value sheet, not taken from the pipeline.
/// </summary>
[Collection(SampleRunsCollection.Name)]
public sealed class BriefingPdfTests
{
    private readonly SampleRun _run;

    public BriefingPdfTests(SampleRuns runs)
    {
        _run = runs.Campaign;
        Pages = _run.Briefing.Pages.Select(p => p.Text).ToList();
        // The running text without the page numbers, so a paragraph that crosses a page reads whole.
        Text = string.Concat(Pages.Select(p => System.Text.RegularExpressions.Regex.Replace(p, "—[0-9]+—$", "")));
    }

    private IReadOnlyList<string> Pages { get; }

    private string Text { get; }

    private static string Percent1(decimal ratio) =>
        decimal.Round(ratio * 100, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    [Fact]
    public void The_lead_paragraph_gives_the_headline_figure_of_every_task()
    {
        var lead = Text[..Text.IndexOf("一、务工就业", StringComparison.Ordinal)];
        Assert.Contains("脱贫劳动力务工104731人，为上年度的105.28%", lead);
        Assert.Contains($"纳入年度计划的{Samples.Sum("proj_planned")}个项目全部开工", lead);
        Assert.Contains("投放小额信贷2.58亿元，完成“百日攻坚”目标任务的121.9%", lead);
        Assert.Contains("驻村干部培训覆盖率100%", lead);
        var sales = Samples.Sum("sales_stock") + Samples.Sum("sales_orders") + Samples.Sum("sales_fairs");
        Assert.Contains($"累计消费帮扶9843.63万元，完成目标任务的{Percent1(sales / Samples.Sum("sales_target"))}", lead);
        Assert.Contains($"排查问题整改率{Percent1(Samples.Sum("issues_fixed") / Samples.Sum("issues_found"))}", lead);
    }

    [Fact]
    public void The_narrative_uses_the_conditional_phrasing_and_the_top_units()
    {
        Assert.Contains("纳入年度计划实施的项目1766个，全部开工。", Text);
        Assert.Contains("完成“百日攻坚”目标任务的121.9%，超额完成；", Text);
        var top = Samples.Changzhi.Units
            .Select((u, i) => (u.Name, Rate: Samples.Value(u.Code, "loan_amount") / Samples.Value(u.Code, "loan_target_campaign"), Order: i))
            .OrderByDescending(x => x.Rate).ThenBy(x => x.Order).Take(3).Select(x => x.Name).ToList();
        Assert.Contains($"完成“百日攻坚”目标任务比例居前的是{top[0]}、{top[1]}和{top[2]}。", Text);
    }

    [Fact]
    public void The_closing_section_names_every_lagging_unit_with_its_rate_and_gap()
    {
        var closing = Text[Text.IndexOf("七、需要关注的问题", StringComparison.Ordinal)..];
        // The campaign ends with the period: time progress is 100%; every unit below its target lags.
        var behind = Samples.Changzhi.Units
            .Select(u => (u.Name, Rate: Samples.Value(u.Code, "loan_amount") / Samples.Value(u.Code, "loan_target_campaign")))
            .Where(x => x.Rate < 1)
            .OrderByDescending(x => 1 - x.Rate)
            .ToList();
        Assert.NotEmpty(behind);
        var expected = string.Join("、", behind.Select(x =>
            $"{x.Name}（{Percent1(x.Rate)}，落后{decimal.Round((1 - x.Rate) * 100, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture)}个百分点）"));
        Assert.Contains($"小额信贷投放：完成“百日攻坚”目标任务低于时序进度（100%）的有{expected}。", closing);

        var salesBehind = Samples.Changzhi.Units
            .Where(u => (Samples.Value(u.Code, "sales_stock") + Samples.Value(u.Code, "sales_orders") + Samples.Value(u.Code, "sales_fairs")) / Samples.Value(u.Code, "sales_target") < 1)
            .Select(u => u.Name)
            .ToList();
        Assert.NotEmpty(salesBehind);
        Assert.All(salesBehind, name => Assert.Contains(name + "（", closing[closing.IndexOf("产销对接消费帮扶：", StringComparison.Ordinal)..]));
    }

    [Fact]
    public void Lagging_units_are_marked_in_their_task_table_which_is_ordered_by_its_rank()
    {
        var start = Text.IndexOf("表：小额信贷投放分县情况（按完成“百日攻坚”目标任务由高到低排列，时序进度100%）", StringComparison.Ordinal);
        Assert.True(start >= 0);
        var table = Text[start..Text.IndexOf("图：各县（市、区）完成“百日攻坚”目标任务", start, StringComparison.Ordinal)];
        var expected = Samples.Changzhi.Units
            .Select((u, i) => (u.Name, Rate: Samples.Value(u.Code, "loan_amount") / Samples.Value(u.Code, "loan_target_campaign"), Order: i))
            .OrderByDescending(x => x.Rate).ThenBy(x => x.Order)
            .ToList();
        var at = 0;
        for (var rank = 1; rank <= expected.Count; rank++)
        {
            var (name, rate, _) = expected[rank - 1];
            // Each row: the rank, the unit, the ranked rate, then 滞后 when it is below time progress (100%).
            var row = $"{rank}{name}{Percent1(rate)}{(rate < 1 ? "滞后" : "")}{Samples.Value(Samples.Changzhi.Units.Single(u => u.Name == name).Code, "loan_households")}";
            var found = table.IndexOf(row, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"row {rank} \"{row}\" not found in rank order");
            at = found + row.Length;
        }
        Assert.Contains("全市合计121.9%", table[at..]);
    }

    [Fact]
    public void Body_lines_obey_chinese_line_breaking()
    {
        const string closing = "，。、；：？！）」』》”";
        const string opening = "（「『《“";
        var lines = _run.Briefing.Pages
            .SelectMany(page => page.Visible
                .Where(l => Math.Abs(l.PointSize - 16) < 0.1 && l.FontName.Contains("ZenKai", StringComparison.Ordinal))
                .GroupBy(l => Math.Round(l.BaselineY, 1))
                .Select(g => string.Concat(g.OrderBy(l => l.BaselineStartX).Select(l => l.Value))))
            .ToList();
        Assert.True(lines.Count > 30, $"only {lines.Count} body lines found");
        Assert.All(lines, line => Assert.DoesNotContain(line[0], closing));
        Assert.All(lines, line => Assert.DoesNotContain(line[^1], opening));
        // A figure never straddles two lines: no line ends inside a number that the next line continues.
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            Assert.False(char.IsAsciiDigit(lines[i][^1]) && (char.IsAsciiDigit(lines[i + 1][0]) || lines[i + 1][0] is '.' or '%'),
                $"a figure is split between “{lines[i]}” and “{lines[i + 1]}”");
        }
    }

    [Fact]
    public void Every_page_carries_its_number()
    {
        Assert.True(Pages.Count >= 4);
        for (var i = 0; i < Pages.Count; i++)
        {
            Assert.EndsWith($"—{i + 1}—", Pages[i]);
        }
    }

    [Fact]
    public void Masthead_and_distribution_come_from_settings_and_the_date_from_the_period()
    {
        var first = Pages[0];
        Assert.StartsWith("巩固脱贫成果工作简报第6期（送审稿）长治市乡村振兴局2022年6月30日", first);
        var last = Pages[^1];
        Assert.Contains("报：市委、市政府。送：市直有关部门。抄送：各县（市、区）乡村振兴局。长治市乡村振兴局2022年6月30日印发（共印40份）", last);
        Assert.Equal("D:20220630000000+08'00'", _run.Briefing.Information.CreationDate);
    }

    [Fact]
    public void The_appendix_lists_the_submission_of_every_unit()
    {
        var appendix = Text[Text.IndexOf("附表1：各县（市、区）报表报送情况", StringComparison.Ordinal)..];
        for (var i = 0; i < Samples.Changzhi.Units.Count; i++)
        {
            // A unit whose sample return explains a must-explain finding (潞城区's 户均投放) has that one warning.
            var explained = Samples.SampleValues[Samples.Changzhi.Units[i].Code]["verify_note"].Length > 0 ? 1 : 0;
            Assert.Contains($"{i + 1}{Samples.Changzhi.Units[i].Name}已汇总0{explained}", appendix);
        }
        // The explanation is on record in the appendix, beside the finding it answers.
        var note = Samples.SampleValues["140406"]["verify_note"];
        Assert.Contains("潞城区报表审核数值超出通常范围，须说明（投放金额）1处。县级情况说明：" + note[..20], appendix);
    }

    [Fact]
    public void Each_task_has_a_chart_whose_labels_are_text_in_the_embedded_font()
    {
        foreach (var caption in new[] { "图：各县（市、区）务工总人数占上年度（%，由高到低）", "图：各县（市、区）完成“百日攻坚”目标任务（%，由高到低）",
                     "图：各县（市、区）完成消费帮扶目标任务（%，由高到低）", "图：各县（市、区）整改率（%，由高到低）" })
        {
            Assert.Contains(caption, Text);
        }
        // Every project started and every cadre trained: a sentence says so instead of a row of equal bars.
        Assert.Contains("已汇总的12个县（市、区）开工率均为100%，不再作图。", Text);
        Assert.Contains("已汇总的12个县（市、区）培训覆盖率均为100%，不再作图。", Text);
        Assert.DoesNotContain("图：各县（市、区）培训覆盖率", Text);
        // The chart's own labels: the time-progress line and a bar value per unit (bars carry no % sign).
        var page = _run.Briefing.Pages.First(p => p.Text.Contains("图：各县（市、区）完成“百日攻坚”目标任务", StringComparison.Ordinal));
        var small = PdfText.Squash(string.Concat(page.Letters.Where(l => l.PointSize < 7.5).Select(l => l.Value)));
        Assert.Contains("时序进度100%", page.Text);
        foreach (var unit in Samples.Changzhi.Units)
        {
            var rate = Samples.Value(unit.Code, "loan_amount") / Samples.Value(unit.Code, "loan_target_campaign") * 100;
            Assert.Contains(decimal.Round(rate, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture), small);
        }
        // Every letter of the document, charts included, is set in an embedded subset of a bundled font: 楷 (body),
        // 宋 (title, page numbers) and the sans (headings, charts).
        Assert.All(_run.Briefing.Pages.SelectMany(p => p.Letters).Select(l => l.FontName).Distinct(), name => Assert.Matches("^[A-Z]{6}\\+(GBZenKai|BousungEG|WenQuanYi)", name));
    }

    [Fact]
    public void Another_clock_gives_the_same_bytes_and_a_configured_issue_date_is_printed()
    {
        using var temp = new TempDirectory();
        var later = new FixedClock(new DateTimeOffset(2031, 1, 2, 3, 4, 5, TimeSpan.FromHours(-7)));
        var options = _run.Options with { OutputDirectory = temp.Sub("a"), StorePath = Path.Combine(temp.Path, "store.db") };
        var outcome = new RunPipeline(later).Execute(options);
        Assert.Equal(_run.Pdf, File.ReadAllBytes(outcome.OutputFiles.Single(f => f.EndsWith(".pdf", StringComparison.Ordinal))));

        var dated = options with { OutputDirectory = temp.Sub("b"), StorePath = Path.Combine(temp.Path, "dated.db"), Briefing = options.Briefing with { IssueDate = new DateOnly(2022, 7, 5) } };
        var pdf = PdfText.Read(new RunPipeline(later).Execute(dated).OutputFiles.Single(f => f.EndsWith(".pdf", StringComparison.Ordinal)));
        Assert.Contains("长治市乡村振兴局2022年7月5日", pdf.Pages[0].Text);
        Assert.Equal("D:20220705000000+08'00'", pdf.Information.CreationDate);
    }

    [Fact]
    public void The_sample_briefing_is_well_under_a_megabyte()
    {
        Assert.True(_run.Pdf.Length < 600 * 1024, $"the briefing is {_run.Pdf.Length} bytes");
        Assert.Empty(_run.Outcome.OutputDiagnostics ?? []);
    }
}
