using Reports.Pdf;
using Reports.Tests.Support;

namespace Reports.Tests.Pdf;

public class PdfRendererTests
{
    private static readonly Lazy<byte[]> BriefingPdf = new(() => SampleDocuments.Render(SampleDocuments.Briefing()));

    private static List<string> PageTexts(byte[] pdf) => PdfText.Read(pdf).Pages.Select(p => p.Text).ToList();

    [Fact]
    public void A_briefing_spans_several_pages_and_its_chinese_text_and_figures_extract()
    {
        var pdf = BriefingPdf.Value;
        var pages = PageTexts(pdf);
        Assert.True(pages.Count >= 3, $"expected 3+ pages, got {pages.Count}");

        var all = string.Concat(pages);
        Assert.Contains(PdfText.Squash(SampleDocuments.Sentence1), all);
        Assert.Contains(PdfText.Squash(SampleDocuments.Sentence2), all);
        Assert.Contains(PdfText.Squash(SampleDocuments.Sentence3), all);
        Assert.Contains("104731人", all);
        Assert.Contains("105.28%", all);
        Assert.Contains("巩固脱贫成果工作简报", all);
        Assert.Contains("第12期", all);
        Assert.Contains("市乡村振兴局编", all);
        Assert.Contains("2024年6月30日", all);
        Assert.Contains("全市脱贫劳动力务工就业情况通报", all);  // bold heading
        Assert.Contains("一、务工就业", all);
        Assert.Contains("表1各县脱贫劳动力务工情况", all);
        Assert.Contains("Guangdong", all);
        Assert.Contains("送：各县（市、区）乡村振兴局。", all);
    }

    [Fact]
    public void The_briefing_metadata_is_written()
    {
        var information = PdfText.Read(BriefingPdf.Value).Information;
        Assert.Equal(SampleDocuments.Metadata.Title, information.Title);
        Assert.Equal(SampleDocuments.Metadata.Author, information.Author);
        // Written in the model's own offset, whatever the machine's time zone.
        Assert.Equal("D:20240630090000+08'00'", information.CreationDate);
        Assert.Equal("D:20240630090000+08'00'", information.ModifiedDate);
    }

    [Fact]
    public void Patching_dates_writes_the_given_offset_keeping_the_length()
    {
        var before = "<</CreationDate (D:20240630010000+08'00')\n/ModDate (D:20240630010000+08'00')>>";
        var pdf = System.Text.Encoding.ASCII.GetBytes(before);
        PdfRenderer.PatchDates(pdf, new DateTimeOffset(2023, 12, 31, 23, 59, 58, TimeSpan.FromHours(-5.5)));
        Assert.Equal("<</CreationDate (D:20231231235958-05'30')\n/ModDate (D:20231231235958-05'30')>>",
            System.Text.Encoding.ASCII.GetString(pdf));
    }

    [Fact]
    public void Every_page_number_is_dashed_below_the_type_area_odd_right_even_left_one_character_in()
    {
        const double mm = 72 / 25.4;
        var pages = PdfText.Read(BriefingPdf.Value).Pages;
        Assert.True(pages.Count >= 2);
        foreach (var page in pages)
        {
            Assert.EndsWith($"—{page.Number}—", page.Text);
            // Below the 版心 (whose foot is 35 mm above the page's), in 4号 (14 pt).
            var footer = page.Visible.Where(l => l.Top < 35 * mm).ToList();
            Assert.Equal(2 + page.Number.ToString(System.Globalization.CultureInfo.InvariantCulture).Length, footer.Count);
            Assert.All(footer, l => Assert.Equal(14, l.PointSize, 1));
            // The dash about 7 mm below the 版心.
            var dash = footer.First(l => l.Value == "—");
            Assert.InRange(35 * mm - (dash.Bottom + dash.Top) / 2, 5 * mm, 9 * mm);
            double left = footer.Min(l => l.BaselineStartX), right = footer.Max(l => l.BaselineEndX);
            if (page.Number % 2 == 1)
            {
                Assert.Equal(page.Width - 26 * mm - 14, right, 1.5);
            }
            else
            {
                Assert.Equal(28 * mm + 14, left, 1.5);
            }
        }
    }

    [Fact]
    public void Every_table_row_is_present_once_and_the_header_repeated_on_every_page_the_table_crosses()
    {
        var pages = PageTexts(BriefingPdf.Value);
        var tablePages = new SortedSet<int>();
        for (var i = 1; i <= 40; i++)
        {
            var name = SampleDocuments.RowName(i);
            var found = pages.Select((t, n) => (t, n)).Where(x => x.t.Contains(name, StringComparison.Ordinal)).ToList();
            Assert.True(found.Count == 1, $"row {name} found on {found.Count} pages");
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(found[0].t, name));
            tablePages.Add(found[0].n);
        }

        Assert.True(tablePages.Count >= 2, "the 40-row table should cross a page break");
        foreach (var n in tablePages)
        {
            foreach (var header in SampleDocuments.TableHeaders)
            {
                Assert.Contains(PdfText.Squash(header), pages[n]);
            }
        }

        Assert.Contains("合计104731105.28%", string.Concat(pages));

        // Multi-line cells (rows 7, 14, ... carry a two-line remark) stay whole on the page of their row.
        var note = "含公益性岗位安置人员，已按季度核实到户到人";
        for (var n = 0; n < pages.Count; n++)
        {
            var rowsWithNote = Enumerable.Range(1, 40).Count(i => i % 7 == 0 && pages[n].Contains(SampleDocuments.RowName(i), StringComparison.Ordinal));
            Assert.Equal(rowsWithNote, System.Text.RegularExpressions.Regex.Matches(pages[n], note).Count);
        }
    }

    [Fact]
    public void Two_renders_are_byte_identical()
    {
        var a = SampleDocuments.Render(SampleDocuments.Briefing());
        var b = SampleDocuments.Render(SampleDocuments.Briefing());
        Assert.Equal(a.Length, b.Length);
        Assert.True(a.AsSpan().SequenceEqual(b), "two renders of the same model differ");
    }

    [Fact]
    public void A_two_page_document_is_small_because_the_font_is_subset()
    {
        var pdf = SampleDocuments.Render(SampleDocuments.Briefing(tableRows: 10, paragraphRepeats: 4));
        Assert.InRange(PdfText.Read(pdf).Pages.Count, 1, 3);
        Assert.True(pdf.Length < 300 * 1024, $"PDF is {pdf.Length} bytes");
        Assert.True(BriefingPdf.Value.Length < 400 * 1024, $"briefing PDF is {BriefingPdf.Value.Length} bytes");
    }

    [Fact]
    public void A_table_row_taller_than_a_page_is_split_not_lost()
    {
        var longCell = string.Concat(Enumerable.Repeat("这是一段很长的单元格文字，用于检验超过一页高度的表格行。", 80));
        var table = new PdfTable(
            [new PdfTableColumn("项目", 1, PdfAlign.Left), new PdfTableColumn("说明", 1, PdfAlign.Left)],
            [new[] { "甲", longCell }, new[] { "乙", "短" }]);
        var model = new PdfDocumentModel(SampleDocuments.Metadata, [new PdfHeading("超长表格", 2), table]);
        var pages = PageTexts(SampleDocuments.Render(model));
        Assert.True(pages.Count >= 2);
        var all = string.Concat(pages);
        Assert.Contains("用于检验超过一页高度的表格行", all);
        Assert.Contains("乙短", all);
        Assert.All(pages, p => Assert.Contains("项目说明", p));
    }

    [Fact]
    public void An_empty_document_renders_one_page()
    {
        var pdf = SampleDocuments.Render(new PdfDocumentModel(SampleDocuments.Metadata, [], FooterFormat: null));
        Assert.Single(PdfText.Read(pdf).Pages);
    }

    [Fact]
    public void A_missing_font_throws()
    {
        using var ms = new MemoryStream();
        Assert.Throws<FileNotFoundException>(() => PdfRenderer.Render(SampleDocuments.Briefing(), new PdfFontFile("/nonexistent/font.ttc", 0),
            new PdfPageSettings(), ms));
    }
}
