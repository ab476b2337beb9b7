using Reports.Pipeline;
using Reports.Runs;
using Reports.Tests.Support;

namespace Reports.Tests.Cli;

/// <summary>Ctrl-C in the middle of writing: the previous run's outputs survive intact and nothing half-written is left.</summary>
public sealed class InterruptTests
{
    /// <summary>What Ctrl-C sends a process on Linux and macOS.</summary>
    private static void SendCtrlC(int pid)
    {
        using var kill = System.Diagnostics.Process.Start("kill", ["-INT", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    [Fact]
    public void Ctrl_c_while_an_output_is_half_written_leaves_the_previous_outputs_intact()
    {
        using var temp = new TempDirectory();
        var units = Samples.Changzhi.Units.Take(3).ToArray();
        var roster = Samples.WriteRoster(temp.Path, units);
        var inbox = temp.Sub("inbox");
        Samples.WriteFilled(inbox, units[0], Samples.ValuesOf(units[0].Code));
        var outRoot = Path.Combine(temp.Path, "out");
        string[] args = ["run", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", roster, "--inbox", inbox, "--out", outRoot, "--store", Path.Combine(temp.Path, "s.db")];
        Assert.Equal((int)ExitCode.Incomplete, Support.Cli.Invoke(args).Exit);
        var folder = Path.Combine(outRoot, "2022-06");
        var before = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);

        // More returns: every output would change. Each file pauses half written; interrupt during the first.
        foreach (var unit in units[1..])
        {
            Samples.WriteFilled(inbox, unit, Samples.ValuesOf(unit.Code));
        }
        using (var child = Support.Cli.StartPausing(temp.Path, TimeSpan.FromSeconds(20), TimeSpan.Zero, args))
        {
            child.OutputDataReceived += (_, _) => { };
            child.ErrorDataReceived += (_, _) => { };
            child.BeginOutputReadLine();
            child.BeginErrorReadLine();
            var halfWritten = Path.Combine(folder, "summary.json" + OutputFile.TemporarySuffix);
            Waiting.Until(() => File.Exists(halfWritten) || child.HasExited, TimeSpan.FromSeconds(60));
            Assert.True(File.Exists(halfWritten), "the child never began writing summary.json");
            Assert.True(new FileInfo(halfWritten).Length < before[Path.Combine(folder, "summary.json")].Length * 2);
            if (OperatingSystem.IsWindows())
            {
                child.Kill(entireProcessTree: true); // no SIGINT to send from here: a hard stop is the harsher case
            }
            else
            {
                SendCtrlC(child.Id);
            }
            Assert.True(child.WaitForExit(30_000), "the child did not stop on Ctrl-C");
            Assert.NotEqual(0, child.ExitCode);
        }

        var after = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(OutputFile.TemporarySuffix, StringComparison.Ordinal)).ToList();
        Assert.Equal(before.Keys.Order(), after.Order());
        Assert.All(before, file => Assert.Equal(file.Value, File.ReadAllBytes(file.Key)));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Empty(Directory.GetFiles(folder, "*" + OutputFile.TemporarySuffix, SearchOption.AllDirectories));
        }

        // The next run sweeps anything left and completes.
        Assert.Equal(0, Support.Cli.Invoke([.. args, "--quiet"]).Exit);
        Assert.Empty(Directory.GetFiles(folder, "*" + OutputFile.TemporarySuffix, SearchOption.AllDirectories));
    }
}
