using Reports.Cli.Console;
using Reports.Pipeline;

namespace Reports.Cli;

/// <summary>run.log beside a run's outputs: every step and every diagnostic (information included), then the summary.</summary>
public static class RunLog
{
    public const string FileName = "run.log";

    public static string Write(string folder, RunConsole console, RunSummary summary)
    {
        var lines = new List<string>(console.Log)
        {
            "",
            summary.Title,
        };
        lines.AddRange(summary.Files.Where(f => !f.EndsWith(FileName, StringComparison.Ordinal)).Select(f => $"  {f} ({RunSummary.Size(f)})"));
        return OutputFile.Write(Path.Combine(folder, FileName), new System.Text.UTF8Encoding(false).GetBytes(string.Join("\n", lines) + "\n"));
    }
}
