using System.Buffers.Binary;
using System.IO.Compression;
using System.Xml;

namespace Reports.Intake.Xlsx;

/// <summary>
/// The zip layer: identifies the file, enforces <see cref="XlsxLimits"/> on declared sizes at open and on
/// actually inflated bytes while reading, and hands out hardened XmlReaders over parts.
/// Not thread-safe (callers serialise access).
/// </summary>
internal sealed class XlsxPackage : IDisposable
{

    private readonly ZipArchive _zip;
    private readonly Stream? _ownedStream;
    private readonly Dictionary<string, ZipArchiveEntry> _entries;
    private readonly XmlReaderSettings _xmlSettings;

    public XlsxLimits Limits { get; }

    private XlsxPackage(ZipArchive zip, Stream? ownedStream, Dictionary<string, ZipArchiveEntry> entries, XlsxLimits limits)
    {
        _zip = zip;
        _ownedStream = ownedStream;
        _entries = entries;
        Limits = limits;
        _xmlSettings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
            NameTable = new NameTable(),
            MaxCharactersInDocument = limits.MaxEntryBytes,
        };
    }

    /// <summary>Throws <see cref="XlsxProblemException"/> for bad data.</summary>
    public static XlsxPackage Open(Stream stream, XlsxLimits limits, bool ownsStream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("读取工作簿的流必须可读", nameof(stream));
        }

        var owned = ownsStream ? stream : null;
        try
        {
            if (!stream.CanSeek)
            {
                var copy = CopyBounded(stream, limits.MaxFileBytes);
                if (ownsStream)
                {
                    stream.Dispose();
                }
                stream = copy;
                owned = copy;
            }

            var length = stream.Length;
            if (length > limits.MaxFileBytes)
            {
                throw new XlsxProblemException(XlsxProblemKind.TooLarge, $"文件 {length} 字节，上限 {limits.MaxFileBytes} 字节");
            }

            if (length == 0)
            {
                throw new XlsxProblemException(XlsxProblemKind.Empty, "文件是空的");
            }
            var head = new byte[(int)Math.Min(length, 512)];
            stream.Position = 0;
            stream.ReadExactly(head);
            if (FileSignature.IsOle2(head))
            {
                throw IsEncryptedPackage(stream)
                    ? new XlsxProblemException(XlsxProblemKind.Encrypted, "含 EncryptedPackage 的 OLE2 复合文件：设置了打开密码的工作簿")
                    : new XlsxProblemException(XlsxProblemKind.LegacyXls, "OLE2 复合文件：旧版 .xls 工作簿");
            }
            if (!FileSignature.IsZip(head))
            {
                throw new XlsxProblemException(XlsxProblemKind.NotAZip, FileSignature.Describe(head));
            }

            CheckEndOfCentralDirectory(stream, limits);

            stream.Position = 0;
            ZipArchive zip;
            try
            {
                zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            }
            catch (InvalidDataException ex)
            {
                throw new XlsxProblemException(XlsxProblemKind.CorruptZip, $"ZIP 结构损坏（{ex.Message}）");
            }

            try
            {
                var entries = CheckEntries(zip, limits);
                return new XlsxPackage(zip, owned, entries, limits);
            }
            catch
            {
                zip.Dispose();
                throw;
            }
        }
        catch
        {
            owned?.Dispose();
            throw;
        }
    }

    private static MemoryStream CopyBounded(Stream source, long maxBytes)
    {
        var ms = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = source.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (ms.Length + n > maxBytes)
            {
                throw new XlsxProblemException(XlsxProblemKind.TooLarge, $"文件超过 {maxBytes} 字节的上限");
            }
            ms.Write(buffer, 0, n);
        }
        ms.Position = 0;
        return ms;
    }

    /// <summary>
    /// Reads the entry count from the end-of-central-directory record before ZipArchive materialises
    /// every entry, so a file claiming millions of entries is refused cheaply.
    /// </summary>
    private static void CheckEndOfCentralDirectory(Stream stream, XlsxLimits limits)
    {
        var length = stream.Length;
        var tail = (int)Math.Min(length, 22 + 0xFFFF);
        var buf = new byte[tail];
        stream.Position = length - tail;
        stream.ReadExactly(buf);
        for (var i = tail - 22; i >= 0; i--)
        {
            if (buf[i] == 0x50 && buf[i + 1] == 0x4B && buf[i + 2] == 0x05 && buf[i + 3] == 0x06)
            {
                int total = BinaryPrimitives.ReadUInt16LittleEndian(buf.AsSpan(i + 10, 2));
                // 0xFFFF means "see the zip64 record": at least that many, unless the limit is higher.
                if (total > limits.MaxEntries)
                {
                    throw new XlsxProblemException(XlsxProblemKind.TooManyEntries, $"ZIP 声明了{(total == 0xFFFF ? " 65535 个或更多" : $" {total} 个")}部件，上限 {limits.MaxEntries} 个");
                }
                return;
            }
        }
        throw new XlsxProblemException(XlsxProblemKind.CorruptZip, "找不到 ZIP 的中央目录结束记录，文件可能被截断");
    }

    /// <summary>
    /// An encrypted .xlsx is an OLE2 file whose directory names a stream "EncryptedPackage" (UTF-16LE). The
    /// whole file is at most <see cref="XlsxLimits.MaxFileBytes"/>, so scanning it is bounded.
    /// </summary>
    private static bool IsEncryptedPackage(Stream stream)
    {
        var name = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0"u8;
        var buffer = new byte[1 << 16];
        var carry = 0;
        stream.Position = 0;
        int n;
        while ((n = stream.Read(buffer, carry, buffer.Length - carry)) > 0)
        {
            var filled = carry + n;
            if (buffer.AsSpan(0, filled).IndexOf(name) >= 0)
            {
                return true;
            }
            carry = Math.Min(name.Length - 1, filled);
            Array.Copy(buffer, filled - carry, buffer, 0, carry);
        }
        return false;
    }

    /// <summary>True when the package holds a VBA project (a macro-enabled workbook, whatever its extension).</summary>
    public bool HasVbaProject => _entries.Keys.Any(k => k.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase));

    private static Dictionary<string, ZipArchiveEntry> CheckEntries(ZipArchive zip, XlsxLimits limits)
    {
        IReadOnlyCollection<ZipArchiveEntry> all;
        try
        {
            all = zip.Entries;
        }
        catch (InvalidDataException ex)
        {
            throw new XlsxProblemException(XlsxProblemKind.CorruptZip, $"ZIP 中央目录损坏（{ex.Message}）");
        }
        if (all.Count > limits.MaxEntries)
        {
            throw new XlsxProblemException(XlsxProblemKind.TooManyEntries, $"ZIP 有 {all.Count} 个部件，上限 {limits.MaxEntries} 个");
        }

        var map = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
        long total = 0;
        foreach (var e in all)
        {
            var size = e.Length;
            var packed = e.CompressedLength;
            if (size < 0 || packed < 0)
            {
                throw new XlsxProblemException(XlsxProblemKind.CorruptZip, $"部件 {e.FullName} 的大小为负数");
            }
            if (size >= limits.RatioCheckMinBytes && size > limits.MaxCompressionRatio * Math.Max(packed, 1))
            {
                throw new XlsxProblemException(XlsxProblemKind.SuspiciousCompression,
                    $"部件 {e.FullName} 压缩后 {packed} 字节，声明解压后 {size} 字节（超过 {limits.MaxCompressionRatio} 倍）");
            }
            if (size > limits.MaxEntryBytes)
            {
                throw new XlsxProblemException(XlsxProblemKind.TooLarge, $"部件 {e.FullName} 声明 {size} 字节，上限 {limits.MaxEntryBytes} 字节");
            }
            total += size;
            if (total > limits.MaxTotalBytes)
            {
                throw new XlsxProblemException(XlsxProblemKind.TooLarge, $"各部件声明的大小合计超过 {limits.MaxTotalBytes} 字节");
            }
            var key = NormalizePartName(e.FullName);
            if (key.Length > 0 && !key.EndsWith('/') && !map.TryAdd(key, e))
            {
                // Part names are case-insensitive: two entries of one name are read first or last depending on the reader.
                throw new XlsxProblemException(XlsxProblemKind.Ambiguous, $"ZIP 中有两个同名部件 {e.FullName}");
            }
        }
        return map;
    }

    public static string NormalizePartName(string name) => name.Replace('\\', '/').TrimStart('/');

    public bool Contains(string partName) => _entries.ContainsKey(NormalizePartName(partName));

    /// <summary>Opens a part as a stream that refuses to inflate past the declared size or the limits.</summary>
    public Stream OpenPart(string partName)
    {
        if (!_entries.TryGetValue(NormalizePartName(partName), out var entry))
        {
            throw new XlsxProblemException(XlsxProblemKind.MissingPart, $"缺少部件 {partName}");
        }
        Stream inner;
        try
        {
            inner = entry.Open();
        }
        catch (InvalidDataException ex)
        {
            throw new XlsxProblemException(XlsxProblemKind.CorruptZip, $"ZIP 部件 {entry.FullName} 损坏（{ex.Message}）");
        }
        catch (NotSupportedException ex)
        {
            throw new XlsxProblemException(XlsxProblemKind.CorruptZip, $"ZIP 部件 {entry.FullName} 的压缩方式不受支持（{ex.Message}）");
        }
        if (entry.CompressedLength == entry.Length && entry.Length > 0 && _checked.Add(entry.FullName))
        {
            // Stored without compression: a damaged byte inflates to a damaged byte, never to an error. Its checksum
            // is checked over the whole part before any of it is believed (deflated parts at their end, below).
            using (var whole = new BoundedInflateStream(inner, entry.FullName, entry.Length, entry.CompressedLength, Limits, entry.Crc32, scanMarkup: false))
            {
                whole.CopyTo(Stream.Null);
            }
            inner = entry.Open();
        }
        return new BoundedInflateStream(inner, entry.FullName, entry.Length, entry.CompressedLength, Limits, entry.Crc32);
    }

    private readonly HashSet<string> _checked = new(StringComparer.Ordinal);

    /// <summary>
    /// A part's XML, bounded three ways before the reader can hold too much of it: the bytes of one tag and of one
    /// text (<see cref="MarkupGuard"/>, on the inflated bytes), the nesting depth (<see cref="BoundedXmlReader"/>) and
    /// the characters of the whole part (the settings).
    /// </summary>
    public XmlReader OpenXml(string partName) =>
        new BoundedXmlReader(XmlReader.Create(OpenPart(partName), _xmlSettings), NormalizePartName(partName), Limits.MaxDepth);

    public void Dispose()
    {
        _zip.Dispose();
        _ownedStream?.Dispose();
    }

    /// <summary>Counts inflated bytes and stops as soon as an entry exceeds its declared size, the entry cap or the ratio.</summary>
    internal sealed class BoundedInflateStream(Stream inner, string name, long declared, long compressed, XlsxLimits limits, uint? crc32 = null, bool scanMarkup = true) : Stream
    {
        private long _count;
        // The zip CRC-32 (polynomial 0xEDB88320), vectorised: every inflated byte passes through it.
        private readonly System.IO.Hashing.Crc32 _crc = new();

        public long BytesRead => _count;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        private MarkupGuard _markup = new(name, limits.MaxMarkupBytes);

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            _count += n;
            Check();
            if (scanMarkup)
            {
                _markup.Scan(buffer[..n]);
            }
            _crc.Append(buffer[..n]);
            if (n == 0 && buffer.Length > 0 && crc32 is { } expected && _count == declared && _crc.GetCurrentHashAsUInt32() != expected)
            {
                throw new XlsxProblemException(XlsxProblemKind.CorruptZip, $"部件 {name} 的校验和（CRC-32）不符：内容已损坏");
            }
            return n;
        }

        public override int ReadByte()
        {
            Span<byte> one = stackalloc byte[1];
            return Read(one) == 1 ? one[0] : -1;
        }

        private void Check()
        {
            if (_count > declared)
            {
                throw new XlsxProblemException(XlsxProblemKind.SuspiciousCompression, $"部件 {name} 解压后超过其声明的 {declared} 字节");
            }
            if (_count > limits.MaxEntryBytes)
            {
                throw new XlsxProblemException(XlsxProblemKind.TooLarge, $"部件 {name} 解压后超过 {limits.MaxEntryBytes} 字节的上限");
            }
            if (_count >= limits.RatioCheckMinBytes && _count > limits.MaxCompressionRatio * Math.Max(compressed, 1))
            {
                throw new XlsxProblemException(XlsxProblemKind.SuspiciousCompression, $"部件 {name} 解压后超过压缩大小的 {limits.MaxCompressionRatio} 倍");
            }
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _count; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
