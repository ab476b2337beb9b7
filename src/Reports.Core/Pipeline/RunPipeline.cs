using Reports.Analysis;
using Reports.Definitions;
using Reports.Diagnostics;
using Reports.Intake;
using Reports.Intake.Xlsx;
using Reports.Merge;
using Reports.Outputs;
using Reports.Outputs.Briefing;
using Reports.Outputs.Receipts;
using Reports.Outputs.Workbook;
using Reports.Pdf;
using Reports.Rosters;
using Reports.Store;
using Reports.Templates;

namespace Reports.Pipeline;

/// <summary>
/// The merge run, stage by stage: load the office's definitions → intake every file → merge and compute
/// indicators → write summary.json, intake.json, a receipt per file (receipts/), the workbook and the briefing. Configuration problems
/// surface before any file is read; one bad county file never stops the run.
/// </summary>
public sealed class RunPipeline(TimeProvider clock, IProgress<string>? progress = null)
{
    /// <summary>A pause between the store's row writes; only crash tests set it (see <see cref="ReturnStore.WriteDelay"/>).</summary>
    public TimeSpan StoreWriteDelay { get; init; }

    /// <summary>Told as each stage begins (a progress display); the string progress says what happens within it.</summary>
    public IProgress<RunStage>? Stages { get; init; }

    /// <summary>A stage timed in several pieces (the briefing is drawn early and written late; each return is read in turn) counts once.</summary>
    private static List<StageTiming> Merged(IReadOnlyList<StageTiming> timings) =>
        timings.GroupBy(t => t.Stage).Select(g => new StageTiming(g.Key, TimeSpan.FromTicks(g.Sum(t => t.Elapsed.Ticks)))).ToList();

    /// <summary>
    /// Every version of the period (this run's and earlier runs'), the newest of each unit chosen; and this run's
    /// files that are no version: duplicates, non-workbooks and files that could not be read at all.
    /// </summary>
    private static List<IntakeFileResult> Decide(IReadOnlyList<IntakeFileResult> versions, IReadOnlyList<IntakeFileResult> seen) =>
    [
        .. IntakeProcessor.Choose([.. versions]),
        .. seen.Where(f => f.Status is IntakeStatus.Duplicate or IntakeStatus.Ignored || f.Sha256.Length == 0),
    ];

    /// <summary>
    /// The store keeps a version's fixed values, not its detail tables (台账): a version read in this run keeps the
    /// rows it was read with, an earlier one has them read again from its original bytes.
    /// </summary>
    private static List<IntakeFileResult> WithDetails(IReadOnlyList<IntakeFileResult> intake, IReadOnlyList<IntakeFileResult> seen, ReturnStore store, ReturnFileReader reader)
    {
        var readNow = seen.Where(f => f.Submission is not null).GroupBy(f => f.Sha256, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Submission!.Details, StringComparer.Ordinal);
        return intake.Select(file =>
        {
            if (file.Submission is not { } submission || submission.Details.Count > 0)
            {
                return file;
            }
            var details = readNow.GetValueOrDefault(file.Sha256)
                ?? (store.Original(file.Sha256) is { } bytes ? reader.Read(file.File, bytes, submission.FileTime).Submission?.Details : null);
            return details is null ? file : file with { Submission = submission with { Details = details } };
        }).ToList();
    }

    public RunOutcome Execute(RunOptions options)
    {
        var stages = new StageClock();
        stages.Begin(StageTiming.Load);
        // 1. The office's own files: any problem here is a configuration error and stops the run.
        var definitions = options.Returns.Select(code => ReturnDefinitionLoader.Load(ReturnDefinitionLoader.PathFor(options.TemplatesDirectory, code))).ToList();
        var roster = RosterLoader.Load(options.RosterPath);
        var narrativeTemplates = options.Returns.Select(code => NarrativeRenderer.Load(NarrativeRenderer.PathFor(options.TemplatesDirectory, code))).ToList();
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
        // The office's prefill sheet belongs to the first return named.
        var prefilled = options.PrefillPath is null ? null : PrefillSheet.Load(options.PrefillPath, definitions[0]);

        // 2–3. Each return: intake (recorded in the store; the merge decides among every version the store holds for
        // the period), merge, indicators and narrative.
        Stages?.Report(RunStage.Reading);
        stages.Begin(StageTiming.Intake);
        progress?.Report($"读取 {options.InboxDirectory}");
        var inbox = InboxShare.Split(options.InboxDirectory, roster, definitions.Select(d => d.Code).ToList(), XlsxLimits.Default.MaxFileBytes);
        using var store = options.StorePath is null ? null : ReturnStore.Open(options.StorePath, clock);
        var results = definitions.Select((definition, i) =>
            RunReturn(definition, roster, i == 0 ? prefilled : null, inbox[i], narrativeTemplates[i], store, options, stages)).ToList();

        // 4. The briefing is composed and drawn before anything is written: a template error leaves no output behind.
        stages.Begin(StageTiming.Pdf);
        progress?.Report("排版简报");
        var document = BriefingComposer.Compose(results.Select(r => r.Briefing).ToList(), options.Briefing);
        using var briefing = new MemoryStream();
        var report = PdfRenderer.Render(document, BriefingComposer.Fonts(options.Briefing, options.Font), new PdfPageSettings(), briefing);
        var notices = report.MissingCodePoints.Count == 0
            ? []
            : new List<Diagnostic> { DiagnosticCatalog.GlyphMissing.At($"简报中有字体缺少的字符，将显示为空框：{report.MissingText}") };

        // 5. Outputs. A single return keeps the plain names; several get summary-CODE.json, intake-CODE.json.
        Stages?.Report(RunStage.WritingFiles);
        stages.Begin(StageTiming.Json);
        Directory.CreateDirectory(options.OutputDirectory);
        var single = results.Count == 1;
        var stem = $"{string.Join("+", definitions.Select(d => d.Code))}-{options.Period}";
        var written = new List<string>();
        foreach (var result in results)
        {
            var suffix = single ? "" : "-" + result.Merge.Definition.Code;
            written.Add(OutputFile.Write(Path.Combine(options.OutputDirectory, $"summary{suffix}.json"), s => SummaryJsonWriter.Write(result.Merge, result.Analysis, s)));
            written.Add(OutputFile.Write(Path.Combine(options.OutputDirectory, $"intake{suffix}.json"), s => IntakeJsonWriter.Write(result.Intake, s)));
        }
        stages.Begin(StageTiming.Receipts);
        progress?.Report("写出回执");
        foreach (var result in results)
        {
            var seenHashes = result.Seen.Select(f => f.Sha256).Where(h => h.Length > 0).ToHashSet(StringComparer.Ordinal);
            var thisRun = result.Intake
                .Where(f => result.Seen.Contains(f) || seenHashes.Contains(f.Sha256))
                .Where(f => options.Receipts switch
                {
                    ReceiptScope.None => false,
                    ReceiptScope.Findings => f.Diagnostics.Any(d => d.Severity != Diagnostics.DiagnosticSeverity.Info),
                    _ => true,
                });
            written.AddRange(ReceiptFolder.Write(thisRun, result.Merge.Definition, Path.Combine(options.OutputDirectory, "receipts"), clock,
                store is null ? null : f => store.Original(f.Sha256)));
        }
        Stages?.Report(RunStage.WritingExcel);
        stages.Begin(StageTiming.Workbook);
        progress?.Report("写出汇总表");
        var workbook = new ConsolidatedWorkbookWriter(clock).Write(results
            .Select(r => new WorkbookPart(r.Merge, r.Intake, SubmissionOverview.Build(r.Merge, r.Intake, options.Deadline), r.Analysis.Signals)).ToList());
        written.Add(OutputFile.Write(Path.Combine(options.OutputDirectory, $"汇总表-{stem}.xlsx"), workbook));
        Stages?.Report(RunStage.WritingPdf);
        stages.Begin(StageTiming.Pdf);
        progress?.Report("写出简报");
        written.Add(OutputFile.Write(Path.Combine(options.OutputDirectory, $"简报-{stem}.pdf"), briefing.ToArray()));

        stages.End();
        var complete = results.All(r => r.Merge.Complete);
        return new RunOutcome(complete ? ExitCode.Success : ExitCode.Incomplete, [.. results.SelectMany(r => r.Intake)], results[0].Merge, written, notices, Merged(stages.Timings))
        {
            Merges = results.Select(r => r.Merge).ToList(),
        };
    }

    /// <summary>One return of the run: its files read, recorded, decided among, merged, analysed and narrated.</summary>
    private ReturnRun RunReturn(ReturnDefinition definition, Roster roster, IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>>? prefilled,
        IReadOnlyList<InboxEntry> files, Scriban.Template narrativeTemplate, ReturnStore? store, RunOptions options, StageClock stages)
    {
        stages.Begin(StageTiming.Intake);
        var seen = new IntakeProcessor(new IntakeContext(definition, roster, options.Period, Prefilled: prefilled)).ProcessEntries(files, progress);
        var intake = seen;
        if (store is not null)
        {
            Stages?.Report(RunStage.Recording);
            stages.Begin(StageTiming.Store);
            progress?.Report($"记录到存储库 {options.StorePath}");
            store.WriteDelay = StoreWriteDelay;
            store.RecordRun(definition.Code, options.Period, options.InboxDirectory, seen, f => f.Original);
            intake = Decide(store.Versions(definition.Code, options.Period), seen);
            if (definition.Details.Count > 0)
            {
                intake = WithDetails(intake, seen, store, new ReturnFileReader(new IntakeContext(definition, roster, options.Period, Prefilled: prefilled)));
            }
        }

        Stages?.Report(RunStage.Merging);
        stages.Begin(StageTiming.Merge);
        progress?.Report("汇总");
        var merge = Merger.Merge(definition, roster, options.Period, options.Window, intake);
        var analysis = MergeAnalysis.Of(merge, store is null ? null : HistoryLoader.Load(store, merge), options.Quality);
        var narrative = NarrativeRenderer.Render(narrativeTemplate, merge);
        var signals = IntakeQualitySignals.From(merge, intake)
            .Concat(analysis.Signals.Select(s => new DataQualitySignal(s.Unit, "合理性核查", s.Message, IsError: false)))
            .OrderBy(s => roster.PositionOf(s.Unit.Code))
            .ToList();
        return new ReturnRun(merge, analysis, intake, seen, new BriefingPart(merge, intake, signals, narrative));
    }

    private sealed record ReturnRun(MergeResult Merge, MergeAnalysis Analysis, IReadOnlyList<IntakeFileResult> Intake, IReadOnlyList<IntakeFileResult> Seen, BriefingPart Briefing);
}
