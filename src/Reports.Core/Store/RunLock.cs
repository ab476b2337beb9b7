using System.Diagnostics;

namespace Reports.Store;

/// <summary>
/// A run's claim on one return's period in a store: a small lock file beside the store, held with an exclusive lock
/// (flock) while the run records. Runs of different periods hold different files and never wait for each other; a
/// second run of the same period waits for the first. The operating system drops the lock when its process ends, killed
/// or not, so a claim still held always belongs to a run that is alive: what a dead run left is safe to clean up.
/// </summary>
internal sealed class RunLock : IDisposable
{
    private readonly FileStream _file;

    private RunLock(FileStream file) => _file = file;

    /// <summary>Takes the claim, waiting up to <paramref name="patience"/> for a run of the same period to end; null if it does not.</summary>
    public static RunLock? Take(string store, string returnCode, string period, TimeSpan patience)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (TryTake(store, returnCode, period) is { } taken)
            {
                return taken;
            }
            if (waited.Elapsed >= patience)
            {
                return null;
            }
            Thread.Sleep(100);
        }
    }

    /// <summary>Takes the claim if no live run holds it; null otherwise.</summary>
    public static RunLock? TryTake(string store, string returnCode, string period)
    {
        try
        {
            return new RunLock(new FileStream(PathOf(store, returnCode, period), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException problem) when (problem.GetType() == typeof(IOException))
        {
            // Held by another run (the sharing violation .NET reports for a refused flock); a missing folder or a
            // refused permission are other types and propagate.
            return null;
        }
    }

    /// <summary>The lock file of a return's period: beside the store, named for it (the return code reduced to safe characters).</summary>
    public static string PathOf(string store, string returnCode, string period) =>
        $"{Path.GetFullPath(store)}.{Safe(returnCode)}.{Safe(period)}.lock";

    private static string Safe(string text) =>
        string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));

    public void Dispose() => _file.Dispose();
}
