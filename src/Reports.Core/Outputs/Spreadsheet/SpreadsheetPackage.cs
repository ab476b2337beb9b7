using System.IO.Compression;
using System.Xml;

namespace Reports.Outputs.Spreadsheet;

/// <summary>
/// A small .xlsx written straight to its zip parts, without a spreadsheet library: shared strings, styles, column
/// widths, merged cells, notes (with the VML Excel needs to show them), frozen rows and A4 print setup (fit to width,
/// print titles, page header and footer). Made for receipts — thousands of small workbooks a run, each in well
/// under a millisecond. Every entry carries one fixed time, so the same sheets give the same bytes.
/// </summary>
public sealed class SpreadsheetPackage(string title, DateTimeOffset created)
{
    public List<Sheet> Sheets { get; } = [];

    public Sheet Add(string name)
    {
        var sheet = new Sheet(name);
        Sheets.Add(sheet);
        return sheet;
    }

    public byte[] ToArray()
    {
        using var buffer = new MemoryStream(16 * 1024);
        Write(buffer);
        return buffer.ToArray();
    }

    public void Write(Stream stream)
    {
        // Zip times are local, two-second, and cannot precede 1980.
        var time = new DateTimeOffset(Math.Max(created.Year, 1980), created.Month, created.Day, created.Hour, created.Minute, created.Second / 2 * 2, TimeSpan.Zero);
        var styles = new StyleTable();
        var strings = new SharedStrings();
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);

        void Part(string path, Action<XmlWriter> write)
        {
            var entry = zip.CreateEntry(path, CompressionLevel.Fastest);
            entry.LastWriteTime = time;
            using var open = entry.Open();
            using var xml = XmlWriter.Create(open, Ooxml.Settings);
            xml.WriteStartDocument(standalone: true);
            write(xml);
            xml.WriteEndDocument();
        }

        Part("[Content_Types].xml", ContentTypes);
        Part("_rels/.rels", xml => PackageParts.Relationships(xml, [("rId1", "officeDocument", "xl/workbook.xml"), ("rId2", "core", "docProps/core.xml")]));
        Part("docProps/core.xml", xml => PackageParts.Core(xml, title, created));
        Part("xl/workbook.xml", Workbook);
        Part("xl/_rels/workbook.xml.rels", xml => PackageParts.Relationships(xml,
        [
            .. Sheets.Select((_, i) => ($"rId{i + 1}", "worksheet", $"worksheets/sheet{i + 1}.xml")),
            ($"rId{Sheets.Count + 1}", "styles", "styles.xml"),
            ($"rId{Sheets.Count + 2}", "sharedStrings", "sharedStrings.xml"),
        ]));
        for (var i = 0; i < Sheets.Count; i++)
        {
            var sheet = Sheets[i];
            var number = i + 1;
            Part($"xl/worksheets/sheet{number}.xml", xml => SheetPart.Write(xml, sheet, i == 0, styles, strings));
            if (sheet.Comments.Count > 0)
            {
                Part($"xl/worksheets/_rels/sheet{number}.xml.rels", xml => PackageParts.Relationships(xml,
                [
                    ("rId1", "comments", $"../comments{number}.xml"),
                    ("rId2", "vmlDrawing", $"../drawings/vmlDrawing{number}.vml"),
                ]));
                Part($"xl/comments{number}.xml", xml => CommentParts.Comments(xml, sheet.Comments));
                var drawing = zip.CreateEntry($"xl/drawings/vmlDrawing{number}.vml", CompressionLevel.Fastest);
                drawing.LastWriteTime = time;
                using var text = new StreamWriter(drawing.Open(), Ooxml.Settings.Encoding);
                text.Write(CommentParts.Drawing(sheet.Comments, number));
            }
        }
        // Written last: they hold what the sheets used.
        Part("xl/styles.xml", styles.Write);
        Part("xl/sharedStrings.xml", strings.Write);
    }

    private void ContentTypes(XmlWriter xml)
    {
        xml.WriteStartElement("Types", Ooxml.ContentTypes);
        Default(xml, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default(xml, "xml", "application/xml");
        Default(xml, "vml", "application/vnd.openxmlformats-officedocument.vmlDrawing");
        Override(xml, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
        Override(xml, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
        Override(xml, "/xl/sharedStrings.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml");
        Override(xml, "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
        for (var i = 1; i <= Sheets.Count; i++)
        {
            Override(xml, $"/xl/worksheets/sheet{i}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
            if (Sheets[i - 1].Comments.Count > 0)
            {
                Override(xml, $"/xl/comments{i}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml");
            }
        }
        xml.WriteEndElement();

        static void Default(XmlWriter xml, string extension, string type)
        {
            xml.WriteStartElement("Default");
            xml.WriteAttributeString("Extension", extension);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }

        static void Override(XmlWriter xml, string part, string type)
        {
            xml.WriteStartElement("Override");
            xml.WriteAttributeString("PartName", part);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }
    }

    private void Workbook(XmlWriter xml)
    {
        Ooxml.StartWorkbook(xml, Sheets.Select(s => s.Name));
        var titled = Sheets.Select((s, i) => (Sheet: s, Index: i)).Where(s => s.Sheet.Print.TitleRows is not null).ToList();
        if (titled.Count > 0)
        {
            xml.WriteStartElement("definedNames");
            foreach (var (sheet, index) in titled)
            {
                var (first, last) = sheet.Print.TitleRows!.Value;
                xml.WriteStartElement("definedName");
                xml.WriteAttributeString("name", "_xlnm.Print_Titles");
                xml.WriteAttributeString("localSheetId", Ooxml.Number(index));
                xml.WriteString($"'{sheet.Name.Replace("'", "''", StringComparison.Ordinal)}'!${first}:${last}");
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }
}
