using Reports.Diagnostics;
using Reports.Outputs.Briefing;
using Reports.Outputs.Draft;
using Reports.Pdf;
using Reports.Pdf.Faces;
using Reports.Runs;

namespace Reports.Pipeline.Outputs;

/// <summary>
/// 简报-….pdf and 简报-….docx: the briefing composed once from every return's result (each narrative rendered from its
/// template) and both files rendered from that one composition when prepared, so a template's or composition error
/// leaves no output behind. A period not approved gives a draft for review: 简报-…-送审稿.pdf/.docx.
/// </summary>
public sealed class BriefingOutput : IRunOutput
{
    public RunStage Stage => RunStage.WritingPdf;

    public string Timing => StageTiming.Pdf;

    /// <summary>"简报-campaign-5plus1-2022-06", with "-送审稿" while the period is not approved.</summary>
    public static string NameOf(RunResult run) =>
        $"简报-{run.Stem}" + (BriefingComposer.IsDraft(run.Returns) ? "-" + BriefingSettings.DraftMark : "");

    public PreparedOutput Prepare(RunResult run)
    {
        var options = run.Options;
        var document = BriefingComposer.Compose(run.Returns, run.Narratives, options.Briefing, $"汇总表-{run.Stem}.xlsx");
        var briefing = new MemoryStream();
        var faces = options.Faces ?? BriefingFaces.Bundled(options.Font);
        var page = new PdfPageSettings();
        // The draft (its chart pictures drawn and encoded) is made on another core while the PDF is drawn: both read the
        // one composition and nothing else, so their bytes are the same either way.
        var drafting = Task.Run(() => BriefingDocx.Write(document, faces.Fonts, page));
        PdfRenderReport report;
        try
        {
            report = PdfRenderer.Render(document, faces.Fonts, page, briefing);
        }
        catch
        {
            // The PDF's failure is the one told; the draft is not left running past it.
            ((IAsyncResult)drafting).AsyncWaitHandle.WaitOne();
            throw;
        }
        // A failure of the draft is told as it happened, not wrapped.
        var draft = drafting.GetAwaiter().GetResult();
        var notices = report.MissingCodePoints.Count == 0
            ? []
            : new List<Diagnostic> { DiagnosticCatalog.GlyphMissing.At($"简报中有字体缺少的字符，将显示为空框：{report.MissingText}") };
        var name = NameOf(run);
        return (folder, writing) => new RenderedOutput(
            [
                OutputFile.Write(Path.Combine(folder, name + ".pdf"), briefing.ToArray(), writing),
                OutputFile.Write(Path.Combine(folder, name + ".docx"), draft, writing),
            ], notices);
    }
}
