using System.IO.Compression;
using System.IO.Hashing;
using OfficeOpenXml;
using Reports.Outputs.Spreadsheet;

namespace Reports.Tests.Outputs;

/// <summary>
/// The spreadsheets' own zip (<see cref="PackageZip"/>) and the parts a run's receipts share deflated once
/// (<see cref="DeflatedParts"/>): what they write is a zip another reader opens entry by entry with the right CRCs,
/// to a file or to a stream that cannot seek back, and sharing parts never changes a byte.
/// </summary>
public sealed class PackageZipTests
{
    private static readonly DateTimeOffset Created = new(2022, 7, 1, 9, 30, 15, TimeSpan.FromHours(8));

    /// <summary>A receipt-like package: two sheets, texts, numbers, a merge and a note.</summary>
    private static SpreadsheetPackage Package(string title, DeflatedParts? common)
    {
        var package = new SpreadsheetPackage(title, Created, common: common);
        var sheet = package.Add("回执");
        sheet.Text(1, 1, "报表接收回执", new CellStyle(Bold: true, Size: 16));
        sheet.Text(3, 1, "文件");
        sheet.Text(3, 2, title, new CellStyle(Border: CellBorder.Thin, Wrap: true));
        sheet.Merge(3, 2, 3, 5);
        sheet.Number(4, 3, 12345.67m);
        sheet.Comments.Add(new SheetComment(4, 3, "市级汇总", "核对此数", 2));
        sheet.Widths[2] = 34;
        var findings = package.Add("核查结果");
        findings.Text(1, 1, "序号");
        findings.Number(2, 1, 1);
        return package;
    }

    private static byte[] Bytes(SpreadsheetPackage package, Func<Stream, Stream>? wrap = null)
    {
        using var buffer = new MemoryStream();
        using (var output = wrap?.Invoke(buffer) ?? buffer)
        {
            package.Write(output);
        }
        return buffer.ToArray();
    }

    [Fact]
    public void Parts_shared_across_packages_give_the_bytes_each_package_gets_alone()
    {
        var common = new DeflatedParts();
        var titles = new[] { "140403-潞州区.xlsx", "140404-上党区.xlsx", "140403-潞州区.xlsx" };
        var shared = titles.Select(t => Bytes(Package(t, common))).ToList();
        var alone = titles.Select(t => Bytes(Package(t, null))).ToList();

        Assert.Equal(alone, shared);
        // The same package twice: the same bytes; another title: other bytes (core.xml and the sheet name it).
        Assert.Equal(shared[0], shared[2]);
        Assert.NotEqual(shared[0], shared[1]);
    }

    [Fact]
    public void A_package_opens_entry_by_entry_with_its_checksums()
    {
        var bytes = Bytes(Package("140403-潞州区.xlsx", new DeflatedParts()));

        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        Assert.Contains(zip.Entries, e => e.FullName == "xl/worksheets/sheet1.xml");
        Assert.Contains(zip.Entries, e => e.FullName == "xl/styles.xml");
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var content = new MemoryStream();
            stream.CopyTo(content);
            Assert.Equal(entry.Length, content.Length);
            Assert.Equal(entry.Crc32, Crc32.HashToUInt32(content.ToArray()));
            // One fixed time: the package's creation, to the two seconds a zip keeps.
            Assert.Equal(new DateTime(2022, 7, 1, 9, 30, 14), entry.LastWriteTime.DateTime);
        }
        using var excel = new ExcelPackage(new MemoryStream(bytes));
        Assert.Equal("140403-潞州区.xlsx", excel.Workbook.Worksheets["回执"].Cells[3, 2].Text);
        Assert.Equal(12345.67, excel.Workbook.Worksheets["回执"].Cells[4, 3].GetValue<double>());
        Assert.Equal(1, excel.Workbook.Worksheets["核查结果"].Cells[2, 1].GetValue<int>());
    }

    [Fact]
    public void A_package_written_to_a_stream_that_cannot_seek_carries_the_same_parts()
    {
        var seekable = Bytes(Package("140403-潞州区.xlsx", null));
        var forwardOnly = Bytes(Package("140403-潞州区.xlsx", null), buffer => new ForwardOnly(buffer));

        // The sheets' sizes follow their data (a descriptor) instead of being patched into their headers.
        Assert.NotEqual(seekable, forwardOnly);
        Assert.Equal(Parts(seekable), Parts(forwardOnly));
        using var excel = new ExcelPackage(new MemoryStream(forwardOnly));
        Assert.Equal("报表接收回执", excel.Workbook.Worksheets["回执"].Cells[1, 1].Text);
    }

    /// <summary>Each part's name and content (as hex: compared by value).</summary>
    private static List<(string Name, string Content)> Parts(byte[] package)
    {
        using var zip = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        return [.. zip.Entries.Select(e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return (e.FullName, Convert.ToHexString(copy.ToArray()));
        })];
    }

    /// <summary>A stream written once, front to back (a pipe, a network stream).</summary>
    private sealed class ForwardOnly(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
