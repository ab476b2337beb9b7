using Reports.Analysis;
using Reports.Definitions;
using Reports.Diagnostics;
using Reports.Intake;
using Reports.Merge;
using Reports.Outputs;
using Reports.Outputs.Briefing;
using Reports.Pdf;
using Reports.Rosters;

namespace Reports.Pipeline;

/// <summary>
/// The merge run, stage by stage: load the office's definitions → intake every file → merge and compute
/// indicators → write summary.json, intake.json, the workbook and the briefing. Configuration problems
/// surface before any file is read; one bad county file never stops the run.
/// </summary>
public sealed class RunPipeline(TimeProvider clock, IProgress<string>? progress = null)
{
    public RunOutcome Execute(RunOptions options)
    {
        // 1. The office's own files: any problem here is a configuration error and stops the run.
        var definition = ReturnDefinitionLoader.Load(ReturnDefinitionLoader.PathFor(options.TemplatesDirectory, options.ReturnCode));
        var roster = RosterLoader.Load(options.RosterPath);
        var narrativeTemplate = NarrativeRenderer.Load(NarrativeRenderer.PathFor(options.TemplatesDirectory, options.ReturnCode));
        if (!Directory.Exists(options.InboxDirectory))
        {
            throw new DirectoryNotFoundException($"收件箱目录不存在：{options.InboxDirectory}");
        }
        foreach (var font in new[] { options.Font, options.Briefing.BodyFont, options.Briefing.HeadingFont }.OfType<PdfFontFile>())
        {
            if (!File.Exists(font.Path))
            {
                throw new FileNotFoundException($"简报字体文件不存在：{font.Path}", font.Path);
            }
        }

        // 2. Intake.
        progress?.Report($"读取 {options.InboxDirectory}");
        var intake = new IntakeProcessor(new IntakeContext(definition, roster, options.Period)).ProcessInbox(options.InboxDirectory, progress);

        // 3. Merge and indicators.
        progress?.Report("汇总");
        var merge = Merger.Merge(definition, roster, options.Period, options.Window, intake);
        var narrative = NarrativeRenderer.Render(narrativeTemplate, merge);

        // 4. The briefing is composed and drawn before anything is written: a template error leaves no output behind.
        progress?.Report("排版简报");
        var signals = IntakeQualitySignals.From(merge, intake);
        var document = BriefingComposer.Compose(merge, intake, signals, narrative, options.Briefing);
        using var briefing = new MemoryStream();
        var report = PdfRenderer.Render(document, BriefingComposer.Fonts(options.Briefing, options.Font), new PdfPageSettings(), briefing);
        var notices = report.MissingCodePoints.Count == 0
            ? []
            : new List<Diagnostic> { DiagnosticCatalog.GlyphMissing.At($"简报中有字体缺少的字符，将显示为空框：{report.MissingText}") };

        // 5. Outputs.
        Directory.CreateDirectory(options.OutputDirectory);
        var stem = $"{definition.Code}-{options.Period}";
        var written = new List<string>
        {
            OutputFile.Write(Path.Combine(options.OutputDirectory, "summary.json"), s => SummaryJsonWriter.Write(merge, s)),
            OutputFile.Write(Path.Combine(options.OutputDirectory, "intake.json"), s => IntakeJsonWriter.Write(intake, s)),
        };
        progress?.Report("写出汇总表");
        written.Add(OutputFile.Write(Path.Combine(options.OutputDirectory, $"汇总表-{stem}.xlsx"), new ConsolidatedWorkbookWriter(clock).Write(merge, intake)));
        progress?.Report("写出简报");
        written.Add(OutputFile.Write(Path.Combine(options.OutputDirectory, $"简报-{stem}.pdf"), briefing.ToArray()));

        return new RunOutcome(merge.Complete ? ExitCode.Success : ExitCode.Incomplete, intake, merge, written, notices);
    }
}
