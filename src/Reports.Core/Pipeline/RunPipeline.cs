using Reports.Analysis;
using Reports.Definitions;
using Reports.Intake;
using Reports.Intake.Xlsx;
using Reports.Ledger;
using Reports.Merge;
using Reports.Outputs.Briefing;
using Reports.Outputs.Receipts;
using Reports.Pdf;
using Reports.Pipeline.Outputs;
using Reports.Results;
using Reports.Rosters;
using Reports.Runs;
using Reports.Store;
using Reports.Templates;

namespace Reports.Pipeline;

/// <summary>
/// The merge run: load the office's definitions → per return, read each file once and check it → record it in the
/// store → decide which version counts → merge and analyse into one <see cref="ReturnResult"/> → render every output
/// from the results, in the order of <see cref="Outputs"/>. Configuration problems surface before any file is read;
/// one bad county file never stops the run.
/// </summary>
public sealed class RunPipeline(TimeProvider clock, IProgress<string>? progress = null)
{
    /// <summary>The outputs of a run, in the order they are written.</summary>
    public static IReadOnlyList<IRunOutput> Outputs { get; } =
    [
        new SummaryJsonOutput(),
        new IntakeJsonOutput(),
        new ReceiptsOutput(),
        new WorkbookOutput(),
        new BriefingOutput(),
        new UpwardReturnOutput(),
    ];

    /// <summary>Told as each received file is recorded, inside the run's open store transaction (committed once every file is in).</summary>
    public IProgress<IntakeFileResult>? Recorded { get; init; }

    /// <summary>How the outputs are written: the verb's interruption (Ctrl-C deletes the file being written) and how a file is opened.</summary>
    public OutputWriting Writing { get; init; } = OutputWriting.Default;

    /// <summary>Told as each stage begins (a progress display); the string progress says what happens within it.</summary>
    public IProgress<RunStage>? Stages { get; init; }

    /// <summary>Stops the run between outputs (Ctrl-C); an output being written is left to its temporary file.</summary>
    public CancellationToken Cancellation { get; init; }

    public RunOutcome Execute(RunOptions options)
    {
        var stages = new StageClock();
        stages.Begin(StageTiming.Load);
        // 1. The office's own files: any problem here is a configuration error and stops the run.
        var definitions = options.Returns.Select(code => ReturnDefinitionLoader.LoadFor(options.TemplatesDirectory, code, options.Period)).ToList();
        var roster = RosterLoader.Load(options.RosterPath);
        var narrativeTemplates = options.Returns.Select(code => NarrativeRenderer.Load(NarrativeRenderer.PathFor(options.TemplatesDirectory, code))).ToList();
        if (!Directory.Exists(options.InboxDirectory))
        {
            throw new DirectoryNotFoundException($"收件箱目录不存在：{options.InboxDirectory}");
        }
        var faces = options.Faces ?? global::Reports.Pdf.Faces.BriefingFaces.Bundled(options.Font);
        foreach (var font in faces.Served.Select(s => s.File).Append(options.Font).Distinct())
        {
            if (!File.Exists(font.Path))
            {
                throw new FileNotFoundException($"简报字体文件不存在：{font.Path}", font.Path);
            }
        }
        foreach (var served in faces.Served)
        {
            progress?.Report($"简报字体 {served.Describe()}");
        }
        // The office's prefill sheet belongs to the first return named.
        var prefilled = options.PrefillPath is null ? null : PrefillSheet.Load(options.PrefillPath, definitions[0]);

        // 2. Each return: read, record, decide, merge, analyse — one result each.
        Stages?.Report(RunStage.Reading);
        stages.Begin(StageTiming.Intake);
        progress?.Report($"读取 {options.InboxDirectory}");
        var inbox = InboxShare.Split(options.InboxDirectory, roster, definitions.Select(d => d.Code).ToList(), XlsxLimits.Default.MaxFileBytes);
        using var store = options.StorePath is null ? null : ReturnStore.Open(options.StorePath, clock);
        if (store is not null)
        {
            progress?.Report($"存储库 {options.StorePath}");
        }
        var results = definitions.Select((definition, i) =>
            Compute(definition, roster, i == 0 ? prefilled : null, inbox[i], store, options, stages)).ToList();
        // An approved period's outputs are dated by its approval, not by the run: re-running it gives the same bytes.
        var run = new RunResult(options, results, ApprovedClock.For(results, clock.LocalTimeZone) ?? clock, narrativeTemplates);

        // 3. Every output, rendered from the results alone: all prepared (the briefing composed and drawn) before any is written.
        var prepared = Outputs.Select(output =>
        {
            stages.Begin(output.Timing);
            return (output, Write: output.Prepare(run));
        }).ToList();
        Directory.CreateDirectory(options.OutputDirectory);
        var rendered = new RenderedOutput?[prepared.Count];
        // When the run asks for it, outputs that allow it (the receipts) are written on another thread while the rest are
        // written in order here; each writes its own files, the same bytes either way.
        var beside = Enumerable.Range(0, prepared.Count).Where(i => options.ConcurrentOutputs && prepared[i].output.WrittenBeside).ToList();
        var besideTimings = new List<StageTiming>();
        var besideWriting = beside.Count == 0 ? Task.CompletedTask : Task.Run(() =>
        {
            foreach (var index in beside)
            {
                Cancellation.ThrowIfCancellationRequested();
                var start = System.Diagnostics.Stopwatch.GetTimestamp();
                rendered[index] = prepared[index].Write(options.OutputDirectory, Writing);
                besideTimings.Add(new StageTiming(prepared[index].output.Timing, System.Diagnostics.Stopwatch.GetElapsedTime(start)));
            }
        });
        try
        {
            for (var index = 0; index < prepared.Count; index++)
            {
                Cancellation.ThrowIfCancellationRequested();
                Stages?.Report(prepared[index].output.Stage);
                if (beside.Contains(index))
                {
                    continue;
                }
                stages.Begin(prepared[index].output.Timing);
                rendered[index] = prepared[index].Write(options.OutputDirectory, Writing);
            }
            stages.End();
        }
        catch
        {
            // The outputs beside end too (written, or failed with their temporary files gone) before the failure is told.
            try
            {
                besideWriting.Wait();
            }
            catch (AggregateException)
            {
            }
            throw;
        }
        besideWriting.GetAwaiter().GetResult();
        var written = rendered.SelectMany(r => r!.Files).ToList();
        var notices = rendered.SelectMany(r => r!.Notices ?? []).ToList();
        var complete = results.All(r => r.Merge.Complete);
        return new RunOutcome(complete ? ExitCode.Success : ExitCode.Incomplete, [.. results.SelectMany(r => r.Files)], results[0].Merge, written, notices, Merged([.. stages.Timings, .. besideTimings]))
        {
            Told = [.. results.SelectMany(r => r.Told)],
            Merges = results.Select(r => r.Merge).ToList(),
            Results = results,
        };
    }

    /// <summary>One return of the run, through its ledger: its files read once, recorded, decided among, merged and analysed.</summary>
    private ReturnResult Compute(ReturnDefinition definition, Roster roster, IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>>? prefilled,
        IReadOnlyList<InboxEntry> files, ReturnStore? store, RunOptions options, StageClock stages)
    {
        stages.Begin(StageTiming.Intake);
        var ledger = store is null ? ReturnLedger.Empty(definition, roster, options.Period, clock) : ReturnLedger.Open(store, definition, roster, options.Period, clock);
        var intake = ledger.Receive(files, ledger.IntakeContext(prefilled), options.InboxDirectory, Receipted(options.Receipts), options.IntakeThreads, progress, Recorded, () =>
        {
            Stages?.Report(RunStage.Recording);
            stages.Begin(StageTiming.Store);
        });
        Stages?.Report(RunStage.Merging);
        stages.Begin(StageTiming.Merge);
        progress?.Report("汇总");
        return ledger.Result(intake, options.Window, options.Quality, options.Deadline);
    }

    /// <summary>Which files get a receipt (Reports:Receipts).</summary>
    private static Func<IntakeFileResult, bool> Receipted(ReceiptScope scope) => scope switch
    {
        ReceiptScope.None => _ => false,
        ReceiptScope.Findings => f => f.Diagnostics.Any(d => d.Severity != Diagnostics.DiagnosticSeverity.Info),
        _ => _ => true,
    };

    /// <summary>A stage timed in several pieces (each return is read in turn) counts once.</summary>
    private static List<StageTiming> Merged(IReadOnlyList<StageTiming> timings) =>
        timings.GroupBy(t => t.Stage).Select(g => new StageTiming(g.Key, TimeSpan.FromTicks(g.Sum(t => t.Elapsed.Ticks)))).ToList();
}
