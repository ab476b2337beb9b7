using Reports.Cli.Settings;
using Reports.Runs;

namespace Reports.Cli;

/// <summary>
/// The outputs of a period go into a folder named for it (out/2022-06/). Before a run writes there, files a killed
/// run left half written are removed, and with <see cref="EarlierRuns.Keep"/> the earlier run's outputs are copied
/// into earlier/yyyyMMdd-HHmmss/ first; with Overwrite each is replaced only once its successor is complete. Both only
/// while the run holds the folder (<see cref="PeriodFolderLock"/>): a sweep must never take another run's files.
/// </summary>
public static class PeriodFolder
{
    public const string Earlier = "earlier";

    public static string For(string root, string period) => Path.Combine(Path.GetFullPath(root), period);

    /// <summary>Readies the folder the run holds; returns where the earlier run was kept, if it was.</summary>
    public static string? Prepare(PeriodFolderLock held, EarlierRuns earlierRuns, TimeProvider clock)
    {
        var folder = held.Folder;
        foreach (var stale in Directory.EnumerateFiles(folder, "*" + OutputFile.TemporarySuffix, SearchOption.AllDirectories))
        {
            try
            {
                File.Delete(stale);
            }
            catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
            {
                throw OutputException.Removing(stale, problem);
            }
        }
        var earlier = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(folder, f).StartsWith(Earlier + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(f => Path.GetRelativePath(folder, f) != PeriodFolderLock.FileName)
            .ToList();
        if (earlierRuns != EarlierRuns.Keep || earlier.Count == 0)
        {
            return null;
        }
        var stamp = clock.GetLocalNow().ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var keep = Path.Combine(folder, Earlier, stamp);
        for (var n = 2; Directory.Exists(keep); n++)
        {
            keep = Path.Combine(folder, Earlier, $"{stamp}-{n}");
        }
        foreach (var file in earlier)
        {
            var target = Path.Combine(keep, Path.GetRelativePath(folder, file));
            OutputFile.CreateFolder(Path.GetDirectoryName(target)!);
            try
            {
                File.Copy(file, target);
            }
            catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
            {
                throw OutputException.Writing(target, problem);
            }
        }
        return keep;
    }
}
