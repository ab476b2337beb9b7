using System.Collections.Concurrent;
using System.IO.Compression;
using System.IO.Hashing;

namespace Reports.Outputs.Spreadsheet;

/// <summary>
/// The parts many packages of a run hold byte for byte (a receipt's styles, workbook, relationships and content types),
/// each deflated once and its CRC computed once, then copied into every package that holds it. Keyed by the part's
/// bytes themselves, so a part that differs is never mistaken for another; bounded (<see cref="MaxParts"/> parts of at
/// most <see cref="MaxPartBytes"/> bytes), past which a part is deflated on its own. Safe for packages written on
/// several threads at once; the bytes written are the same whether a part came from here or not.
/// </summary>
public sealed class DeflatedParts
{
    public const int MaxParts = 256;
    public const int MaxPartBytes = 64 * 1024;

    private readonly ConcurrentDictionary<Key, Part> _parts = new();

    /// <summary>The part's deflated bytes and CRC-32.</summary>
    internal Part Deflated(ReadOnlySpan<byte> content, CompressionLevel level)
    {
        if (content.Length > MaxPartBytes)
        {
            return Deflate(content, level);
        }
        var probe = new Key(content.ToArray(), level);
        if (_parts.TryGetValue(probe, out var known))
        {
            return known;
        }
        var part = Deflate(content, level);
        if (_parts.Count < MaxParts)
        {
            _parts.TryAdd(probe, part);
        }
        return part;
    }

    internal static Part Deflate(ReadOnlySpan<byte> content, CompressionLevel level)
    {
        using var deflated = new MemoryStream(content.Length / 2 + 64);
        using (var deflate = new DeflateStream(deflated, level, leaveOpen: true))
        {
            deflate.Write(content);
        }
        return new Part(deflated.ToArray(), Crc32.HashToUInt32(content));
    }

    internal sealed record Part(byte[] Data, uint Crc);

    /// <summary>A part's bytes (compared whole) and the level it is deflated at.</summary>
    private readonly struct Key(byte[] bytes, CompressionLevel level) : IEquatable<Key>
    {
        private readonly byte[] _bytes = bytes;
        private readonly CompressionLevel _level = level;
        private readonly int _hash = HashCode.Combine((int)XxHash3.HashToUInt64(bytes), level);

        public bool Equals(Key other) => _level == other._level && _bytes.AsSpan().SequenceEqual(other._bytes);

        public override bool Equals(object? obj) => obj is Key other && Equals(other);

        public override int GetHashCode() => _hash;
    }
}
