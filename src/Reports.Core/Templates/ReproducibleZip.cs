using System.IO.Compression;

namespace Reports.Templates;

/// <summary>
/// A zip package (System.IO.Packaging under the Open XML SDK) stamps every entry with the wall-clock time, so the
/// same workbook differs byte for byte from run to run. Rewriting the package with one fixed entry time, the entries
/// in their order, makes the same inputs give the same bytes.
/// </summary>
public static class ReproducibleZip
{
    public static byte[] Normalize(byte[] package, DateTimeOffset stamp)
    {
        // Zip times are local, two-second, and cannot precede 1980.
        var time = new DateTimeOffset(Math.Max(stamp.Year, 1980), stamp.Month, stamp.Day, stamp.Hour, stamp.Minute, stamp.Second / 2 * 2, TimeSpan.Zero);
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var buffer = new MemoryStream();
        using (var output = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                var copy = output.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = time;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }
        return buffer.ToArray();
    }
}
