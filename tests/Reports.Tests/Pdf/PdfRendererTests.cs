using Reports.Pdf;
using UglyToad.PdfPig;

namespace Reports.Tests.Pdf;

public class PdfRendererTests
{
    private static readonly Lazy<byte[]> BriefingPdf = new(() => SampleDocuments.Render(SampleDocuments.Briefing()));

    private static List<string> PageTexts(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return doc.GetPages().Select(p => SampleDocuments.Squash(p.Text)).ToList();
    }

    [Fact]
    public void Briefing_SpansSeveralPages_AndChineseTextAndFiguresExtract()
    {
        byte[] pdf = BriefingPdf.Value;
        var pages = PageTexts(pdf);
        Assert.True(pages.Count >= 3, $"expected 3+ pages, got {pages.Count}");

        string all = string.Concat(pages);
        Assert.Contains(SampleDocuments.Squash(SampleDocuments.Sentence1), all);
        Assert.Contains(SampleDocuments.Squash(SampleDocuments.Sentence2), all);
        Assert.Contains(SampleDocuments.Squash(SampleDocuments.Sentence3), all);
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
    public void Briefing_Metadata_IsWritten()
    {
        using var doc = PdfDocument.Open(BriefingPdf.Value);
        Assert.Equal(SampleDocuments.Metadata.Title, doc.Information.Title);
        Assert.Equal(SampleDocuments.Metadata.Author, doc.Information.Author);
        // Written in the model's own offset, whatever the machine's time zone.
        Assert.Equal("D:20240630090000+08'00'", doc.Information.CreationDate);
        Assert.Equal("D:20240630090000+08'00'", doc.Information.ModifiedDate);
    }

    [Fact]
    public void PatchDates_WritesTheGivenOffset_KeepingTheLength()
    {
        string before = "<</CreationDate (D:20240630010000+08'00')\n/ModDate (D:20240630010000+08'00')>>";
        byte[] pdf = System.Text.Encoding.ASCII.GetBytes(before);
        PdfRenderer.PatchDates(pdf, new DateTimeOffset(2023, 12, 31, 23, 59, 58, TimeSpan.FromHours(-5.5)));
        Assert.Equal("<</CreationDate (D:20231231235958-05'30')\n/ModDate (D:20231231235958-05'30')>>",
            System.Text.Encoding.ASCII.GetString(pdf));
    }

    [Fact]
    public void Briefing_every_page_number_is_dashed_below_the_type_area_odd_right_even_left_one_character_in()
    {
        const double mm = 72 / 25.4;
        using var doc = PdfDocument.Open(BriefingPdf.Value);
        Assert.True(doc.NumberOfPages >= 2);
        foreach (var page in doc.GetPages())
        {
            string text = SampleDocuments.Squash(page.Text);
            Assert.EndsWith($"—{page.Number}—", text);
            // Below the 版心 (whose foot is 35 mm above the page's), in 4号 (14 pt).
            var footer = page.Letters.Where(l => l.BoundingBox.Top < 35 * mm && !string.IsNullOrWhiteSpace(l.Value)).ToList();
            Assert.Equal(2 + page.Number.ToString(System.Globalization.CultureInfo.InvariantCulture).Length, footer.Count);
            Assert.All(footer, l => Assert.Equal(14, l.PointSize, 1));
            // The dash about 7 mm below the 版心.
            var dash = footer.First(l => l.Value == "—");
            Assert.InRange(35 * mm - (dash.BoundingBox.Bottom + dash.BoundingBox.Top) / 2, 5 * mm, 9 * mm);
            double left = footer.Min(l => l.StartBaseLine.X), right = footer.Max(l => l.EndBaseLine.X);
            if (page.Number % 2 == 1)
                Assert.Equal(page.Width - 26 * mm - 14, right, 1.5);
            else
                Assert.Equal(28 * mm + 14, left, 1.5);
        }
    }

    [Fact]
    public void Table_AllRowsPresentOnce_HeaderRepeatedOnEveryPageTheTableCrosses()
    {
        var pages = PageTexts(BriefingPdf.Value);
        var tablePages = new SortedSet<int>();
        for (int i = 1; i <= 40; i++)
        {
            string name = SampleDocuments.RowName(i);
            var found = pages.Select((t, n) => (t, n)).Where(x => x.t.Contains(name, StringComparison.Ordinal)).ToList();
            Assert.True(found.Count == 1, $"row {name} found on {found.Count} pages");
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(found[0].t, name));
            tablePages.Add(found[0].n);
        }

        Assert.True(tablePages.Count >= 2, "the 40-row table should cross a page break");
        foreach (int n in tablePages)
            foreach (string header in SampleDocuments.TableHeaders)
                Assert.Contains(SampleDocuments.Squash(header), pages[n]);

        Assert.Contains("合计104731105.28%", string.Concat(pages));

        // Multi-line cells (rows 7, 14, ... carry a two-line remark) stay whole on the page of their row.
        string note = "含公益性岗位安置人员，已按季度核实到户到人";
        for (int n = 0; n < pages.Count; n++)
        {
            int rowsWithNote = Enumerable.Range(1, 40).Count(i => i % 7 == 0 && pages[n].Contains(SampleDocuments.RowName(i), StringComparison.Ordinal));
            Assert.Equal(rowsWithNote, System.Text.RegularExpressions.Regex.Matches(pages[n], note).Count);
        }
    }

    [Fact]
    public void Render_IsByteIdentical()
    {
        byte[] a = SampleDocuments.Render(SampleDocuments.Briefing());
        byte[] b = SampleDocuments.Render(SampleDocuments.Briefing());
        Assert.Equal(a.Length, b.Length);
        Assert.True(a.AsSpan().SequenceEqual(b), "two renders of the same model differ");
    }

    [Fact]
    public void TwoPageDocument_IsSmall_BecauseTheFontIsSubset()
    {
        byte[] pdf = SampleDocuments.Render(SampleDocuments.Briefing(tableRows: 10, paragraphRepeats: 4));
        using (var doc = PdfDocument.Open(pdf))
            Assert.InRange(doc.NumberOfPages, 1, 3);
        Assert.True(pdf.Length < 300 * 1024, $"PDF is {pdf.Length} bytes");
        Assert.True(BriefingPdf.Value.Length < 400 * 1024, $"briefing PDF is {BriefingPdf.Value.Length} bytes");
    }

    [Fact]
    public void TableRowTallerThanAPage_IsSplit_NotLost()
    {
        string longCell = string.Concat(Enumerable.Repeat("这是一段很长的单元格文字，用于检验超过一页高度的表格行。", 80));
        var table = new PdfTable(
            [new PdfTableColumn("项目", 1, PdfAlign.Left), new PdfTableColumn("说明", 1, PdfAlign.Left)],
            [new[] { "甲", longCell }, new[] { "乙", "短" }]);
        var model = new PdfDocumentModel(SampleDocuments.Metadata, [new PdfHeading("超长表格", 2), table]);
        var pages = PageTexts(SampleDocuments.Render(model));
        Assert.True(pages.Count >= 2);
        string all = string.Concat(pages);
        Assert.Contains("用于检验超过一页高度的表格行", all);
        Assert.Contains("乙短", all);
        Assert.All(pages, p => Assert.Contains("项目说明", p));
    }

    [Fact]
    public void EmptyDocument_RendersOnePage()
    {
        var pdf = SampleDocuments.Render(new PdfDocumentModel(SampleDocuments.Metadata, [], FooterFormat: null));
        using var doc = PdfDocument.Open(pdf);
        Assert.Equal(1, doc.NumberOfPages);
    }

    [Fact]
    public void MissingFont_Throws()
    {
        using var ms = new MemoryStream();
        Assert.Throws<FileNotFoundException>(() => PdfRenderer.Render(SampleDocuments.Briefing(), new PdfFontFile("/nonexistent/font.ttc", 0),
            new PdfPageSettings(), ms));
    }
}
