using System.IO.Compression;
using System.Text;

namespace Reports.Tests.Support;

/// <summary>A workbook's zip parts, to make hostile variants of a good return part by part.</summary>
public static class ZipParts
{
    private static readonly DateTimeOffset Stamp = new(2022, 7, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly UTF8Encoding Utf8 = new(false);

    public static List<(string Name, byte[] Content)> Read(byte[] workbook)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        return [.. zip.Entries.Select(e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return (e.FullName, copy.ToArray());
        })];
    }

    public static byte[] Write(IEnumerable<(string Name, byte[] Content)> entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = Stamp;
                using var stream = entry.Open();
                stream.Write(content);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>Every XML part's text changed by <paramref name="change"/> (given the part's name), parts added at the end.</summary>
    public static byte[] Patch(byte[] workbook, Func<string, string, string> change, params (string Name, string Content)[] added) =>
        Write(Read(workbook)
            .Select(e => e.Name.EndsWith(".xml", StringComparison.Ordinal) || e.Name.EndsWith(".rels", StringComparison.Ordinal)
                ? (e.Name, Utf8.GetBytes(change(e.Name, Utf8.GetString(e.Content))))
                : e)
            .Concat(added.Select(a => (a.Name, Utf8.GetBytes(a.Content)))));

    /// <summary>All text of all parts, for looking for what must not be there.</summary>
    public static string AllText(byte[] workbook) => string.Join("\n", Read(workbook).Select(e => e.Name + "\n" + Utf8.GetString(e.Content)));
}
