using Reports.Runs;
using Spectre.Console;

namespace Reports.Cli.Console;

/// <summary>For a person at a terminal: a progress bar per stage while the run works, a table when it ends.</summary>
public sealed class InteractiveRunConsole(IAnsiConsole terminal, TextWriter output, TextWriter error, TimeProvider clock, Verbosity verbosity, UiText text)
    : RunConsole(output, error, clock, verbosity, text)
{
    private readonly IAnsiConsole _console = terminal;

    private string StageName(RunStage stage) => stage switch
    {
        RunStage.Reading => Text.T("读取和检查报表", "reading and checking"),
        RunStage.Recording => Text.T("记录到存储库", "recording in the store"),
        RunStage.Merging => Text.T("汇总、分析、排版", "merging and analysing"),
        RunStage.WritingFiles => Text.T("写出 JSON 和回执", "writing JSON and receipts"),
        RunStage.WritingExcel => Text.T("写出汇总表", "writing the workbook"),
        _ => Text.T("写出简报", "writing the briefing"),
    };

    public override T Track<T>(Func<IProgress<RunStage>, IProgress<string>, T> work, int inboxFiles) =>
        _console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var tasks = Enum.GetValues<RunStage>().ToDictionary(s => s, s => context.AddTask(StageName(s), autoStart: false, maxValue: s == RunStage.Reading ? Math.Max(1, inboxFiles) : 1));
                RunStage? current = null;
                var stages = new Handler<RunStage>(stage =>
                {
                    // Outputs report their own stage and may come back to one already passed (the upward return is
                    // written after the briefing, under "writing files"): a stopped bar cannot be restarted, so the
                    // display only moves forward and a later output's work counts under the bar that is running.
                    if (current is { } running && stage <= running)
                    {
                        return;
                    }
                    foreach (var (earlier, task) in tasks.Where(t => t.Key < stage))
                    {
                        task.Value = task.MaxValue;
                        task.StopTask();
                    }
                    tasks[stage].StartTask();
                    current = stage;
                });
                var lines = new Handler<string>(line =>
                {
                    Remember(line);
                    if (current == RunStage.Reading && line.Contains(": ", StringComparison.Ordinal))
                    {
                        tasks[RunStage.Reading].Increment(1);
                    }
                });
                var result = work(stages, lines);
                foreach (var task in tasks.Values)
                {
                    task.Value = task.MaxValue;
                    task.StopTask();
                }
                return result;
            });

    public override void Summary(RunSummary summary)
    {
        Remember(summary.Title);
        // The verdict once, as a line of its own (a table's title wraps to the table's narrow width), then what it does not say.
        _console.MarkupLine($"[bold]{Markup.Escape(summary.Title)}[/]");
        var table = new Table().AddColumn(Text.T("项目", "item")).AddColumn(new TableColumn(Text.T("数量", "value")).RightAligned());
        foreach (var (label, value) in summary.Details(Text))
        {
            table.AddRow(Markup.Escape(label), Markup.Escape(value));
        }
        _console.Write(table);
        // Paths inside the period's folder are named from it, so an 80-column terminal shows each on one line.
        var folder = summary.Folder is { } f ? Path.TrimEndingDirectorySeparator(f) : null;
        var heading = folder is null ? Text.T("输出文件", "output file")
            : Text.T("输出文件（在 ", "output file (in ") + Path.GetRelativePath(Directory.GetCurrentDirectory(), folder) + Text.T(" 中）", ")");
        var files = new Table().AddColumn(Markup.Escape(heading)).AddColumn(new TableColumn(Text.T("大小", "size")).RightAligned());
        foreach (var file in summary.Files)
        {
            var name = folder is not null && file.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                ? Path.GetRelativePath(folder, file)
                : Path.GetRelativePath(Directory.GetCurrentDirectory(), file);
            files.AddRow(Markup.Escape(Shown(name)), RunSummary.Size(file));
        }
        _console.Write(files);
    }

    private sealed class Handler<T>(Action<T> handle) : IProgress<T>
    {
        public void Report(T value) => handle(value);
    }
}
