using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using OfficeOpenXml;
using Reports.Outputs;
using Reports.Rosters;
using Reports.Templates;
using Reports.Tests.Intake.Xlsx;
using Reports.Tests.Support;

namespace Reports.Tests.Corpus;

/// <summary>
/// The hostile and broken files a city inbox really receives, generated deterministically into
/// tests/corpus/hostile/ (kept in the repository; regenerate with <c>REPORTS_UPDATE_CORPUS=1 dotnet test --filter HostileCorpusTests</c>).
/// Each entry names the diagnostic code intake must end in ("" for a return that must be accepted).
/// </summary>
public static class HostileCorpus
{
    public sealed record Entry(string FileName, string ExpectedCode, string Why, Func<byte[]> Make);

    private static readonly DateTimeOffset Stamp = new(2022, 7, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly RosterUnit Unit = new("140426", "黎城县");
    private static readonly UTF8Encoding Utf8 = new(false);

    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "corpus", "hostile");

    public static IReadOnlyList<Entry> Entries { get; } =
    [
        // Not a workbook at all, whatever the name says.
        new("01-pdf-named-xlsx.xlsx", "RPT001", "a PDF renamed .xlsx", () => Latin1("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")),
        new("02-jpeg-named-xlsx.xlsx", "RPT001", "a phone photo of the printed return", () => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0x00, 0x01, 0x01, .. new byte[200]]),
        new("03-png-named-xlsx.xlsx", "RPT001", "a screenshot", () => [0x89, .. "PNG\r\n\u001a\n"u8, .. new byte[100]]),
        new("04-csv-named-xlsx.xlsx", "RPT001", "a CSV export renamed", () => Utf8.GetBytes("单位代码,务工总人数\n140426,5379\n")),
        new("05-html-named-xlsx.xlsx", "RPT001", "a web page saved as .xlsx", () => Utf8.GetBytes("<html><body><table><tr><td>5379</td></tr></table></body></html>")),
        new("06-7z-named-xlsx.xlsx", "RPT001", "an archive renamed", () => [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C, .. new byte[64]]),
        new("07-empty.xlsx", "RPT004", "an upload that never finished", () => []),
        // Broken zips.
        new("08-truncated-half.xlsx", "RPT006", "half of a good return", () => Good()[..(Good().Length / 2)]),
        new("09-truncated-head.xlsx", "RPT006", "the first 100 bytes of a good return", () => Good()[..100]),
        new("10-zip-signature-garbage.xlsx", "RPT006", "a zip signature followed by noise", () => [.. "PK\u0003\u0004"u8, .. Noise(4096)]),
        new("11-docx-not-xlsx.xlsx", "RPT008", "a Word document renamed", () => Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"))),
        // Zip bombs.
        new("12-zip-bomb-ratio.xlsx", "RPT007", "64 MB of spaces deflated to a few tens of KB", () => Bomb()),
        new("13-zip-bomb-entries.xlsx", "RPT062", "5,000 tiny entries", () => Zip([.. Enumerable.Range(0, 5000).Select(i => ($"x/{i}.xml", "<a/>"))])),
        // XML attacks.
        new("14-dtd-billion-laughs-workbook.xlsx", "RPT009", "entity expansion in workbook.xml", () => Patch(Good(), "xl/workbook.xml", xml => InsertDoctype(xml, "<!DOCTYPE workbook [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"))),
        new("15-xxe-sheet.xlsx", "RPT009", "an external entity in the sheet", () => Patch(Good(), "xl/worksheets/sheet1.xml", xml => InsertDoctype(xml, "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"))),
        new("16-xxe-shared-strings.xlsx", "RPT009", "an external entity in the shared strings", () => Patch(Good(), "xl/sharedStrings.xml", xml => InsertDoctype(xml, "<!DOCTYPE sst [<!ENTITY xxe SYSTEM \"http://example.invalid/x\">]>"))),
        new("17-dtd-content-types.xlsx", "RPT009", "a DTD in [Content_Types].xml", () => Patch(Good(), "[Content_Types].xml", xml => InsertDoctype(xml, "<!DOCTYPE Types [<!ENTITY e \"x\">]>"))),
        new("18-dtd-relationships.xlsx", "RPT009", "a DTD in the package relationships", () => Patch(Good(), "_rels/.rels", xml => InsertDoctype(xml, "<!DOCTYPE Relationships [<!ENTITY e \"x\">]>"))),
        new("19-malformed-workbook-xml.xlsx", "RPT008", "workbook.xml cut off mid-element", () => Patch(Good(), "xl/workbook.xml", xml => xml[..(xml.Length / 2)])),
        new("20-malformed-sheet-xml.xlsx", "RPT008", "a sheet with an unclosed element", () => Patch(Good(), "xl/worksheets/sheet1.xml", xml => xml.Replace("<sheetData>", "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></row>", StringComparison.Ordinal))),
        new("21-missing-sheet-part.xlsx", "RPT008", "the sheet part removed", () => Drop(Good(), "xl/worksheets/sheet1.xml")),
        // OLE2: legacy and encrypted.
        new("22-legacy.xls", "RPT002", "a legacy .xls workbook", () => Ole2("Workbook")),
        new("23-legacy-renamed.xlsx", "RPT002", "a legacy .xls renamed .xlsx", () => Ole2("Book")),
        new("24-encrypted.xlsx", "RPT005", "a password-protected workbook", () => Ole2("EncryptionInfo", "EncryptedPackage")),
        // Macros: read, never run, warned.
        new("25-macro-enabled.xlsm", "RPT060", "saved as .xlsm with a VBA project", () => WithMacros(Good("140427"))),
        new("26-macro-renamed.xlsx", "RPT060", "a macro-enabled workbook named .xlsx", () => WithMacros(Good("140428"))),
        // Size.
        new("27-million-rows.xlsx", "RPT063", "a sheet of 1,000,000 rows", () => MillionRows()),
        new("28-ten-thousand-sheets.xlsx", "RPT062", "a workbook listing 10,000 sheets", () => TenThousandSheets()),
        // Workbooks that are not this return.
        new("29-no-meta-names.xlsx", "RPT010", "a workbook of the county's own", () => Zip(
            ("_rels/.rels", XlsxTestFiles.RootRels), ("xl/workbook.xml", XlsxTestFiles.SimpleWorkbook),
            ("xl/_rels/workbook.xml.rels", XlsxTestFiles.WorkbookRels), ("xl/worksheets/sheet1.xml", XlsxTestFiles.SheetXml("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")))),
        new("30-other-return.xlsx", "RPT011", "another return's template", () => Edit(Good(), p => p.Workbook.Names[MetaNames.Return].Value = "employment-scale")),
        new("31-old-version.xlsx", "RPT012", "last year's template version", () => Edit(Good(), p => p.Workbook.Names[MetaNames.Version].Value = "0")),
        new("32-unit-not-in-roster.xlsx", "RPT013", "a unit code typed over", () => Edit(Good(), p => p.Workbook.Names[MetaNames.Unit].Value = "140499")),
        new("33-other-period.xlsx", "RPT014", "last month's template", () => Edit(Good(), p => p.Workbook.Names[MetaNames.Period].Value = "2022-05")),
        new("34-names-deleted.xlsx", "RPT020", "field names deleted", () => Edit(Good(), p => { p.Workbook.Names.Remove("cadre_total"); p.Workbook.Names.Remove("cadre_trained"); })),
        new("35-formula-without-value.xlsx", "RPT035", "a formula never calculated", () => Edit(Good(), p => p.Workbook.Names["proj_started"].Formula = "D12")),
        new("36-approximate-value.xlsx", "RPT073", "约500 in a 人 field", () => Edit(Good(), p => p.Workbook.Names["cadre_total"].Value = "约500")),
        // Accepted: text that looks like a formula stays text.
        new("37-formula-injection-remarks.xlsx", "", "remarks beginning with =, to be written back as text only", () => Edit(Good("140429"), p => p.Workbook.Names["remarks"].Value = "=HYPERLINK(\"http://example.invalid\",\"点此\")")),
        // Third round (issue 24): bounded XML, packages that read two ways, damage a stored part hides.
        new("38-xml-nested-too-deep.xlsx", "RPT065", "elements nested 100 deep ahead of the cells", () => Patch(Good(), Sheet, xml => xml.Replace("<sheetData>", string.Concat(Enumerable.Repeat("<x>", 100)) + string.Concat(Enumerable.Repeat("</x>", 100)) + "<sheetData>", StringComparison.Ordinal))),
        new("39-duplicate-zip-entry.xlsx", "RPT066", "a second sheet1.xml entry with other figures", () => ZipBytes([.. ZipParts.Read(Good()), (Sheet, Utf8.GetBytes(CellGivenTwice(Utf8.GetString(ZipParts.Read(Good()).Single(e => e.Name == Sheet).Content))))])),
        new("40-cell-given-twice.xlsx", "RPT066", "the cell of 务工总人数 given again with another value", () => Patch(Good(), Sheet, CellGivenTwice)),
        new("41-implied-columns-past-xfd.xlsx", "RPT066", "16,385 cells without r= in one row", () => Patch(Good(), Sheet, xml => xml.Replace("</sheetData>", "<row r=\"46\">" + string.Concat(Enumerable.Repeat("<c><v>1</v></c>", 16_385)) + "</row></sheetData>", StringComparison.Ordinal))),
        new("42-names-differing-in-case.xlsx", "RPT066", "EMP_TOTAL beside emp_total, pointing elsewhere", () => Patch(Good(), "xl/workbook.xml", xml => xml.Replace("<definedNames>", "<definedNames><definedName name=\"EMP_TOTAL\">'填报'!$D$9</definedName>", StringComparison.Ordinal))),
        new("43-damaged-stored-entry.xlsx", "RPT006", "a sheet stored without compression, one digit changed in transit", () => DamagedStoredSheet()),
        new("44-name-in-veryhidden-sheet.xlsx", "RPT067", "备注 moved onto a veryHidden sheet", () => Edit(Good("140430"), p =>
        {
            var hidden = p.Workbook.Worksheets.Add("隐藏");
            hidden.Cells["A1"].Value = "看不到的备注";
            hidden.Hidden = eWorkSheetHidden.VeryHidden;
            p.Workbook.Names.Remove("remarks");
            p.Workbook.Names.Add("remarks", hidden.Cells["A1"]);
        })),
        new("45-stray-cell-far-below.xlsx", "", "one stray cell at row 500,000 below the form", () => Patch(Good("140431"), Sheet, xml => xml.Replace("</sheetData>", "<row r=\"500000\"><c r=\"A500000\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData>", StringComparison.Ordinal))),
    ];

    private const string Sheet = "xl/worksheets/sheet1.xml";

    /// <summary>The cell of emp_total (D7) written a second time right after itself, with another figure.</summary>
    private static string CellGivenTwice(string xml)
    {
        var at = xml.IndexOf("<c r=\"D7\"", StringComparison.Ordinal);
        var end = xml.IndexOf("</c>", at, StringComparison.Ordinal) + 4;
        return xml[..end] + "<c r=\"D7\"><v>99999</v></c>" + xml[end..];
    }

    /// <summary>A good return whose sheet is stored without compression, one digit of a figure changed after zipping (the CRC no longer matches).</summary>
    private static byte[] DamagedStoredSheet()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in ZipParts.Read(Good()))
            {
                var entry = zip.CreateEntry(name, name == Sheet ? System.IO.Compression.CompressionLevel.NoCompression : System.IO.Compression.CompressionLevel.Optimal);
                entry.LastWriteTime = Stamp;
                using var stream = entry.Open();
                stream.Write(content);
            }
        }
        var bytes = buffer.ToArray();
        var cell = bytes.AsSpan().IndexOf("r=\"D7\""u8);
        var digit = cell + bytes.AsSpan(cell).IndexOf("<v>"u8) + 3;
        bytes[digit] = (byte)(bytes[digit] == (byte)'9' ? '1' : bytes[digit] + 1);
        return bytes;
    }

    /// <summary>Writes every file of the corpus into <paramref name="folder"/>.</summary>
    public static void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var entry in Entries)
        {
            File.WriteAllBytes(Path.Combine(folder, entry.FileName), entry.Make());
        }
    }

    // ------------------------------------------------------------------ makers

    /// <summary>A clean return of a sample unit, zip entries at a fixed time.</summary>
    public static byte[] Good(string unitCode = "140426")
    {
        var unit = Samples.Changzhi.Find(unitCode)!;
        var bytes = ReturnFiller.Fill(Samples.Template(unit), Samples.Campaign, Samples.ValuesOf(unit.Code));
        return ReproducibleZip.Normalize(bytes, Stamp);
    }

    private static byte[] Edit(byte[] workbook, Action<ExcelPackage> edit)
    {
        using var package = new ExcelPackage(new MemoryStream(workbook));
        edit(package);
        return ReproducibleZip.Normalize(package.GetAsByteArray(), Stamp);
    }

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    private static byte[] Noise(int length)
    {
        var bytes = new byte[length];
        new Random(20220701).NextBytes(bytes);
        return bytes;
    }

    private static byte[] Zip(params (string Name, string Content)[] entries) =>
        ZipBytes([.. entries.Select(e => (e.Name, Utf8.GetBytes(e.Content)))]);

    private static byte[] ZipBytes(IEnumerable<(string Name, byte[] Content)> entries) => ZipParts.Write(entries);

    private static byte[] Patch(byte[] workbook, string part, Func<string, string> change) =>
        ZipBytes(ZipParts.Read(workbook).Select(e => e.Name == part ? (e.Name, Utf8.GetBytes(change(Utf8.GetString(e.Content)))) : e));

    private static byte[] Drop(byte[] workbook, string part) => ZipBytes(ZipParts.Read(workbook).Where(e => e.Name != part));

    private static string InsertDoctype(string xml, string doctype)
    {
        var declarationEnd = xml.StartsWith("<?xml", StringComparison.Ordinal) ? xml.IndexOf("?>", StringComparison.Ordinal) + 2 : 0;
        return xml[..declarationEnd] + doctype + xml[declarationEnd..];
    }

    private static byte[] Bomb()
    {
        var spaces = new byte[64 << 20];
        Array.Fill(spaces, (byte)' ');
        return ZipBytes([("[Content_Types].xml", Utf8.GetBytes("<Types/>")), ("xl/worksheets/sheet1.xml", spaces)]);
    }

    /// <summary>A template whose content type says macro-enabled and which carries a (harmless, fake) VBA project.</summary>
    private static byte[] WithMacros(byte[] workbook)
    {
        var entries = ZipParts.Read(workbook)
            .Select(e => e.Name == "[Content_Types].xml"
                ? (e.Name, Utf8.GetBytes(Utf8.GetString(e.Content).Replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml", StringComparison.Ordinal)))
                : e)
            .Append(("xl/vbaProject.bin", Ole2("VBA", "PROJECT")))
            .ToList();
        return ZipBytes(entries);
    }

    private static byte[] MillionRows()
    {
        var sheet = new StringBuilder(20_000_000);
        sheet.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><dimension ref=\"A1:A1000000\"/><sheetData>");
        for (var row = 1; row <= 1_000_000; row++)
        {
            sheet.Append("<row r=\"").Append(row).Append("\"/>");
        }
        sheet.Append("</sheetData></worksheet>");
        return Patch(Good(), "xl/worksheets/sheet1.xml", _ => sheet.ToString());
    }

    private static byte[] TenThousandSheets()
    {
        var sheets = new StringBuilder();
        for (var i = 1; i <= 10_000; i++)
        {
            sheets.Append("<sheet name=\"S").Append(i).Append("\" sheetId=\"").Append(i).Append("\" r:id=\"rId1\"/>");
        }
        var workbook = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
            + sheets + "</sheets></workbook>";
        return Zip(("_rels/.rels", XlsxTestFiles.RootRels), ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", XlsxTestFiles.WorkbookRels), ("xl/worksheets/sheet1.xml", XlsxTestFiles.SheetXml("")));
    }

    /// <summary>
    /// A minimal OLE2 compound file: the header, one directory sector naming the given streams (UTF-16LE, as
    /// real directories do). Enough for identification by first bytes and directory names, which is all intake does.
    /// </summary>
    private static byte[] Ole2(params string[] streams)
    {
        var file = new byte[512 * 3];
        byte[] magic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        magic.CopyTo(file, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x18), 0x003E); // minor version
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x1A), 0x0003); // major version 3
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x1C), 0xFFFE); // little-endian
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x1E), 9);      // 512-byte sectors
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(0x20), 6);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(0x2C), 1);      // one FAT sector
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(0x30), 1);      // directory at sector 1
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(0x38), 4096);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(0x3C), 0xFFFFFFFE);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(0x44), 0xFFFFFFFE);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(0x4C), 0);      // FAT in sector 0
        for (var i = 1; i < 109; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(0x4C + (4 * i)), 0xFFFFFFFF);
        }
        var fat = 512;
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(fat), 0xFFFFFFFD);     // sector 0: FAT
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(fat + 4), 0xFFFFFFFE); // sector 1: directory, end of chain
        for (var i = 2; i < 128; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(fat + (4 * i)), 0xFFFFFFFF);
        }
        string[] names = ["Root Entry", .. streams];
        var directory = 1024;
        for (var i = 0; i < Math.Min(names.Length, 4); i++)
        {
            var at = directory + (128 * i);
            var name = Encoding.Unicode.GetBytes(names[i] + "\0");
            name.CopyTo(file, at);
            BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(at + 64), (ushort)name.Length);
            file[at + 66] = (byte)(i == 0 ? 5 : 2); // root storage, then streams
        }
        return file;
    }
}
