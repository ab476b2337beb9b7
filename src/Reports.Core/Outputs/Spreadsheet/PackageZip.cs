using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace Reports.Outputs.Spreadsheet;

/// <summary>
/// The zip a package is written into, entry after entry, without <see cref="ZipArchive"/>: a part streamed as it is
/// made (<see cref="Open"/>: deflated straight into the output, its sizes and CRC patched into its header once known,
/// or given after it in a data descriptor when the output cannot seek), or a part given whole (<see cref="Add"/>),
/// which a run's <see cref="DeflatedParts"/> deflates once for every package that holds the same bytes. Every entry
/// carries one fixed time, so the same parts give the same bytes. No Zip64: a part or a package past 4 GB is refused.
/// </summary>
internal sealed class PackageZip(Stream output, DateTimeOffset time) : IDisposable
{
    private const ushort Version = 20;
    private const ushort Utf8Names = 0x0800;
    private const ushort Descriptor = 0x0008;
    private const ushort Deflated = 8;
    private const ushort Stored = 0;

    private readonly Stream _output = output;
    private readonly List<(byte[] Name, ushort Flags, ushort Method, uint Crc, long Compressed, long Length, long Offset)> _entries = [];
    private readonly bool _seekable = output.CanSeek;
    private readonly long _start = output.CanSeek ? output.Position : 0;
    private readonly ushort _dosTime = (ushort)((time.Hour << 11) | (time.Minute << 5) | (time.Second / 2));
    private readonly ushort _dosDate = (ushort)(((time.Year - 1980) << 9) | (time.Month << 5) | time.Day);
    private long _written;
    private EntryStream? _open;
    private bool _finished;

    /// <summary>A part written as it is made, deflated at <paramref name="level"/>; disposing the stream ends the entry.</summary>
    public Stream Open(string name, CompressionLevel level)
    {
        End();
        var encoded = Encoding.UTF8.GetBytes(name);
        var flags = (ushort)(Utf8Names | (_seekable ? 0 : Descriptor));
        var offset = _written;
        Header(encoded, flags, Deflated, 0, 0, 0);
        _open = new EntryStream(this, encoded, flags, offset, level);
        return _open;
    }

    /// <summary>A part given whole: deflated, or taken already deflated from <paramref name="cache"/> when it holds the same bytes.</summary>
    public void Add(string name, ReadOnlySpan<byte> content, DeflatedParts? cache, CompressionLevel level)
    {
        End();
        var part = cache is null ? DeflatedParts.Deflate(content, level) : cache.Deflated(content, level);
        var encoded = Encoding.UTF8.GetBytes(name);
        var offset = _written;
        // A part that deflate does not shrink is stored as it is.
        var (method, data) = part.Data.Length < content.Length ? (Deflated, part.Data) : (Stored, content.ToArray());
        Header(encoded, Utf8Names, method, part.Crc, data.Length, content.Length);
        Write(data);
        _entries.Add((encoded, Utf8Names, method, part.Crc, data.Length, content.Length, offset));
    }

    /// <summary>Ends the last entry and writes the central directory.</summary>
    public void Finish()
    {
        End();
        var directory = _written;
        Span<byte> record = stackalloc byte[46];
        foreach (var (name, flags, method, crc, compressed, length, offset) in _entries)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(record, 0x02014b50);
            BinaryPrimitives.WriteUInt16LittleEndian(record[4..], Version);
            BinaryPrimitives.WriteUInt16LittleEndian(record[6..], Version);
            BinaryPrimitives.WriteUInt16LittleEndian(record[8..], flags);
            BinaryPrimitives.WriteUInt16LittleEndian(record[10..], method);
            BinaryPrimitives.WriteUInt16LittleEndian(record[12..], _dosTime);
            BinaryPrimitives.WriteUInt16LittleEndian(record[14..], _dosDate);
            BinaryPrimitives.WriteUInt32LittleEndian(record[16..], crc);
            BinaryPrimitives.WriteUInt32LittleEndian(record[20..], Within4G(compressed));
            BinaryPrimitives.WriteUInt32LittleEndian(record[24..], Within4G(length));
            BinaryPrimitives.WriteUInt16LittleEndian(record[28..], (ushort)name.Length);
            record[30..42].Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(record[42..], Within4G(offset));
            Write(record);
            Write(name);
        }
        Span<byte> end = stackalloc byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054b50);
        end[4..8].Clear();
        BinaryPrimitives.WriteUInt16LittleEndian(end[8..], (ushort)_entries.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(end[10..], (ushort)_entries.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(end[12..], Within4G(_written - directory));
        BinaryPrimitives.WriteUInt32LittleEndian(end[16..], Within4G(directory));
        end[20..].Clear();
        Write(end);
        _finished = true;
    }

    public void Dispose()
    {
        // An unfinished package (a writer's failure) is left as it is: the caller deletes the file.
        if (!_finished)
        {
            _open?.Abandon();
        }
    }

    private void End()
    {
        if (_open is { } open)
        {
            open.Dispose();
        }
        if (_entries.Count >= ushort.MaxValue)
        {
            throw new InvalidOperationException("压缩包的部件超过 65,535 个");
        }
    }

    private void Header(byte[] name, ushort flags, ushort method, uint crc, long compressed, long length)
    {
        Span<byte> header = stackalloc byte[30];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0x04034b50);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], Version);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], flags);
        BinaryPrimitives.WriteUInt16LittleEndian(header[8..], method);
        BinaryPrimitives.WriteUInt16LittleEndian(header[10..], _dosTime);
        BinaryPrimitives.WriteUInt16LittleEndian(header[12..], _dosDate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[14..], crc);
        BinaryPrimitives.WriteUInt32LittleEndian(header[18..], Within4G(compressed));
        BinaryPrimitives.WriteUInt32LittleEndian(header[22..], Within4G(length));
        BinaryPrimitives.WriteUInt16LittleEndian(header[26..], (ushort)name.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(header[28..], 0);
        Write(header);
        Write(name);
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        _output.Write(bytes);
        _written += bytes.Length;
    }

    private static uint Within4G(long value) =>
        value <= uint.MaxValue ? (uint)value : throw new InvalidOperationException("压缩包的部件或整个文件超过 4 GB");

    /// <summary>The open entry: counts and checksums what is written, deflates it into the package.</summary>
    private sealed class EntryStream : Stream
    {
        private readonly PackageZip _zip;
        private readonly byte[] _name;
        private readonly ushort _flags;
        private readonly long _offset;
        private readonly Crc32 _crc = new();
        private readonly DeflateStream _deflate;
        private readonly long _dataStart;
        private long _length;
        private bool _ended;

        public EntryStream(PackageZip zip, byte[] name, ushort flags, long offset, CompressionLevel level)
        {
            _zip = zip;
            _name = name;
            _flags = flags;
            _offset = offset;
            _dataStart = zip._written;
            _deflate = new DeflateStream(new Counted(zip), level, leaveOpen: false);
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _crc.Append(buffer);
            _length += buffer.Length;
            _deflate.Write(buffer);
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        /// <summary>Drops the entry without ending it (the package failed).</summary>
        public void Abandon()
        {
            _ended = true;
            _zip._open = null;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_ended)
            {
                _ended = true;
                _zip._open = null;
                _deflate.Dispose();
                var compressed = _zip._written - _dataStart;
                var crc = _crc.GetCurrentHashAsUInt32();
                if ((_flags & Descriptor) != 0)
                {
                    Span<byte> descriptor = stackalloc byte[16];
                    BinaryPrimitives.WriteUInt32LittleEndian(descriptor, 0x08074b50);
                    BinaryPrimitives.WriteUInt32LittleEndian(descriptor[4..], crc);
                    BinaryPrimitives.WriteUInt32LittleEndian(descriptor[8..], Within4G(compressed));
                    BinaryPrimitives.WriteUInt32LittleEndian(descriptor[12..], Within4G(_length));
                    _zip.Write(descriptor);
                }
                else
                {
                    // The header's CRC and sizes, known now.
                    Span<byte> sizes = stackalloc byte[12];
                    BinaryPrimitives.WriteUInt32LittleEndian(sizes, crc);
                    BinaryPrimitives.WriteUInt32LittleEndian(sizes[4..], Within4G(compressed));
                    BinaryPrimitives.WriteUInt32LittleEndian(sizes[8..], Within4G(_length));
                    var output = _zip._output;
                    var end = output.Position;
                    output.Position = _zip._start + _offset + 14;
                    output.Write(sizes);
                    output.Position = end;
                }
                _zip._entries.Add((_name, _flags, Deflated, crc, compressed, _length, _offset));
            }
            base.Dispose(disposing);
        }
    }

    /// <summary>The package's output as the deflater sees it: what it writes is counted.</summary>
    private sealed class Counted(PackageZip zip) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Write(byte[] buffer, int offset, int count) => zip.Write(buffer.AsSpan(offset, count));
        public override void Write(ReadOnlySpan<byte> buffer) => zip.Write(buffer);
        public override void Flush() => zip._output.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
