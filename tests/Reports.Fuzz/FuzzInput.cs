using System.IO.Compression;
using System.Text;

namespace Reports.Fuzz;

/// <summary>
/// What AFL's bytes stand for. A zip's CRC-32 stops almost every mutated byte at the zip layer, so most inputs are
/// parts to be zipped afresh (valid CRCs, the mutation reaches the XML): a 0x00 byte, a byte choosing stored or
/// deflated entries, then name NUL content NUL name NUL content …. Any other first byte: the bytes are the file itself,
/// for the zip layer and the signatures.
/// </summary>
public static class FuzzInput
{
    public static byte[] ToWorkbook(byte[] input)
    {
        if (input.Length < 2 || input[0] != 0)
        {
            return input;
        }
        var level = input[1] % 2 == 0 ? CompressionLevel.NoCompression : CompressionLevel.Fastest;
        using var zipped = new MemoryStream();
        using (var zip = new ZipArchive(zipped, ZipArchiveMode.Create, leaveOpen: true))
        {
            ReadOnlySpan<byte> fields = input.AsSpan(2);
            while (!fields.IsEmpty)
            {
                var name = Take(ref fields);
                var content = Take(ref fields);
                var entry = zip.CreateEntry(Encoding.UTF8.GetString(name) is { Length: > 0 } n ? n : "_", level);
                using var stream = entry.Open();
                stream.Write(content);
            }
        }
        return zipped.ToArray();
    }

    /// <summary>A workbook as the parts form (stored entries): how the seeds are made from real returns.</summary>
    public static byte[] FromWorkbook(byte[] workbook)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook, writable: false), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        output.Write([0, 0]);
        foreach (var entry in zip.Entries)
        {
            output.Write(Encoding.UTF8.GetBytes(entry.FullName));
            output.WriteByte(0);
            using var part = entry.Open();
            part.CopyTo(output);
            output.WriteByte(0);
        }
        return output.ToArray();
    }

    private static ReadOnlySpan<byte> Take(ref ReadOnlySpan<byte> fields)
    {
        var end = fields.IndexOf((byte)0);
        var taken = end < 0 ? fields : fields[..end];
        fields = end < 0 ? [] : fields[(end + 1)..];
        return taken;
    }
}
