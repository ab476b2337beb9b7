using System.IO.Compression;
using System.Text;
using Reports.Intake.Xlsx;

namespace Reports.Tests.Intake.Xlsx;

public class XlsxSafetyTests
{
    private static XlsxProblem OpenFails(byte[] bytes, XlsxLimits? limits = null)
    {
        var wb = XlsxWorkbook.Open(new MemoryStream(bytes), limits, out var problem);
        Assert.Null(wb);
        Assert.NotNull(problem);
        return problem;
    }

    [Fact]
    public void Not_a_zip()
    {
        Assert.Equal(XlsxProblemKind.NotAZip, OpenFails(Encoding.UTF8.GetBytes("单位名称,人数\n潞州区,12\n")).Kind);
        Assert.Equal(XlsxProblemKind.Empty, OpenFails([]).Kind);
        Assert.Equal(XlsxProblemKind.NotAZip, OpenFails([0x50, 0x4B]).Kind);
        Assert.Equal(XlsxProblemKind.NotAZip, OpenFails(Encoding.ASCII.GetBytes("<html><body>not excel</body></html>")).Kind);
    }

    [Fact]
    public void Ole2_header_is_legacy_xls()
    {
        var bytes = new byte[4096];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(bytes, 0);
        var p = OpenFails(bytes);
        Assert.Equal(XlsxProblemKind.LegacyXls, p.Kind);
    }

    [Fact]
    public void Truncated_zip_is_a_corrupt_zip()
    {
        var good = XlsxTestFiles.EpplusWorkbook();
        var p = OpenFails(good[..(good.Length / 2)]);
        Assert.Equal(XlsxProblemKind.CorruptZip, p.Kind);
    }

    [Fact]
    public void Zip_bomb_is_refused_quickly_without_inflating()
    {
        // 300 MB of one repeated byte, deflated to well under 1 MB, as the first sheet.
        byte[] bomb;
        using (var ms = new MemoryStream())
        {
            using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            {
                var e = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal);
                using var s = e.Open();
                var chunk = new byte[1 << 20];
                Array.Fill(chunk, (byte)' ');
                for (var i = 0; i < 300; i++)
                {
                    s.Write(chunk);
                }
            }
            bomb = ms.ToArray();
        }
        Assert.True(bomb.Length < 2 << 20, $"bomb is {bomb.Length} bytes");

        // Stopped early, which the allocation bound shows without a wall clock (how fast is bench/run.sh's business).
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var p = OpenFails(bomb);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.Contains(p.Kind, new[] { XlsxProblemKind.SuspiciousCompression, XlsxProblemKind.TooLarge });
        Assert.True(allocated < 16 << 20, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Entry_that_inflates_past_its_declared_size_is_stopped()
    {
        // A valid workbook whose sheet is ~3 MB of XML but declares 1000 bytes: the declared numbers pass every
        // check, so only counting while inflating can catch it.
        var rows = new StringBuilder();
        for (var r = 1; r <= 60000; r++)
        {
            rows.Append($"<row r=\"{r}\"><c r=\"A{r}\"><v>{r}</v></c></row>");
        }
        var honest = XlsxTestFiles.MinimalWorkbook(rows.ToString());
        var lying = XlsxTestFiles.PatchDeclaredSize(honest, "xl/worksheets/sheet1.xml", 1000);

        using var wb = XlsxWorkbook.Open(new MemoryStream(lying), null, out var problem);
        Assert.Null(problem); // declared sizes look harmless
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cells = wb!.ReadCells([("Sheet1", "A59999")], out problem);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Assert.Empty(cells);
        // .NET's ZipArchive itself stops at the declared size (the XML then ends early → MalformedXml, or the first
        // 1000 bytes fail their checksum → CorruptZip); our counting stream is the second line of defence (tested
        // directly below). Either way: nothing big inflated.
        Assert.Contains(problem!.Kind, new[] { XlsxProblemKind.SuspiciousCompression, XlsxProblemKind.MalformedXml, XlsxProblemKind.CorruptZip });
        Assert.True(allocated < 4 << 20, $"allocated {allocated} bytes");

        // The honest file reads fine.
        using var ok = XlsxWorkbook.Open(new MemoryStream(honest), null, out problem);
        Assert.Equal("59999", ok!.ReadCell("Sheet1", "A59999", out problem)!.Raw);
        Assert.Null(problem);
    }

    [Fact]
    public void Counting_stream_stops_past_declared_size_entry_cap_and_ratio()
    {
        static XlsxProblemKind Drain(long declared, long compressed, XlsxLimits limits)
        {
            var inner = new MemoryStream(new byte[8 << 20]); // 8 MB of zeros
            using var s = new XlsxPackage.BoundedInflateStream(inner, "x", declared, compressed, limits);
            var buf = new byte[4096];
            var ex = Assert.Throws<XlsxProblemException>(() => { while (s.Read(buf, 0, buf.Length) > 0) { } });
            Assert.True(s.BytesRead <= Math.Min(declared, limits.MaxEntryBytes) + buf.Length, $"read {s.BytesRead}");
            return ex.Problem.Kind;
        }

        Assert.Equal(XlsxProblemKind.SuspiciousCompression, Drain(declared: 1000, compressed: 500, XlsxLimits.Default));
        Assert.Equal(XlsxProblemKind.TooLarge, Drain(declared: long.MaxValue, compressed: 1 << 30, new XlsxLimits(MaxEntryBytes: 1 << 20)));
        Assert.Equal(XlsxProblemKind.SuspiciousCompression, Drain(declared: long.MaxValue, compressed: 1000, XlsxLimits.Default));

        // Within every limit: reads to the end.
        using var ok = new XlsxPackage.BoundedInflateStream(new MemoryStream(new byte[5000]), "y", 5000, 4000, XlsxLimits.Default);
        Assert.Equal(5000, ok.ReadAtLeast(new byte[10000], 10000, throwOnEndOfStream: false));
    }

    [Fact]
    public void Per_entry_total_and_file_limits()
    {
        var bytes = XlsxTestFiles.EpplusWorkbook();
        Assert.Equal(XlsxProblemKind.TooLarge, OpenFails(bytes, new XlsxLimits(MaxFileBytes: 1000)).Kind);
        Assert.Equal(XlsxProblemKind.TooLarge, OpenFails(bytes, new XlsxLimits(MaxEntryBytes: 100)).Kind);
        Assert.Equal(XlsxProblemKind.TooLarge, OpenFails(bytes, new XlsxLimits(MaxTotalBytes: 2000)).Kind);
        Assert.Equal(XlsxProblemKind.TooManyEntries, OpenFails(bytes, new XlsxLimits(MaxEntries: 3)).Kind);
        Assert.Equal(XlsxProblemKind.SuspiciousCompression,
            OpenFails(bytes, new XlsxLimits(MaxCompressionRatio: 1.01) { RatioCheckMinBytes = 0 }).Kind);
        // Non-seekable input is copied only up to the file limit.
        var p = XlsxWorkbook.Open(new XlsxTestFiles.NonSeekableStream(new MemoryStream(bytes)), new XlsxLimits(MaxFileBytes: 1000), out var problem);
        Assert.Null(p);
        Assert.Equal(XlsxProblemKind.TooLarge, problem!.Kind);
    }

    [Fact]
    public void Too_many_entries()
    {
        var entries = Enumerable.Range(0, 1001).Select(i => ($"junk/{i}.txt", "x")).ToArray();
        Assert.Equal(XlsxProblemKind.TooManyEntries, OpenFails(XlsxTestFiles.Zip(entries)).Kind);
    }

    [Fact]
    public void Dtd_in_workbook_is_malformed_and_never_expanded()
    {
        const string laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE workbook [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
              <!ENTITY xxe SYSTEM "file:///etc/passwd">
            ]>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
              <sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>
              <definedNames><definedName name="x">&lol9;&xxe;</definedName></definedNames>
            </workbook>
            """;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var p = OpenFails(XlsxTestFiles.MinimalWorkbook("", laughs));
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Assert.Equal(XlsxProblemKind.DtdProhibited, p.Kind);
        Assert.Contains("DTD", p.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.True(allocated < 8 << 20, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Dtd_in_sheet_is_refused_on_read()
    {
        var bytes = XlsxTestFiles.Zip(
            ("_rels/.rels", XlsxTestFiles.RootRels),
            ("xl/workbook.xml", XlsxTestFiles.SimpleWorkbook),
            ("xl/_rels/workbook.xml.rels", XlsxTestFiles.WorkbookRels),
            ("xl/worksheets/sheet1.xml", """<?xml version="1.0"?><!DOCTYPE w [<!ENTITY e "x">]><worksheet><sheetData/></worksheet>"""));
        using var wb = XlsxWorkbook.Open(new MemoryStream(bytes), null, out var problem);
        Assert.Null(problem);
        var cells = wb!.ReadCells([("Sheet1", "A1")], out problem);
        Assert.Empty(cells);
        Assert.Equal(XlsxProblemKind.DtdProhibited, problem!.Kind);
    }

    [Fact]
    public void Malformed_xml_in_workbook_and_in_sheet()
    {
        var badWorkbook = XlsxTestFiles.MinimalWorkbook("", "<workbook><sheets><sheet name=\"S\" r:id=\"rId1\"/></sheets>");
        Assert.Equal(XlsxProblemKind.MalformedXml, OpenFails(badWorkbook).Kind);

        // An encoding .NET does not know, and bytes that are not UTF-8.
        var gbWorkbook = XlsxTestFiles.MinimalWorkbook("", XlsxTestFiles.SimpleWorkbook.Replace("encoding=\"UTF-8\"", "encoding=\"gb2312\""));
        using (var gb = XlsxWorkbook.Open(new MemoryStream(gbWorkbook), null, out var gbProblem))
        {
            Assert.True(gb is not null || gbProblem!.Kind == XlsxProblemKind.MalformedXml); // no exception either way
        }
        var workbookBytes = Encoding.UTF8.GetBytes(XlsxTestFiles.SimpleWorkbook.Replace("name=\"x\"", "name=\"@@\""));
        var at = workbookBytes.AsSpan().IndexOf("@@"u8);
        workbookBytes[at] = 0xFF; workbookBytes[at + 1] = 0xC0;
        var notUtf8 = XlsxTestFiles.ZipBytes(
            ("_rels/.rels", Encoding.UTF8.GetBytes(XlsxTestFiles.RootRels)),
            ("xl/workbook.xml", workbookBytes),
            ("xl/_rels/workbook.xml.rels", Encoding.UTF8.GetBytes(XlsxTestFiles.WorkbookRels)));
        Assert.Equal(XlsxProblemKind.MalformedXml, OpenFails(notUtf8).Kind);

        var badSheet = XlsxTestFiles.MinimalWorkbook("<row r=\"1\"><c r=\"A1\"><v>1</v></row>");
        using var wb = XlsxWorkbook.Open(new MemoryStream(badSheet), null, out var problem);
        Assert.Null(problem);
        wb!.ReadCells([("Sheet1", "A1")], out problem);
        Assert.Equal(XlsxProblemKind.MalformedXml, problem!.Kind);
    }

    [Fact]
    public void Missing_parts()
    {
        // No workbook part at all.
        var p = OpenFails(XlsxTestFiles.Zip(
            ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
            ("_rels/.rels", XlsxTestFiles.RootRels)));
        Assert.Equal(XlsxProblemKind.MissingPart, p.Kind);
        Assert.Contains("xl/workbook.xml", p.Detail);

        // A zip that is not a package.
        Assert.Equal(XlsxProblemKind.MissingPart, OpenFails(XlsxTestFiles.Zip(("readme.txt", "hello"))).Kind);

        // Workbook present, workbook rels missing.
        Assert.Equal(XlsxProblemKind.MissingPart, OpenFails(XlsxTestFiles.Zip(
            ("_rels/.rels", XlsxTestFiles.RootRels),
            ("xl/workbook.xml", XlsxTestFiles.SimpleWorkbook))).Kind);

        // Sheet part missing: Open succeeds, reading that sheet reports it.
        using var wb = XlsxWorkbook.Open(new MemoryStream(XlsxTestFiles.Zip(
            ("_rels/.rels", XlsxTestFiles.RootRels),
            ("xl/workbook.xml", XlsxTestFiles.SimpleWorkbook),
            ("xl/_rels/workbook.xml.rels", XlsxTestFiles.WorkbookRels))), null, out var problem);
        Assert.Null(problem);
        Assert.Equal(["Sheet1"], wb!.SheetNames);
        wb.ReadCells([("Sheet1", "A1")], out problem);
        Assert.Equal(XlsxProblemKind.MissingPart, problem!.Kind);

        // Shared string referenced but no sharedStrings part.
        using var wb2 = XlsxWorkbook.Open(new MemoryStream(XlsxTestFiles.MinimalWorkbook("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>")), null, out problem);
        wb2!.ReadCells([("Sheet1", "A1")], out problem);
        Assert.Equal(XlsxProblemKind.MissingPart, problem!.Kind);
    }

    [Fact]
    public void Workbook_without_package_rels_falls_back_to_xl_workbook()
    {
        var bytes = XlsxTestFiles.Zip(
            ("xl/workbook.xml", XlsxTestFiles.SimpleWorkbook),
            ("xl/_rels/workbook.xml.rels", XlsxTestFiles.WorkbookRels),
            ("xl/worksheets/sheet1.xml", XlsxTestFiles.SheetXml("<row r=\"1\"><c r=\"A1\"><v>5</v></c></row>")));
        using var wb = XlsxWorkbook.Open(new MemoryStream(bytes), null, out var problem);
        Assert.Null(problem);
        Assert.Equal("5", wb!.ReadCell("Sheet1", "A1", out problem)!.Raw);
    }
}
