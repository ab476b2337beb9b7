using Reports.Pipeline;

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
        if (Verbosity != Verbosity.Quiet)
        {
            Output.WriteLine($"[{Stamp()}] {Shown(line)}");
        }
    }

    public override void Summary(RunSummary summary)
    {
        Remember(summary.Title);
        Output.WriteLine(summary.Title); // the verdict, quiet or not
        if (Verbosity == Verbosity.Quiet)
        {
            return;
        }
        Output.WriteLine("  " + string.Join("；", summary.Counts(Text).Select(c => $"{c.Label} {c.Value}")));
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
