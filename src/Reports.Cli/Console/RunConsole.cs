using Reports.Runs;

namespace Reports.Cli.Console;

/// <summary>How much a verb says: <c>--quiet</c> only errors and the verdict, <c>--verbose</c> every line and diagnostic.</summary>
public enum Verbosity
{
    Quiet,
    Normal,
    Verbose,
}

/// <summary>
/// What a run shows while it works and when it ends: Spectre.Console progress bars per stage and a summary table when
/// a person watches, plain timestamped lines when the output is redirected or CI is set. Every line also goes to
/// the run log.
/// </summary>
public abstract class RunConsole(TextWriter output, TextWriter error, TimeProvider clock, Verbosity verbosity, UiText text)
{
    private readonly List<string> _log = [];

    protected TextWriter Output { get; } = output;
    protected TextWriter Error { get; } = error;
    protected TimeProvider Clock { get; } = clock;
    public Verbosity Verbosity { get; } = verbosity;
    protected UiText Text { get; } = text;

    /// <summary>Every line said during the run (progress, diagnostics, summary), timestamped: the run log's body.</summary>
    public IReadOnlyList<string> Log => _log;

    /// <summary>Progress bars and tables on <paramref name="terminal"/> when a person watches one, plain timestamped
    /// lines otherwise and when quiet or verbose (every step, as it happens).</summary>
    public static RunConsole For(Spectre.Console.IAnsiConsole? terminal, TextWriter output, TextWriter error, TimeProvider clock, Verbosity verbosity, UiText text) =>
        terminal is not null && verbosity == Verbosity.Normal
            ? new InteractiveRunConsole(terminal, output, error, clock, verbosity, text)
            : new PlainRunConsole(output, error, clock, verbosity, text);

    /// <summary>The real console when a person is at it: standard output not redirected, not a CI job; else null.</summary>
    public static Spectre.Console.IAnsiConsole? PersonsTerminal() =>
        !System.Console.IsOutputRedirected && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(System.Console.Out) })
            : null;

    protected string Stamp() => Clock.GetLocalNow().ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every line is shown through <see cref="Reports.Diagnostics.ShownText.Line"/>: a county's file name or
    /// value can neither drive the terminal, nor forge a line, nor fill the screen.</summary>
    protected void Remember(string line) => _log.Add($"[{Stamp()}] {Shown(line)}");

    protected static string Shown(string line) => Reports.Diagnostics.ShownText.Line(line);

    /// <summary>Runs the work, showing its stages as it reports them.</summary>
    public abstract T Track<T>(Func<IProgress<RunStage>, IProgress<string>, T> work, int inboxFiles);

    /// <summary>
    /// A finding, on standard output with the verdict it explains (the error stream is for the program's own
    /// failures, so <c>validate f.xlsx &gt; 自查.txt</c> keeps both): errors always, warnings unless quiet, the rest
    /// only when verbose.
    /// </summary>
    public void Diagnostic(Reports.Diagnostics.Diagnostic diagnostic)
    {
        var line = diagnostic.ToString();
        Remember(line);
        if (diagnostic.IsError || (diagnostic.Severity == Reports.Diagnostics.DiagnosticSeverity.Warning ? Verbosity != Verbosity.Quiet : Verbosity == Verbosity.Verbose))
        {
            Output.WriteLine(Shown(line));
        }
    }

    /// <summary>
    /// A step the run reports that only the log and <c>--verbose</c> show: which font each role of the briefing got
    /// (five lines every run, the same every run, of interest when a face is not the one expected).
    /// </summary>
    protected static bool IsDetail(string line) => line.StartsWith("简报字体 ", StringComparison.Ordinal);

    /// <summary>A message, shown unless quiet.</summary>
    public void Say(string line)
    {
        Remember(line);
        if (Verbosity != Verbosity.Quiet)
        {
            Output.WriteLine(Shown(line));
        }
    }

    /// <summary>Part of the verdict (who was sent back, who is missing): said even when quiet, since it is what a quiet run is for.</summary>
    public void Verdict(string line)
    {
        Remember(line);
        Output.WriteLine(Shown(line));
    }

    /// <summary>The end of a run: the counts, the files with their sizes, the time taken.</summary>
    public abstract void Summary(RunSummary summary);
}
