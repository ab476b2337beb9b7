using Reports.Diagnostics;
using Reports.Outputs.Briefing;
using Reports.Pdf;
using Reports.Pdf.Faces;
using Reports.Runs;

namespace Reports.Pipeline.Outputs;

/// <summary>
/// 简报-….pdf: the briefing composed from every return's result (each narrative rendered from its template) and drawn
/// when prepared, so a template's or composition error leaves no output behind.
/// </summary>
public sealed class BriefingOutput : IRunOutput
{
    public RunStage Stage => RunStage.WritingPdf;

    public string Timing => StageTiming.Pdf;

    public PreparedOutput Prepare(RunResult run)
    {
        var options = run.Options;
        var document = BriefingComposer.Compose(run.Returns, run.Narratives, options.Briefing, $"汇总表-{run.Stem}.xlsx");
        var briefing = new MemoryStream();
        var faces = options.Faces ?? BriefingFaces.Bundled(options.Font);
        var report = PdfRenderer.Render(document, faces.Fonts, new PdfPageSettings(), briefing);
        var notices = report.MissingCodePoints.Count == 0
            ? []
            : new List<Diagnostic> { DiagnosticCatalog.GlyphMissing.At($"简报中有字体缺少的字符，将显示为空框：{report.MissingText}") };
        return (folder, writing) => new RenderedOutput([OutputFile.Write(Path.Combine(folder, $"简报-{run.Stem}.pdf"), briefing.ToArray(), writing)], notices);
    }
}
