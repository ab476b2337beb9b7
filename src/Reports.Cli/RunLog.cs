using Reports.Cli.Console;
using Reports.Runs;

namespace Reports.Cli;

/// <summary>run.log beside a run's outputs: every step and every diagnostic (information included), then the summary.</summary>
public static class RunLog
{
    public const string FileName = "run.log";

    public static string Write(string folder, RunConsole console, RunSummary summary, OutputWriting writing)
    {
        var lines = new List<string>(console.Log)
        {
            "",
            summary.Title,
        };
        lines.AddRange(summary.Files.Where(f => !f.EndsWith(FileName, StringComparison.Ordinal)).Select(f => Reports.Diagnostics.ShownText.Line($"  {f} ({RunSummary.Size(f)})")));
        return OutputFile.Write(Path.Combine(folder, FileName), new System.Text.UTF8Encoding(false).GetBytes(string.Join("\n", lines) + "\n"), writing);
    }

    /// <summary>
    /// A run that failed: every step so far, what went wrong and the stack trace, which the console never shows.
    /// Best effort: when run.log cannot be written either (a full disk), the console's message is all there is.
    /// </summary>
    public static void WriteFailure(string folder, RunConsole console, string message, Exception problem, OutputWriting writing)
    {
        var lines = new List<string>(console.Log) { "", message, problem.ToString() };
        try
        {
            OutputFile.Write(Path.Combine(folder, FileName), new System.Text.UTF8Encoding(false).GetBytes(string.Join("\n", lines) + "\n"), writing);
        }
        catch (Exception failed) when (failed is OutputException or IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            // Nothing more can be done; the console says what failed.
        }
    }
}
