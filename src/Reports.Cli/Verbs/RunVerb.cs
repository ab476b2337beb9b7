using Reports.Cli.Console;
using Reports.Cli.Settings;
using Reports.Intake;
using Reports.Merge;
using Reports.Numbers;
using Reports.Outputs;
using Reports.Outputs.Briefing;
using Reports.Pdf.Faces;
using Reports.Periods;
using Reports.Pipeline;
using Reports.Rosters;
using Reports.Runs;

namespace Reports.Cli.Verbs;

/// <summary>What <c>run</c> is asked: the return(s) (comma-separated), period, roster, inbox, the output root a period
/// folder is made in, and optionally the prefill, the upward return and the timings file.</summary>
public sealed record RunRequest(string ReturnCode, ReportingPeriod Period, string RosterPath, string Inbox, string OutRoot, string? PrefillPath, string? AsSubmission, string? TimingsPath);

/// <summary>
/// <c>reports run</c> (and the bare command on the sample): reads the inbox, checks, records and merges the returns,
/// and writes every output into the period's folder, which it holds to the end; the console shows progress and the
/// verdict, run.log keeps every line.
/// </summary>
public sealed class RunVerb(ReportsSettings settings, TimeProvider clock, TextWriter output, TextWriter error, UiText text, Verbosity verbosity)
{
    /// <summary>Cancelled on Ctrl-C: the file being written is deleted, the period folder released.</summary>
    public CancellationToken Interrupted { get; init; }

    /// <summary>Where the briefing looks for the office's installed faces.</summary>
    public IFontLookup InstalledFonts { get; init; } = NoInstalledFonts.Instance;

    /// <summary>How long the run waits for another run that holds its period folder before giving up.</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The terminal a person watches, or null for plain lines.</summary>
    public Spectre.Console.IAnsiConsole? Terminal { get; init; }

    /// <summary>How the outputs are written (the verb's Ctrl-C, how a file is opened).</summary>
    public OutputWriting Writing { get; init; } = OutputWriting.Default;

    /// <summary>Told as each received file is recorded in the store's open transaction.</summary>
    public IProgress<IntakeFileResult>? Recorded { get; init; }

    /// <summary>Benchmark knobs: intake threads, outputs written side by side.</summary>
    public RunTuning Tuning { get; init; } = new();

    /// <summary>Told, once the run holds its period folder, how a failure is written into run.log.</summary>
    public Action<Action<string, Exception>> OnFolderHeld { get; init; } = _ => { };

    public int Execute(RunRequest request)
    {
        // Before any work: an output pointed at an input (the store, a county's file) would destroy it.
        var inputs = OutputTarget.Inputs(settings.Store, request.RosterPath, (request.PrefillPath, "预填数据"));
        OutputTarget.Check(request.TimingsPath, "--timings", inputs, [request.Inbox], OutputTarget.IsTimings);
        OutputTarget.Check(request.AsSubmission, "--as-submission", [.. inputs, (request.TimingsPath, "--timings 的输出")], [request.Inbox], path => ReturnFileReader.Peek(path) is not null);
        var period = request.Period;
        var console = RunConsole.For(Terminal, output, error, clock, verbosity, text);
        var started = clock.GetTimestamp();
        var folder = PeriodFolder.For(request.OutRoot, period.ToString());
        // The deadline is set in the office's local time; the injected clock says which zone that is.
        DateTimeOffset? deadline = settings.DeadlineFor(period) is { } due ? new DateTimeOffset(due, clock.LocalTimeZone.GetUtcOffset(due)) : null;
        // --return a,b: several returns of the period in one briefing and one workbook.
        var returnCodes = request.ReturnCode.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (returnCodes.Length == 0 || returnCodes.Distinct().Count() != returnCodes.Length)
        {
            throw new SettingsException(text.T($"--return 的值“{request.ReturnCode}”无效：应为一个或多个不重复的报表代码，用逗号分隔", $"--return “{request.ReturnCode}” should be one or more distinct return codes, comma-separated"));
        }
        var options = new RunOptions(returnCodes[0], period, request.RosterPath, request.Inbox, folder, settings.Window, settings.TemplatesDirectory, settings.Font, settings.Briefing,
            deadline, request.PrefillPath, settings.Store, settings.Quality, settings.Receipts)
        {
            ReturnCodes = returnCodes,
            // A knob for benchmarks and the one-core check: the result is the same on any number of threads.
            IntakeThreads = Tuning.IntakeThreads,
            ConcurrentOutputs = Tuning.ConcurrentOutputs,
            AsSubmission = request.AsSubmission is null ? null : new UpwardReturn(Path.GetFullPath(request.AsSubmission), settings.Submission.FilledBy, settings.Submission.Phone),
            Faces = BriefingFaces.Resolve(settings.Font, InstalledFonts, settings.Faces),
        };
        // Held to the end of the run: a second run on the folder waits, and the sweep never takes its files.
        using var held = PeriodFolderLock.Acquire(folder, LockWait, Interrupted,
            () => console.Say(text.T($"另一次运行正在写 {folder}，等它结束（最多 {LockWait.TotalSeconds:0} 秒）", $"another run is writing {folder}; waiting for it (up to {LockWait.TotalSeconds:0} s)")));
        OnFolderHeld((message, problem) => RunLog.WriteFailure(folder, console, message, problem, Writing));
        if (PeriodFolder.Prepare(held, settings.Output.EarlierRuns, clock) is { } kept)
        {
            console.Say(text.T($"上次的输出已保留在 {kept}", $"the earlier run's outputs were kept in {kept}"));
        }
        // The entries intake will read (unit subfolders included), listed as intake lists them, for the progress bar.
        var inboxFiles = Directory.Exists(request.Inbox) ? InboxReader.List(request.Inbox, RosterLoader.Load(request.RosterPath)).Count : 0;
        var outcome = console.Track((stages, lines) =>
            new RunPipeline(clock, lines) { Recorded = Recorded, Writing = Writing, Stages = stages, Cancellation = Interrupted }.Execute(options), inboxFiles);
        // The findings of the versions that count and of those new in this run: a superseded version's were told when it came.
        foreach (var diagnostic in outcome.Told.SelectMany(f => f.Diagnostics).Concat(outcome.OutputDiagnostics ?? []))
        {
            console.Diagnostic(diagnostic);
        }
        var merge = outcome.Merge;
        foreach (var each in outcome.Merges)
        {
            if (outcome.Merges.Count > 1)
            {
                console.Verdict(text.T($"{each.Definition.Code}：已汇总 {each.Accepted.Count()}/{each.Units.Count} 个单位；退回 {each.Rejected.Count()}；未报送 {each.Missing.Count()}",
                    $"{each.Definition.Code}: merged {each.Accepted.Count()}/{each.Units.Count} units; rejected {each.Rejected.Count()}; missing {each.Missing.Count()}"));
            }
            if (each.Rejected.Any())
            {
                console.Verdict(text.T($"  退回：{NumberStyle.JoinNames(each.Rejected.Select(u => u.Unit.Name))}", $"  rejected: {string.Join(", ", each.Rejected.Select(u => u.Unit.Name))}"));
            }
            if (each.Missing.Any())
            {
                console.Verdict(text.T($"  未报送：{NumberStyle.JoinNames(each.Missing.Select(u => u.Unit.Name))}", $"  missing: {string.Join(", ", each.Missing.Select(u => u.Unit.Name))}"));
            }
        }
        foreach (var result in outcome.Results.Where(r => r.Approval is not null))
        {
            // An approved period: say so, and what waits for the office to reopen a unit.
            var pending = result.Files.Where(f => f.Status == IntakeStatus.Pending).Select(f => Path.GetFileName(f.File)).ToList();
            console.Verdict($"  {result.Definition.Code}{text.T("：", ": ")}{result.Approval!.Line}" + (pending.Count == 0 ? ""
                : text.T($"；待审（审定后收到，未计入）：{string.Join("、", pending)}", $"; pending (received after the approval, not counted): {string.Join(", ", pending)}")));
        }
        var written = outcome.OutputFiles.ToList();
        if (request.TimingsPath is not null)
        {
            // A measurement, kept out of the outputs: it differs from run to run.
            OutputFile.Write(Path.GetFullPath(request.TimingsPath), s => StageTimingsJson.Write(outcome.Timings ?? [], s), Writing);
        }
        var used = outcome.Intake.Where(f => f.Status == IntakeStatus.Accepted).ToList();
        // Every return's counts, not only the first one's: "已汇总 12/12" must not hide a second return's 0/12.
        var merges = outcome.Merges;
        string Counts(MergeResult m) => text.T($"已汇总 {m.Accepted.Count()}/{m.Units.Count}；退回 {m.Rejected.Count()}；未报送 {m.Missing.Count()}",
            $"merged {m.Accepted.Count()}/{m.Units.Count}; rejected {m.Rejected.Count()}; missing {m.Missing.Count()}");
        var summary = new RunSummary(
            merges.Count == 1
                ? $"{merge.Roster.Name} {merge.Period}{text.T("：", ": ")}{Counts(merge)}"
                : $"{merge.Roster.Name} {merge.Period}{text.T("：", ": ")}{string.Join(text.T("；", "; "), merges.Select(m => $"{m.Definition.Code} {Counts(m)}"))}",
            merges.Sum(m => m.Accepted.Count()), merges.Sum(m => m.Rejected.Count()), merges.Sum(m => m.Missing.Count()), merges.Sum(m => m.Units.Count),
            outcome.Told.Sum(f => f.WarningCount) + (outcome.OutputDiagnostics?.Count(d => !d.IsError) ?? 0),
            outcome.Told.Sum(f => f.ErrorCount),
            [.. written, Path.Combine(folder, RunLog.FileName)],
            clock.GetElapsedTime(started)) { Folder = folder };
        RunLog.Write(folder, console, summary, Writing);
        console.Summary(summary);
        return (int)outcome.ExitCode;
    }
}
