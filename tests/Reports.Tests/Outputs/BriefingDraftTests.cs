using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Reports.Cli.Settings;
using Reports.Outputs.Briefing;
using Reports.Pdf;
using Reports.Pipeline;
using Reports.Runs;
using Reports.Tests.Pipeline;
using Reports.Tests.Support;

namespace Reports.Tests.Outputs;

/// <summary>
/// The briefing with the office's own words (a notes file with 领导批示, 存在问题 and 下一步工作) and its editable draft
/// (简报-….docx) beside the PDF: both carry the office's sections after the generated ones, numbered on, and the
/// instruction box under the 报头; the draft is valid Open XML on the GB/T 9704 page in named styles, with real tables
/// and the charts as pictures, the same bytes from the same inputs, and LibreOffice renders it with the sample's figures.
/// </summary>
public sealed class BriefingDraftTests : IClassFixture<BriefingDraftTests.NotedRun>
{
    public const string Notes = """
        # 领导批示
        请各县（市、区）对照时序进度，抓紧补齐短板。——市委副书记 张某某

        # 存在问题
        一是部分县小额信贷投放进度滞后于时序进度。
        二是产销对接消费帮扶工作不平衡。

        # 下一步工作
        一是加强调度通报，每周通报各县进展。
        """;

    public sealed class NotedRun : IDisposable
    {
        private readonly TempDirectory _temp = new();

        public NotedRun()
        {
            File.WriteAllText(Path.Combine(_temp.Path, "notes.txt"), Notes);
            Options = Run("first");
            Outcome = new RunPipeline(FixedClock.Default).Execute(Options);
            var again = Run("second");
            Again = new RunPipeline(FixedClock.Default).Execute(again);
            Pdf = PdfText.Read(Outcome.OutputFiles.Single(f => f.EndsWith(".pdf", StringComparison.Ordinal)));
            DocxPath = Outcome.OutputFiles.Single(f => f.EndsWith(".docx", StringComparison.Ordinal));
            Draft = DocxReadBack.Read(DocxPath);
        }

        private RunOptions Run(string name) => SampleReturn.Campaign.Options(_temp.Sub(name)) with
        {
            Briefing = SampleRuns.CampaignBriefing with { Notes = BriefingNotesFile.Load(Path.Combine(_temp.Path, "notes.txt")) },
            StorePath = Path.Combine(_temp.Path, name + ".db"),
        };

        public RunOptions Options { get; }
        public RunOutcome Outcome { get; }
        public RunOutcome Again { get; }
        public PdfText Pdf { get; }
        public string DocxPath { get; }
        public DocxReadBack Draft { get; }
        public string Folder => _temp.Path;

        public void Dispose() => _temp.Dispose();
    }

    private readonly NotedRun _run;

    public BriefingDraftTests(NotedRun run) => _run = run;

    private static int[] Positions(string text, params string[] parts) =>
        parts.Select(p => text.IndexOf(PdfText.Squash(p), StringComparison.Ordinal)).ToArray();

    [Fact]
    public void The_office_sections_follow_the_generated_ones_numbered_on_in_the_pdf()
    {
        var text = PdfText.Squash(string.Concat(_run.Pdf.Pages.Select(p => System.Text.RegularExpressions.Regex.Replace(p.Text, "—[0-9]+—$", ""))));
        var at = Positions(text, "七、需要关注的问题", "八、存在问题", "一是部分县小额信贷投放进度滞后于时序进度。", "二是产销对接消费帮扶工作不平衡。",
            "九、下一步工作", "一是加强调度通报，每周通报各县进展。", "附件");
        Assert.All(at, p => Assert.True(p >= 0));
        Assert.Equal(at.Order(), at);
        // The generated sections end at 七: nothing numbered 十 was made up.
        Assert.DoesNotContain("十、", text);
    }

    [Fact]
    public void The_instruction_box_stands_under_the_masthead_in_the_pdf()
    {
        var first = _run.Pdf.Pages[0];
        // Each visible letter's text, joined, with the letter every character belongs to.
        var letters = first.Visible;
        var owner = letters.SelectMany((l, i) => Enumerable.Repeat(i, l.Value.Length)).ToList();
        var joined = string.Concat(letters.Select(l => l.Value));
        double Baseline(string text)
        {
            var at = joined.IndexOf(text, StringComparison.Ordinal);
            Assert.True(at >= 0, $"{text} is not on the first page");
            return letters[owner[at]].BaselineY;
        }
        // PDF y grows upwards: the date line, then the box's label and text, then the title.
        var date = Baseline("2022年6月30日");
        var label = Baseline("领导批示：");
        var instruction = Baseline("请各县（市、区）对照时序进度");
        var title = Baseline("长治市“5+1");
        Assert.True(date > label && label > instruction && instruction > title, $"date {date}, label {label}, instruction {instruction}, title {title}");
        // Framed: a stroked rule runs above the label and below the instruction, across the 版心.
        Assert.Contains(first.Paths, p => p.Stroked && p.Top > label && p.Top < date && p.Right - p.Left > 400);
        Assert.Contains(first.Paths, p => p.Stroked && p.Bottom < instruction && p.Bottom > title && p.Right - p.Left > 400);
    }

    [Fact]
    public void The_draft_has_the_pdf_content_in_the_same_order()
    {
        var paragraphs = _run.Draft.Paragraphs.ToList();
        int Index(string text) => paragraphs.FindIndex(p => p.Text.Contains(text, StringComparison.Ordinal));
        var order = new[]
        {
            Index("巩固脱贫成果工作简报"), Index("第6期（送审稿）"), Index("领导批示："), Index("请各县（市、区）对照时序进度"),
            Index("长治市“5+1重点任务百日攻坚”"), Index("一、务工就业"), Index("表：务工就业分县情况"), Index("图：各县（市、区）务工总人数"),
            Index("七、需要关注的问题"), Index("八、存在问题"), Index("一是部分县小额信贷"), Index("九、下一步工作"), Index("一是加强调度通报"),
            Index("附件"), Index("报：市委"), Index("印发"),
        };
        Assert.All(order, i => Assert.True(i >= 0));
        Assert.Equal(order.Order(), order);
        Assert.Equal("一级标题", paragraphs[Index("八、存在问题")].Style);
        Assert.Equal("一级标题", paragraphs[Index("一、务工就业")].Style);
        Assert.Equal("正文", paragraphs[Index("一是部分县小额信贷")].Style);
        Assert.Equal("标题", paragraphs[Index("长治市“5+1重点任务百日攻坚”")].Style);
        // Every paragraph of the PDF's narrative is in the draft: the PDF's text, page numbers aside, is all there.
        var draft = PdfText.Squash(_run.Draft.Text);
        foreach (var unit in Samples.Changzhi.Units)
        {
            Assert.Contains(unit.Name, draft);
        }
    }

    [Fact]
    public void The_draft_passes_the_open_xml_validator() => Assert.Empty(_run.Draft.Errors);

    [Fact]
    public void The_same_inputs_give_the_same_draft_bytes()
    {
        var again = _run.Again.OutputFiles.Single(f => f.EndsWith(".docx", StringComparison.Ordinal));
        Assert.Equal(Path.GetFileName(_run.DocxPath), Path.GetFileName(again));
        Assert.Equal(File.ReadAllBytes(_run.DocxPath), File.ReadAllBytes(again));
    }

    [Fact]
    public void The_draft_is_on_the_official_page_in_named_styles()
    {
        using var document = WordprocessingDocument.Open(_run.DocxPath, false);
        var main = document.MainDocumentPart!;
        var section = main.Document!.Body!.Elements<SectionProperties>().Single();
        var page = new PdfPageSettings();
        static uint Twips(float points) => (uint)Math.Round(points * 20);
        var size = section.GetFirstChild<PageSize>()!;
        Assert.Equal(Twips(page.WidthPt), size.Width!.Value);
        Assert.Equal(Twips(page.HeightPt), size.Height!.Value);
        var margins = section.GetFirstChild<PageMargin>()!;
        // 版心 156 × 225 mm: what the margins leave of A4 (210 × 297 mm).
        Assert.Equal(156, (11906 - (int)margins.Left!.Value - (int)margins.Right!.Value) / 20.0 / 72 * 25.4, 0);
        Assert.Equal(225, (16838 - margins.Top!.Value - margins.Bottom!.Value) / 20.0 / 72 * 25.4, 0);
        var styles = main.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleName!.Val!.Value!);
        (string? EastAsia, string? Size) Font(string name) =>
            (styles[name].StyleRunProperties?.RunFonts?.EastAsia?.Value, styles[name].StyleRunProperties?.FontSize?.Val?.Value);
        Assert.Equal("仿宋_GB2312", Font("正文").EastAsia);
        Assert.Equal("黑体", Font("一级标题").EastAsia);
        Assert.Equal("楷体_GB2312", Font("二级标题").EastAsia);
        Assert.Equal(("方正小标宋简体", "44"), Font("标题"));
        // 正文 at 16 pt (the document default, in half-points) on exact lines: 22 to the 225 mm 版心.
        Assert.Equal("32", main.StyleDefinitionsPart.Styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.FontSize!.Val!.Value);
        var line = main.StyleDefinitionsPart.Styles.DocDefaults.ParagraphPropertiesDefault!.ParagraphPropertiesBaseStyle!.SpacingBetweenLines!;
        Assert.Equal(LineSpacingRuleValues.Exact, line.LineRule!.Value);
        Assert.Equal(22, (int)Math.Round((16838 - margins.Top!.Value - margins.Bottom!.Value) / double.Parse(line.Line!.Value!, System.Globalization.CultureInfo.InvariantCulture)));
        // The fonts a machine without the office's faces uses instead.
        var fonts = main.FontTablePart!.Fonts!.Elements<DocumentFormat.OpenXml.Wordprocessing.Font>().ToDictionary(f => f.Name!.Value!, f => f.AltName?.Val?.Value);
        Assert.Equal("仿宋", fonts["仿宋_GB2312"]);
        Assert.Equal("楷体", fonts["楷体_GB2312"]);
    }

    [Fact]
    public void Tables_are_word_tables_and_charts_are_the_pdfs_charts_as_pictures()
    {
        using var document = WordprocessingDocument.Open(_run.DocxPath, false);
        var body = document.MainDocumentPart!.Document!.Body!;
        // The employment table: a header row repeated on each page, a row per county and the total, rows never split.
        var caption = body.Elements<Paragraph>().Single(p => p.InnerText.StartsWith("表：务工就业分县情况", StringComparison.Ordinal));
        var employment = Assert.IsType<Table>(caption.NextSibling());
        var rows = employment.Elements<TableRow>().ToList();
        Assert.Equal(1 + Samples.Changzhi.Units.Count + 1, rows.Count);
        Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.TableHeader>());
        Assert.All(rows, r => Assert.NotNull(r.TableRowProperties!.GetFirstChild<CantSplit>()));
        Assert.Equal(Samples.Changzhi.Units.Select(u => u.Name).Order(), rows.Skip(1).Take(Samples.Changzhi.Units.Count).Select(r => r.Elements<TableCell>().ElementAt(1).InnerText).Order());
        // As many pictures as the PDF has charts, each a PNG of print resolution.
        var charts = PdfText.Squash(_run.Pdf.Text).Split("图：").Length - 1;
        var images = document.MainDocumentPart.ImageParts.ToList();
        Assert.Equal(charts, images.Count);
        Assert.Equal(charts, body.Descendants<Drawing>().Count());
        foreach (var image in images)
        {
            using var stream = image.GetStream();
            var header = new byte[24];
            stream.ReadExactly(header);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, header[..4]);
            var width = (header[16] << 24) | (header[17] << 16) | (header[18] << 8) | header[19];
            Assert.InRange(width, 1000, 2000);
        }
    }

    [LibreOfficeWriterFact]
    public void LibreOffice_renders_the_draft_with_every_published_figure()
    {
        var folder = Path.Combine(_run.Folder, "lo");
        Directory.CreateDirectory(folder);
        var copy = Path.Combine(folder, "draft.docx");
        File.Copy(_run.DocxPath, copy);
        var rendered = PdfText.Read(DocxReadBack.ThroughLibreOffice(copy, folder));
        var text = PdfText.Squash(rendered.Text);
        foreach (var figure in SampleRunTests.PublishedFigures)
        {
            Assert.Contains(PdfText.Squash(figure), text);
        }
        Assert.Contains("八、存在问题", text);
        // Other fonts, other line breaks: about as many pages as the PDF, never a page per paragraph.
        Assert.InRange(rendered.Pages.Count, _run.Pdf.Pages.Count - 2, _run.Pdf.Pages.Count * 3 / 2);
    }
}
