using System.Globalization;
using System.Text.RegularExpressions;
using Reports.Merge;
using Reports.Outputs.Briefing;
using Reports.Pdf;
using Reports.Tests.Support;

namespace Reports.Tests.Outputs;

/// <summary>
/// The sample briefing as a typesetter would set it, read back from the PDF: titles and captions break between
/// words, a table column prints its figures one way, a chart's labels keep off its time-progress line and inside its
/// frame, no narrative page is left a quarter empty, and the appendix prints each file name on one line.
/// </summary>
[Collection(SampleRunsCollection.Name)]
public sealed partial class BriefingTypesettingTests(SampleRuns runs)
{
    private readonly SampleRun _run = runs.Campaign;

    /// <summary>The return's own words: task titles, field and indicator names (as written and as headers set them), unit names.</summary>
    private static IEnumerable<string> Terms() =>
        Samples.Campaign.Sections.SelectMany(s => new[] { s.Title }
                .Concat(s.Fields.Select(f => f.Label)).Concat(s.Indicators.Select(i => i.Label)))
            .SelectMany(t => new[] { t, TableHeader.FullWidth(t) })
            .Concat(Samples.Changzhi.Units.Select(u => u.Name))
            .Append(Samples.Changzhi.Name)
            .Where(t => t.Length >= 2)
            .Distinct(StringComparer.Ordinal);

    [Fact]
    public void The_title_and_the_captions_break_between_words()
    {
        var pages = _run.Briefing.Pages;
        var title = pages[0].LinesOfSize(22);
        Assert.Equal(["长治市“5+1重点任务百日攻坚”", "专项行动进展情况"], title);
        var quoted = QuotedName().Matches(_run.Briefing.Text).Select(m => m.Value).Distinct().ToList();
        Assert.NotEmpty(quoted);
        var words = Terms().Concat(quoted).ToList();
        // Captions (小四, 12 pt), page by page: no word of the return and no quoted name runs over a line's end.
        var captions = pages.Select(p => p.LinesOfSize(Typography.TableCaptionSize)).ToList();
        Assert.Contains(captions, c => c.Count >= 2 && c.Any(l => l.StartsWith("表：小额信贷投放", StringComparison.Ordinal)));
        Assert.All(captions, c => Assert.Null(LineBreaks.SplitWord(c, words)));
        Assert.Null(LineBreaks.SplitWord(title, words));
    }

    [Fact]
    public void Body_text_never_splits_a_figure_from_its_unit_nor_a_quoted_name()
    {
        var lines = _run.Briefing.Pages.SelectMany(p => p.LinesOfSize(Typography.BodySize)).ToList();
        var quoted = QuotedName().Matches(_run.Briefing.Text).Select(m => m.Value).Distinct().ToList();
        Assert.Null(LineBreaks.SplitWord(lines, quoted.Where(q => q.Length <= 6)));
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            Assert.False(Regex.IsMatch(lines[i], "[0-9](万|亿)$") && lines[i + 1].StartsWith('元'), $"“{lines[i]}” / “{lines[i + 1]}”");
        }
    }

    [Fact]
    public void Each_table_column_prints_its_figures_with_one_number_of_decimals()
    {
        var result = _run.Outcome.Results[0];
        foreach (var section in Samples.Campaign.Sections)
        {
            foreach (var table in TaskTableBuilder.Build(result.Merge, result.Analysis, section, BriefingScale.Full).OfType<PdfTable>())
            {
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    var decimals = table.Rows.Select(r => Figure().Match(r[c])).Where(m => m.Success).Select(m => m.Groups[1].Length).Distinct().ToList();
                    Assert.True(decimals.Count <= 1, $"{section.Title} “{table.Columns[c].Title}”: decimals {string.Join(", ", decimals)}");
                }
            }
        }
        // In the PDF: 武乡县's 户均 (a round 5万元) beside two-decimal ones, and the total amount (25796.4) with two decimals.
        var average = decimal.Round(Samples.Value("140429", "loan_amount") / Samples.Value("140429", "loan_households"), 2, MidpointRounding.AwayFromZero);
        Assert.Equal(5m, average);
        Assert.Contains("65.5%5.00", _run.Briefing.Text);
        Assert.Contains(Samples.Sum("loan_amount").ToString("0.00", CultureInfo.InvariantCulture), _run.Briefing.Text);
        Assert.DoesNotContain(Samples.Sum("loan_amount").ToString("0.0", CultureInfo.InvariantCulture) + "2", _run.Briefing.Text);
    }

    [Fact]
    public void Chart_value_labels_keep_off_the_time_progress_line_whose_label_stays_inside_the_frame()
    {
        var page = _run.Briefing.Pages.First(p => p.Text.Contains("图：各县（市、区）完成“百日攻坚”目标任务", StringComparison.Ordinal));
        // The dashed line: a row of short filled dashes at one height.
        var dashes = page.Paths.Where(p => p.Filled && p.Top - p.Bottom < 2 && p.Right - p.Left < 15)
            .GroupBy(p => Math.Round((p.Top + p.Bottom) / 2, 1)).OrderByDescending(g => g.Count()).First();
        Assert.True(dashes.Count() >= 10, $"{dashes.Count()} dashes");
        var y = dashes.Key;
        // Its label, right of the bars (the axis's "100" stands left of them); a letter once (each is drawn twice).
        var label = page.Visible.Where(l => Math.Abs(l.PointSize - Typography.ChartTickSize) < 0.1 && l.Bottom < y && l.Top > y && l.Left > dashes.Min(d => d.Left))
            .DistinctBy(l => (l.Value, Math.Round(l.Left, 1))).ToList();
        Assert.Equal("时序进度100%", string.Concat(label.OrderBy(l => l.BaselineStartX).Select(l => l.Value)));
        // The frame's right side: the rightmost vertical rule across the line.
        var frameRight = page.Paths.Where(p => p.Stroked && p.Right - p.Left < 1 && p.Bottom < y && p.Top > y && p.Top - p.Bottom > 80).Max(p => p.Right);
        Assert.True(label.Max(l => l.Right) <= frameRight - 2, $"label ends at {label.Max(l => l.Right):0.0}, the frame at {frameRight:0.0}");
        // Each bar's value (7 pt): its figures neither on the line nor under the reference label.
        var values = page.Visible.Where(l => Math.Abs(l.PointSize - Typography.ChartValueSize) < 0.1).DistinctBy(l => (l.Value, Math.Round(l.Left, 1), Math.Round(l.Bottom, 1))).ToList();
        var expected = Samples.Changzhi.Units.Sum(u => decimal.Round(Samples.Value(u.Code, "loan_amount") / Samples.Value(u.Code, "loan_target_campaign") * 100, 1, MidpointRounding.AwayFromZero)
            .ToString("0.0", CultureInfo.InvariantCulture).Length);
        Assert.Equal(expected, values.Count); // every letter of every bar's value
        Assert.All(values, v => Assert.False(v.Bottom - 0.5 < y && y < v.Top + 0.5, $"“{v.Value}” at {v.Bottom:0.0}–{v.Top:0.0} on the line at {y:0.0}"));
    }

    [Fact]
    public void No_narrative_page_but_the_last_is_left_a_quarter_empty()
    {
        var settings = new PdfPageSettings();
        var bodyBottom = settings.MarginBottomPt;
        var bodyHeight = settings.HeightPt - settings.MarginTopPt - settings.MarginBottomPt;
        var pages = _run.Briefing.Pages;
        var appendix = pages.ToList().FindIndex(p => p.Text.StartsWith("附件", StringComparison.Ordinal));
        Assert.True(appendix > 2);
        foreach (var page in pages.Take(appendix - 1))
        {
            // The lowest thing on the page above the page number: a letter (a chart's axis labels included).
            var lowest = page.Visible.Where(l => l.Bottom > bodyBottom - 2).Min(l => l.Bottom);
            var empty = (lowest - bodyBottom) / bodyHeight;
            Assert.True(empty <= 0.25, $"page {page.Number} is {empty:P0} empty");
        }
    }

    [Fact]
    public void The_appendix_prints_each_file_name_on_one_line_with_its_unit_code_and_period()
    {
        var appendix = _run.Briefing.Pages.SkipWhile(p => !p.Text.StartsWith("附件", StringComparison.Ordinal)).ToList();
        var lines = appendix.SelectMany(p => p.LinesOfSize(Typography.TableSize)).ToList();
        foreach (var unit in Samples.Changzhi.Units)
        {
            // The row's line holds the number, name and status too; the file name is its end.
            var row = Assert.Single(lines, l => l.Contains(unit.Code + "-", StringComparison.Ordinal));
            Assert.EndsWith("-2022-06.xlsx", row, StringComparison.Ordinal);
            Assert.Contains(unit.Code + "-" + unit.Name, row, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("“[^“”]{1,24}”")]
    private static partial Regex QuotedName();

    [GeneratedRegex("^-?[0-9]+(?:\\.([0-9]+))?%?$")]
    private static partial Regex Figure();
}
