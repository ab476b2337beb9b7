using System.Diagnostics;

namespace Reports.Tests.Support;

/// <summary>
/// Waits for what another thread or process brings about (a file appearing or going). The limit is a hang guard that
/// turns a regression into a failure instead of a stuck run, never a speed check.
/// </summary>
public static class Waiting
{
    public static bool Until(Func<bool> condition, TimeSpan guard)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > guard)
            {
                return false;
            }
            Thread.Sleep(10);
        }
        return true;
    }
}
