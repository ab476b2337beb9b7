using Reports.Definitions;
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
        var stages = new StageClock();

        // 1. The office's own files: any problem here is a configuration error and stops the run.
        var (definition, roster, narrativeTemplate) = stages.Time(StageTiming.Load, () =>
        {
            var definition = ReturnDefinitionLoader.Load(ReturnDefinitionLoader.PathFor(options.TemplatesDirectory, options.ReturnCode));
            var roster = RosterLoader.Load(options.RosterPath);
            var narrativeTemplate = NarrativeRenderer.Load(NarrativeRenderer.PathFor(options.TemplatesDirectory, options.ReturnCode));
            if (!Directory.Exists(options.InboxDirectory))
            {
                throw new DirectoryNotFoundException($"收件箱目录不存在：{options.InboxDirectory}");
            }
            if (!File.Exists(options.Font.Path))
            {
                throw new FileNotFoundException($"简报字体文件不存在：{options.Font.Path}", options.Font.Path);
            }
            return (definition, roster, narrativeTemplate);
        });

        // 2. Intake.
        progress?.Report($"读取 {options.InboxDirectory}");
        var intake = stages.Time(StageTiming.Intake,
            () => new IntakeProcessor(new IntakeContext(definition, roster, options.Period)).ProcessInbox(options.InboxDirectory, progress));

        // 3. Merge and indicators.
        progress?.Report("汇总");
        var (merge, narrative) = stages.Time(StageTiming.Merge, () =>
        {
            var merge = Merger.Merge(definition, roster, options.Period, options.Window, intake);
            return (merge, NarrativeRenderer.Render(narrativeTemplate, merge));
        });

        // 4. Outputs.
        Directory.CreateDirectory(options.OutputDirectory);
        var stem = $"{definition.Code}-{options.Period}";
        var written = stages.Time(StageTiming.Json, () => new List<string>
        {
            OutputFile.Write(Path.Combine(options.OutputDirectory, "summary.json"), s => SummaryJsonWriter.Write(merge, s)),
            OutputFile.Write(Path.Combine(options.OutputDirectory, "intake.json"), s => IntakeJsonWriter.Write(intake, s)),
        });
        progress?.Report("写出汇总表");
        written.Add(stages.Time(StageTiming.Workbook,
            () => OutputFile.Write(Path.Combine(options.OutputDirectory, $"汇总表-{stem}.xlsx"), new ConsolidatedWorkbookWriter(clock).Write(merge, intake))));
        progress?.Report("写出简报");
        written.Add(stages.Time(StageTiming.Pdf, () =>
        {
            var document = BriefingComposer.Compose(merge, narrative, options.Briefing, clock.GetLocalNow());
            return OutputFile.Write(Path.Combine(options.OutputDirectory, $"简报-{stem}.pdf"), s => PdfRenderer.Render(document, options.Font, new PdfPageSettings(), s));
        }));

        return new RunOutcome(merge.Complete ? ExitCode.Success : ExitCode.Incomplete, intake, merge, written, stages.Timings);
    }
}
