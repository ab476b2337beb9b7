using System.Diagnostics;
using Reports.Cli;

namespace Reports.Tests.Support;

/// <summary>The reports command through its real entry point: in this process, or as a child process of the built reports.dll.</summary>
public static class Cli
{
    public sealed record Result(int Exit, string Stdout, string Stderr);

    public static Result Invoke(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = new ReportsCommand(FixedClock.Default, stdout, stderr).Invoke(args);
        return new Result(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A child process of the built command, started in <paramref name="workingDirectory"/>; not yet waited for.</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        Start(workingDirectory, environment, "reports.dll", args);

    /// <summary>
    /// The reports program as a child process whose writes stop midway (<see cref="CrashHost"/>): each output file after
    /// its first part for <paramref name="outputPause"/>, the store's transaction after each file for <paramref name="recordPause"/>.
    /// </summary>
    public static Process StartPausing(string workingDirectory, TimeSpan outputPause, TimeSpan recordPause, params string[] args) =>
        Start(workingDirectory, null, "Reports.Tests.dll",
            ["--pause-output", ((int)outputPause.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--pause-record", ((int)recordPause.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture), "--", .. args]);

    private static Process Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, string program, string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, program));
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        start.Environment.Remove("REPORTS_LANG");
        return Process.Start(start)!;
    }

    public static Result Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "the reports command did not finish");
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
