using Reports.Cli.Settings;
using Reports.Pipeline;

namespace Reports.Cli;

/// <summary>
/// The outputs of a period go into a folder named for it (out/2022-06/). Before a run writes there, files an
/// interrupted run left half written are removed, and with <see cref="EarlierRuns.Keep"/> the earlier run's outputs
/// are copied into earlier/yyyyMMdd-HHmmss/ first; with Overwrite each is replaced only once its successor is complete.
/// </summary>
public static class PeriodFolder
{
    public const string Earlier = "earlier";

    public static string For(string root, string period) => Path.Combine(Path.GetFullPath(root), period);

    /// <summary>Readies the folder; returns where the earlier run was kept, if it was.</summary>
    public static string? Prepare(string folder, EarlierRuns earlierRuns, TimeProvider clock)
    {
        Directory.CreateDirectory(folder);
        foreach (var stale in Directory.EnumerateFiles(folder, "*" + OutputFile.TemporarySuffix, SearchOption.AllDirectories))
        {
            File.Delete(stale);
        }
        var earlier = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(folder, f).StartsWith(Earlier + Path.DirectorySeparatorChar, StringComparison.Ordinal))
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
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return keep;
    }
}
