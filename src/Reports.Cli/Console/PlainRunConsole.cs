using Reports.Runs;

namespace Reports.Cli.Console;

/// <summary>For logs and CI: a timestamped line per step, and the summary as plain lines.</summary>
public sealed class PlainRunConsole(TextWriter output, TextWriter error, TimeProvider clock, Verbosity verbosity, UiText text)
    : RunConsole(output, error, clock, verbosity, text)
{
    public override T Track<T>(Func<IProgress<RunStage>, IProgress<string>, T> work, int inboxFiles) =>
        work(new Lines<RunStage>(_ => { }), new Lines<string>(Step));

    private void Step(string line)
    {
        Remember(line);
        if (IsDetail(line) ? Verbosity == Verbosity.Verbose : Verbosity != Verbosity.Quiet)
        {
            Output.WriteLine($"[{Stamp()}] {Shown(Text.English ? InEnglish(line) : line)}");
        }
    }

    /// <summary>The run's steps (said in Chinese by the pipeline, as run.log keeps them) in English for <c>--lang en</c>.</summary>
    private static string InEnglish(string line)
    {
        foreach (var (chinese, english) in Steps)
        {
            if (line == chinese || line.StartsWith(chinese + " ", StringComparison.Ordinal))
            {
                return english + line[chinese.Length..];
            }
            if (line.EndsWith(": " + chinese, StringComparison.Ordinal))
            {
                return line[..^chinese.Length] + english;
            }
        }
        return line;
    }

    private static readonly (string Chinese, string English)[] Steps =
    [
        ("读取", "reading"), ("记录到存储库", "recording in the store"), ("汇总", "merging"), ("简报字体", "briefing font"),
        ("通过", "accepted"), ("退回", "rejected"), ("已被更新的报送替代", "superseded by a later file"), ("重复报送", "duplicate"), ("未读取", "not read"),
    ];

    public override void Summary(RunSummary summary)
    {
        Remember(summary.Title);
        // The verdict, quiet or not, said once: the counts follow it on the same line, without repeating what it says.
        if (Verbosity == Verbosity.Quiet)
        {
            Output.WriteLine(summary.Title);
            return;
        }
        Output.WriteLine(summary.Title + Text.T("；", "; ") + string.Join(Text.T("；", "; "), summary.Details(Text).Select(c => $"{c.Label} {c.Value}")));
        foreach (var file in summary.Files)
        {
            Output.WriteLine(Shown($"  {Text.T("已写出", "wrote")} {file} ({RunSummary.Size(file)})"));
        }
    }

    /// <summary>Reported values handled as they come (Progress&lt;T&gt; would post them to the thread pool, out of order).</summary>
    private sealed class Lines<T>(Action<T> handle) : IProgress<T>
    {
        public void Report(T value) => handle(value);
    }
}
