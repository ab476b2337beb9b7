using System.Diagnostics;
using System.Text;
using Reports.Cli;
using Reports.Pipeline;
using Reports.Tests.Support;
using Spectre.Console.Testing;

namespace Reports.Tests.Cli;

/// <summary>
/// The command as a person at a terminal meets it: progress bars and tables instead of plain lines. Tests and CI have
/// no terminal, so the plain path is what every other test sees; these drive the interactive one.
/// </summary>
public sealed class TerminalTests
{
    /// <summary>
    /// The upward return reports its progress under "writing files" after the briefing's bar: a stopped bar restarted
    /// threw "Stopped tasks cannot be restarted" and the city's own return was never written.
    /// </summary>
    [Fact]
    public void A_run_at_an_interactive_console_writes_every_output_and_its_tables()
    {
        using var temp = new TempDirectory();
        var terminal = new TestConsole().Interactive().EmitAnsiSequences().Width(120);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var submission = Path.Combine(temp.Path, "140400-长治市-campaign-5plus1-2022-06.xlsx");
        var exit = new ReportsCommand(FixedClock.Default, stdout, stderr) { Terminal = terminal }.Invoke(
            ["run", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", RepositoryPaths.SampleRoster,
             "--inbox", RepositoryPaths.SampleInbox, "--out", temp.Sub("out"), "--store", Path.Combine(temp.Path, "store.db"),
             "--as-submission", submission]);

        Assert.True(exit == (int)ExitCode.Success, stderr.ToString());
        Assert.DoesNotContain("   at ", stderr.ToString());
        Assert.True(File.Exists(submission), "the city's own return was not written");
        var shown = terminal.Output;
        Assert.Contains("读取和检查报表", shown); // the progress display ran on the terminal
        Assert.Contains("输出文件", shown); // and the closing tables
        Assert.Contains("run.log", shown);
    }

    public static TheoryData<string, string[]> Verbs => new()
    {
        { "run", ["run", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", RepositoryPaths.SampleRoster, "--inbox", RepositoryPaths.SampleInbox, "--out", "out", "--store", "store.db"] },
        { "status", ["status", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", RepositoryPaths.SampleRoster, "--inbox", RepositoryPaths.SampleInbox, "--store", "store.db"] },
        { "validate", ["validate", Directory.GetFiles(RepositoryPaths.SampleInbox, "*.xlsx").Order(StringComparer.Ordinal).First(), "--roster", RepositoryPaths.SampleRoster] },
        { "history", ["history", "--return", Samples.ReturnCode, "--period", "2022-06", "--unit", "140403", "--roster", RepositoryPaths.SampleRoster, "--store", "store.db"] },
        { "explain", ["explain", "--return", Samples.ReturnCode, "--period", "2022-06", "--unit", "140403", "--field", "emp_total", "--store", "store.db"] },
        { "template", ["template", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", RepositoryPaths.SampleRoster, "--out", "t"] },
    };

    /// <summary>
    /// Each verb as a child process under a pseudo-terminal (<c>script</c>) exits as it does with its output
    /// redirected, and neither prints a stack trace. The store is filled by a plain run first so that history and
    /// explain have something to show.
    /// </summary>
    [PseudoTerminalTheory]
    [MemberData(nameof(Verbs))]
    public void A_verb_at_a_pseudo_terminal_exits_as_it_does_without_one(string verb, string[] args)
    {
        using var plainFolder = new TempDirectory();
        using var terminalFolder = new TempDirectory();
        foreach (var folder in new[] { plainFolder.Path, terminalFolder.Path })
        {
            var filled = Support.Cli.Run(folder, null, "run", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", RepositoryPaths.SampleRoster,
                "--inbox", RepositoryPaths.SampleInbox, "--out", "first", "--store", "store.db");
            Assert.Equal((int)ExitCode.Success, filled.Exit);
        }

        var plain = Support.Cli.Run(plainFolder.Path, null, args);
        var (exit, screen) = UnderPseudoTerminal(terminalFolder.Path, args);

        Assert.True(plain.Exit is 0 or 3, $"{verb} failed without a terminal (exit {plain.Exit}): {plain.Stdout}{plain.Stderr}"); // 3: some units missing
        Assert.True(plain.Exit == exit, $"{verb}: {plain.Exit} without a terminal, {exit} at one:\n{screen}");
        Assert.DoesNotContain("   at ", screen);
        Assert.DoesNotContain("Exception", screen);
        Assert.DoesNotContain("   at ", plain.Stdout + plain.Stderr);
    }

    /// <summary>Runs the built command under <c>script -qec</c>, which gives it a pseudo-terminal as its standard
    /// output; returns its exit code and everything the terminal received.</summary>
    private static (int Exit, string Screen) UnderPseudoTerminal(string workingDirectory, string[] args)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var command = new StringBuilder(Quote(host)).Append(' ').Append(Quote(Path.Combine(AppContext.BaseDirectory, "reports.dll")));
        foreach (var argument in args)
        {
            command.Append(' ').Append(Quote(argument));
        }
        var start = new ProcessStartInfo("/usr/bin/script")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-qec", command.ToString(), "/dev/null" })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment.Remove("CI"); // the program takes CI=true for "no person watching"
        start.Environment.Remove("REPORTS_LANG");
        start.Environment["TERM"] = "xterm-256color";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(180_000), "the command under script did not finish");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string Quote(string argument) => "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

/// <summary>A theory run under a pseudo-terminal: skipped, with the reason, where util-linux's <c>script</c> is absent.</summary>
public sealed class PseudoTerminalTheoryAttribute : TheoryAttribute
{
    public PseudoTerminalTheoryAttribute()
    {
        if (!File.Exists("/usr/bin/script"))
        {
            Skip = "script (util-linux) is not installed: no pseudo-terminal to run the command under";
        }
    }
}
