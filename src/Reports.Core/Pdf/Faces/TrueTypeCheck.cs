using System.Buffers.Binary;

namespace Reports.Pdf.Faces;

/// <summary>
/// Whether a font face is TrueType with glyf outlines: Skia embeds those as TrueType subsets, but turns CFF
/// (OpenType/CFF, most .otf) into Type 3 fonts, which print poorly and extract badly; such an installed face is passed over.
/// </summary>
public static class TrueTypeCheck
{
    public static bool HasGlyfOutlines(string path, int faceIndex)
    {
        try
        {
            using var stream = File.OpenRead(path);
            Span<byte> head = stackalloc byte[12];
            if (stream.Read(head) != 12)
            {
                return false;
            }
            long offset = 0;
            if (head[..4].SequenceEqual("ttcf"u8))
            {
                var faces = (int)BinaryPrimitives.ReadUInt32BigEndian(head[8..]);
                if (faceIndex < 0 || faceIndex >= faces)
                {
                    return false;
                }
                stream.Position = 12 + 4L * faceIndex;
                Span<byte> at = stackalloc byte[4];
                if (stream.Read(at) != 4)
                {
                    return false;
                }
                offset = BinaryPrimitives.ReadUInt32BigEndian(at);
                stream.Position = offset;
                if (stream.Read(head) != 12)
                {
                    return false;
                }
            }
            int tables = BinaryPrimitives.ReadUInt16BigEndian(head[4..]);
            var directory = new byte[16 * tables];
            if (stream.Read(directory) != directory.Length)
            {
                return false;
            }
            for (var i = 0; i < tables; i++)
            {
                if (directory.AsSpan(16 * i, 4).SequenceEqual("glyf"u8))
                {
                    return true;
                }
            }
            return false;
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
