using System.Diagnostics;
using Reports.Pdf;
using Reports.Tests.Support;

namespace Reports.Tests.Pdf;

/// <summary>
/// Configured fonts with a per-character fallback to the bundled font; characters no font has are reported;
/// and no font of the system is ever needed (a child process runs with an empty fontconfig).
/// </summary>
public sealed class FontFallbackTests
{
    private const string Body = "全市脱贫劳动力务工总人数104731人，占上年度105.28%。";
    private const string Heading = "一、务工就业";

    /// <summary>A "body font" that has only ASCII and the characters of <paramref name="chars"/>: a stand-in for an
    /// office's 仿宋 that lacks some characters.</summary>
    private static string PartialFont(TempDirectory temp, string chars)
    {
        var codePoints = DocumentCodePoints.PrintableAscii.Concat(chars.EnumerateRunes().Select(r => r.Value));
        var path = Path.Combine(temp.Path, "partial.ttf");
        File.WriteAllBytes(path, FontSubsetter.Subset(File.ReadAllBytes(TestFont.FontPath), 0, codePoints));
        return path;
    }

    private static (byte[] Pdf, PdfRenderReport Report) Render(PdfFonts fonts, params PdfBlock[] blocks)
    {
        using var output = new MemoryStream();
        var report = PdfRenderer.Render(new PdfDocumentModel(SampleDocuments.Metadata, blocks), fonts, new PdfPageSettings(), output);
        return (output.ToArray(), report);
    }

    [Fact]
    public void Characters_the_body_font_lacks_come_from_the_bundled_font_and_the_text_extracts_exactly()
    {
        using var temp = new TempDirectory();
        var partial = new PdfFontFile(PartialFont(temp, "全市人"), 0);
        var (pdf, report) = Render(new PdfFonts(TestFont.MicroHei, Body: partial), new PdfHeading(Heading, 2), new PdfParagraph(Body));

        Assert.Empty(report.MissingCodePoints);
        var page = PdfText.Read(pdf).Pages[0];
        Assert.Contains(Heading + Body, page.Text);
        // Two embedded fonts: the partial one draws 全, 市, 人 and the figures; the bundled one the rest.
        var fontOf = page.Visible.GroupBy(l => l.Value).ToDictionary(g => g.Key, g => g.Select(l => l.FontName).Distinct().ToList());
        Assert.Equal(2, page.Letters.Select(l => l.FontName).Distinct().Count());
        Assert.Single(fontOf["全"]);
        Assert.Single(fontOf["脱"]);
        Assert.NotEqual(fontOf["全"][0], fontOf["脱"][0]);
        Assert.Equal(fontOf["全"][0], fontOf["1"][0]);
    }

    [Fact]
    public void A_character_no_font_has_is_reported_not_silently_boxed()
    {
        // U+2A6D6 (CJK Extension B) is not in WenQuanYi Micro Hei; U+4E2D 中 is.
        var rare = char.ConvertFromUtf32(0x2A6D6);
        var (pdf, report) = Render(new PdfFonts(TestFont.MicroHei), new PdfParagraph("中" + rare + "县"));
        Assert.Equal([0x2A6D6], report.MissingCodePoints);
        Assert.Equal(rare, report.MissingText);
        Assert.True(pdf.Length > 0);
    }

    [Fact]
    public void A_unit_name_with_a_character_no_font_has_gives_a_warning_diagnostic()
    {
        using var temp = new TempDirectory();
        var rare = char.ConvertFromUtf32(0x2A6D6);
        var roster = Samples.WriteRoster(temp.Path, Samples.Changzhi.Units[0], new Reports.Rosters.RosterUnit("990001", "测" + rare + "县"));
        var outcome = new Reports.Pipeline.RunPipeline(FixedClock.Default).Execute(Samples.Options(roster, RepositoryPaths.SampleInbox, temp.Sub("out")));
        var warning = Assert.Single(outcome.OutputDiagnostics ?? []);
        Assert.Equal(Reports.Diagnostics.DiagnosticCatalog.GlyphMissing.Code, warning.Code);
        Assert.Contains(rare, warning.Message);
    }

    [Fact]
    public void With_every_system_font_hidden_the_cli_writes_the_briefing_in_the_bundled_faces_with_correct_text()
    {
        using var temp = new TempDirectory();
        var emptyConfig = Path.Combine(temp.Path, "fonts.conf");
        File.WriteAllText(emptyConfig, "<?xml version=\"1.0\"?>\n<fontconfig></fontconfig>\n");

        var output = temp.Sub("hidden");
        var hidden = RunCli(output, new Dictionary<string, string> { ["FONTCONFIG_FILE"] = emptyConfig, ["FONTCONFIG_PATH"] = temp.Path });

        var briefing = PdfText.Read(hidden);
        var text = briefing.Text;
        Assert.Contains("全市脱贫劳动力务工总人数达到104731人，占上年度的105.28%", text);
        Assert.Contains("项目库储备项目3344个", text);
        Assert.Contains("时序进度100%", text);   // a chart label
        Assert.All(briefing.Pages.SelectMany(p => p.Letters), l => Assert.Matches("^[A-Z]{6}\\+(GBZenKai|BousungEG|WenQuanYi)", l.FontName));
        // run.log says which face served each role: with nothing installed, the bundled ones.
        var log = File.ReadAllText(Path.Combine(output, Samples.Period.ToString(), "run.log"));
        Assert.Contains("正文（仿宋）：gkai00mp.ttf（随附的文鼎楷体代仿宋）", log);
        Assert.Contains("标题（小标宋）：gbsn00lp.ttf（随附的文鼎宋体加粗代小标宋）", log);
        Assert.Contains("一级标题（黑体）：wqy-microhei.ttc", log);
        Assert.Contains("页码（宋体）：gbsn00lp.ttf", log);
    }

    /// <summary>Runs the reports command (built beside the tests) on the sample in a child process; returns the briefing's bytes.</summary>
    private static byte[] RunCli(string output, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "reports.dll"), "run", "--return", Samples.ReturnCode, "--period", Samples.Period.ToString(),
                     "--roster", RepositoryPaths.SampleRoster, "--inbox", RepositoryPaths.SampleInbox, "--out", output,
                 })
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "the reports command did not finish");
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {stdout.Result}{stderr.Result}");
        return File.ReadAllBytes(Directory.GetFiles(Path.Combine(output, Samples.Period.ToString()), "*.pdf").Single()); // the period's folder
    }
}
