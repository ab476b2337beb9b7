using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using OfficeOpenXml;

namespace Reports.Tests.Intake.Xlsx;

/// <summary>Builds test workbooks: with EPPlus, with the Open XML SDK, and as hand-made zips.</summary>
internal static class XlsxTestFiles
{
    public const string ChineseSheet = "潞州区 (2)";

    /// <summary>
    /// EPPlus workbook: sheet "Sheet1" and sheet "潞州区 (2)"; names for numbers, strings (incl. Chinese),
    /// a calculated formula, an uncalculated formula, a boolean, an error, an empty cell, a range and a local name.
    /// </summary>
    public static byte[] EpplusWorkbook(bool calculate = true)
    {
        using var package = new ExcelPackage();
        var s1 = package.Workbook.Worksheets.Add("Sheet1");
        var s2 = package.Workbook.Worksheets.Add(ChineseSheet);

        s1.Cells["A1"].Value = "单位名称";
        s1.Cells["B1"].Value = "潞州区人力资源和社会保障局";
        s1.Cells["C5"].Value = 1234;
        s1.Cells["C6"].Value = 0.1;
        s1.Cells["C7"].Value = -2.5e-7;
        s1.Cells["C8"].Value = true;
        s2.Cells["C5"].Value = 42;
        s2.Cells["D5"].Value = "  leading and trailing  ";
        s2.Cells["C9"].Formula = $"'{ChineseSheet}'!C5*2";
        s2.Cells["C10"].Formula = "1/0";

        var names = package.Workbook.Names;
        names.Add("unit_name", s1.Cells["B1"]);
        names.Add("emp_total", s1.Cells["C5"]);
        names.Add("ratio", s1.Cells["C6"]);
        names.Add("tiny", s1.Cells["C7"]);
        names.Add("flag", s1.Cells["C8"]);
        names.Add("empty_cell", s1.Cells["E20"]);
        names.Add("cn_value", s2.Cells["C5"]);
        names.Add("padded", s2.Cells["D5"]);
        names.Add("doubled", s2.Cells["C9"]);
        names.Add("div_zero", s2.Cells["C10"]);
        names.Add("a_range", s1.Cells["C5:C8"]);
        s2.Names.Add("local_total", s2.Cells["C5"]);

        if (calculate)
        {
            package.Workbook.Calculate();
        }
        // A formula EPPlus never calculates (set after Calculate): no cached value.
        s1.Cells["D9"].Formula = "C5+1";
        names.Add("uncalculated", s1.Cells["D9"]);

        return package.GetAsByteArray();
    }

    /// <summary>EPPlus workbook with <paramref name="count"/> numeric names on one sheet (the timing fixture).</summary>
    public static byte[] EpplusManyNames(int count)
    {
        using var package = new ExcelPackage();
        var s = package.Workbook.Worksheets.Add("表1");
        for (var i = 1; i <= count; i++)
        {
            s.Cells[i + 2, 3].Value = i * 10;
            s.Cells[i + 2, 4].Value = "文字" + i;
            package.Workbook.Names.Add("value_" + i, s.Cells[i + 2, i % 2 == 0 ? 3 : 4]);
        }
        // Some filler so the sheet is not trivially tiny.
        for (var r = 30; r < 230; r++)
        {
            for (var c = 1; c <= 10; c++)
            {
                s.Cells[r, c].Value = r * c;
            }
        }
        return package.GetAsByteArray();
    }

    /// <summary>
    /// Open XML SDK workbook with edge cases: a sheet named "Bob's Sheet 1" (space + apostrophe), inline strings,
    /// rows and cells WITHOUT r attributes, shared strings with rich runs and phonetic runs, a #REF! name,
    /// a quoted one-cell range name, a constant name, a 3-D and an external-style reference.
    /// </summary>
    public static byte[] OpenXmlWorkbook()
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wbPart = doc.AddWorkbookPart();
            wbPart.Workbook = new Workbook();

            var sst = wbPart.AddNewPart<SharedStringTablePart>();
            sst.SharedStringTable = new SharedStringTable(
                new SharedStringItem(new Text("plain")),
                new SharedStringItem(
                    new Run(new RunProperties(new Bold()), new Text("Rich ") { Space = SpaceProcessingModeValues.Preserve }),
                    new Run(new Text("text")),
                    new PhoneticRun(new Text("ふりがな")) { BaseTextStartIndex = 0, EndingBaseIndex = 1 },
                    new PhoneticProperties { FontId = 1 }),
                new SharedStringItem(new Text("第三")));

            var wsPart = wbPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            // Row 1 (explicit r): A1 inline string, B1 shared rich string, C1 shared string index 2.
            data.Append(new Row(
                new Cell { CellReference = "A1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("inline 文本")) },
                new Cell { CellReference = "B1", DataType = CellValues.SharedString, CellValue = new CellValue("1") },
                new Cell { CellReference = "C1", DataType = CellValues.SharedString, CellValue = new CellValue("2") })
            { RowIndex = 1 });
            // Row 2 without r: cells without r → A2, B2, C2.
            data.Append(new Row(
                new Cell { CellValue = new CellValue("21") },
                new Cell { CellValue = new CellValue("22") },
                new Cell { DataType = CellValues.SharedString, CellValue = new CellValue("0") }));
            // Row 5 explicit, cells: D5 explicit, then two without r → E5, F5.
            data.Append(new Row(
                new Cell { CellReference = "D5", CellValue = new CellValue("54") },
                new Cell { CellValue = new CellValue("55") },
                new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Run(new Text("run1")), new Run(new Text("+run2"))) })
            { RowIndex = 5 });
            // Row 6 without r (follows 5).
            data.Append(new Row(new Cell { CellValue = new CellValue("61") }));
            wsPart.Worksheet = new Worksheet(data);

            var wsPart2 = wbPart.AddNewPart<WorksheetPart>();
            wsPart2.Worksheet = new Worksheet(new SheetData(
                new Row(new Cell { CellReference = "A1", CellValue = new CellValue("7") }) { RowIndex = 1 }));

            var sheets = wbPart.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Name = "Bob's Sheet 1", SheetId = 1, Id = wbPart.GetIdOfPart(wsPart) });
            sheets.Append(new Sheet { Name = "Other", SheetId = 2, Id = wbPart.GetIdOfPart(wsPart2) });

            wbPart.Workbook.Append(new DefinedNames(
                new DefinedName("'Bob''s Sheet 1'!$A$1") { Name = "inline_name" },
                new DefinedName("'Bob''s Sheet 1'!$B$1:$B$1") { Name = "rich_name" },
                new DefinedName("'Bob''s Sheet 1'!$C$2") { Name = "norref_name" },
                new DefinedName("'Bob''s Sheet 1'!$F$5") { Name = "inline_runs" },
                new DefinedName("'Bob''s Sheet 1'!A6") { Name = "row6" },
                new DefinedName("#REF!") { Name = "broken" },
                new DefinedName("Other!#REF!") { Name = "broken_sheet" },
                new DefinedName("0.25") { Name = "constant" },
                new DefinedName("Other:Other!$A$1") { Name = "three_d" },
                new DefinedName("[1]Other!$A$1") { Name = "external" },
                new DefinedName("Other!$A$1") { Name = "local_a1", LocalSheetId = 1 },
                new DefinedName("'Bob''s Sheet 1'!$A$1:$D$5") { Name = "_xlnm.Print_Area", LocalSheetId = 0 }));
            wbPart.Workbook.Save();
        }
        return ms.ToArray();
    }

    // ------------------------------------------------------------------ hand-made zips

    public static byte[] Zip(params (string Name, string Content)[] entries)
        => ZipBytes(entries.Select(e => (e.Name, new UTF8Encoding(false).GetBytes(e.Content))).ToArray());

    public static byte[] ZipBytes(params (string Name, byte[] Content)[] entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var e = zip.CreateEntry(name, System.IO.Compression.CompressionLevel.Fastest);
                using var s = e.Open();
                s.Write(content);
            }
        }
        return ms.ToArray();
    }

    public const string RootRels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
        </Relationships>
        """;

    public const string WorkbookRels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
        </Relationships>
        """;

    public const string SimpleWorkbook = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
          <sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>
          <definedNames><definedName name="x">Sheet1!$A$1</definedName></definedNames>
        </workbook>
        """;

    public static string SheetXml(string sheetDataInner) => $"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheetDataInner}</sheetData></worksheet>
        """;

    /// <summary>A minimal valid package with one sheet whose sheetData is given.</summary>
    public static byte[] MinimalWorkbook(string sheetDataInner, string? workbookXml = null) => Zip(
        ("_rels/.rels", RootRels),
        ("xl/workbook.xml", workbookXml ?? SimpleWorkbook),
        ("xl/_rels/workbook.xml.rels", WorkbookRels),
        ("xl/worksheets/sheet1.xml", SheetXml(sheetDataInner)));

    /// <summary>
    /// Rewrites the declared uncompressed size of one entry (local header and central directory) to lie about it,
    /// leaving the compressed data intact: a zip that inflates far beyond what it declares.
    /// </summary>
    public static byte[] PatchDeclaredSize(byte[] zip, string entryName, uint declaredSize)
    {
        var bytes = (byte[])zip.Clone();
        var name = Encoding.UTF8.GetBytes(entryName);
        var patched = 0;
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            if (bytes[i] != 0x50 || bytes[i + 1] != 0x4B)
            {
                continue;
            }
            if (bytes[i + 2] == 0x03 && bytes[i + 3] == 0x04)
            {
                int nameLen = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 26));
                if (bytes.AsSpan(i + 30, nameLen).SequenceEqual(name))
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 22), declaredSize);
                    patched++;
                }
            }
            else if (bytes[i + 2] == 0x01 && bytes[i + 3] == 0x02)
            {
                int nameLen = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i + 28));
                if (bytes.AsSpan(i + 46, nameLen).SequenceEqual(name))
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + 24), declaredSize);
                    patched++;
                }
            }
        }
        if (patched != 2)
        {
            throw new InvalidOperationException($"expected to patch 2 headers, patched {patched}");
        }
        return bytes;
    }

    /// <summary>A stream that hides CanSeek (as a network or pipe stream would).</summary>
    public sealed class NonSeekableStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
