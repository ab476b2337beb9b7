using System.Diagnostics;

namespace Reports.Tests.Support;

/// <summary>A child process watched to its end for its peak working set (VmHWM: the high-water mark the kernel keeps), with what it printed.</summary>
public sealed record PeakMemory(long Peak, int Exit, string Stdout, string Stderr)
{
    /// <summary>Waits for <paramref name="process"/> (started with its output redirected), sampling its peak every 20 ms; fails after 5 minutes.</summary>
    public static PeakMemory Watch(Process process, string what)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        var clock = Stopwatch.StartNew();
        while (!process.WaitForExit(20))
        {
            try
            {
                process.Refresh();
                peak = Math.Max(peak, process.PeakWorkingSet64);
            }
            catch (InvalidOperationException)
            {
                break; // exited between the two calls
            }
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(5), $"{what} did not finish");
        }
        Assert.True(peak > 0);
        return new PeakMemory(peak, process.ExitCode, stdout.Result, stderr.Result);
    }
}
