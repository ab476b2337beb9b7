using System.IO.Compression;
using Reports.Tests.Support;

namespace Reports.Tests.Cli;

/// <summary><c>validate</c> reads and checks one file at a time: checking many files holds one file's bytes, not all of them.</summary>
public sealed class ValidateMemoryTests
{
    [UnixFact]
    public void Validating_twenty_four_large_files_costs_about_what_one_does()
    {
        using var temp = new TempDirectory();
        var one = Files(temp.Sub("one"), 1);
        var many = Files(temp.Sub("many"), 24);

        var (alone, aloneOut) = PeakOf(temp.Path, one);
        var (all, allOut) = PeakOf(temp.Path, many);

        Assert.Equal(24, allOut.Split('\n').Count(l => l.Contains(": 通过", StringComparison.Ordinal)));
        Assert.Contains(": 通过", aloneOut, StringComparison.Ordinal);
        // 24 files of 8 MB: holding them all would add 190 MB; one at a time adds little.
        Assert.True(all - alone < 64L << 20, $"peak {all >> 20} MB for 24 files against {alone >> 20} MB for one");
    }

    /// <summary>Filled returns, each carrying an 8 MB part stored without compression (random, so no two files alike) that nothing reads.</summary>
    private static string[] Files(string folder, int count)
    {
        var units = Samples.Changzhi.Units;
        var random = new Random(count);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var unit = units[i % units.Count];
            var path = Samples.WriteFilled(Directory.CreateDirectory(Path.Combine(folder, i.ToString(System.Globalization.CultureInfo.InvariantCulture))).FullName, unit, Samples.ValuesOf(unit.Code));
            using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
            var padding = new byte[8 << 20];
            random.NextBytes(padding);
            using var entry = zip.CreateEntry("customXml/padding.bin", CompressionLevel.NoCompression).Open();
            entry.Write(padding);
            return path;
        })];
    }

    private static (long Peak, string Stdout) PeakOf(string folder, string[] files)
    {
        using var process = Support.Cli.Start(folder, null, ["validate", "--roster", RepositoryPaths.SampleRoster, .. files]);
        var watched = PeakMemory.Watch(process, "validate");
        Assert.True(watched.Exit == 0, $"exit {watched.Exit}: {watched.Stdout} {watched.Stderr}");
        return (watched.Peak, watched.Stdout);
    }
}
