using System.IO.Compression;
using System.Xml;

namespace Reports.Outputs.Spreadsheet;

/// <summary>
/// The project's one spreadsheet writer: an .xlsx written straight into its zip as it is made, without a spreadsheet
/// library. Each sheet's rows go into its part as the caller gives them (<see cref="StreamedSheet"/>), so memory holds
/// one sheet's tail, the shared strings and the styles, never the cells; the receipts' small in-memory sheets
/// (<see cref="SpreadsheetPackage"/>) are written through it too, so both share one sheet part and one print setup.
/// Formulas stored with their values, frozen rows and columns, conditional formats, links, an autofilter, notes,
/// print titles and areas, fit-to-width or a fixed scale with column page breaks, and native charts. What Excel
/// requires is enforced here, whoever calls: only XML 1.0 characters in any part (<see cref="XmlChars"/>), at most
/// 32,767 characters a cell or note (a longer text cut and ended with <paramref name="cutMark"/>), notes past 1,023
/// on a sheet numbered in further VML id blocks. Every zip entry carries one fixed time, so the same sheets give the
/// same bytes. <paramref name="bufferSize"/>: the characters a part buffers (small for the thousands of receipts a run writes);
/// <paramref name="common"/>: the run's parts deflated once for every package that holds them (the receipts' styles,
/// workbook, relationships and content types).
/// </summary>
public sealed class StreamedWorkbook(Stream output, string title, DateTimeOffset created, string font, string cutMark = XmlChars.CutMark, int bufferSize = 1 << 16,
    DeflatedParts? common = null) : IDisposable
{
    /// <summary>The rows a worksheet holds in Excel (and LibreOffice); a sheet with more is refused or cut short.</summary>
    public const int MaxRows = 1_048_576;

    private const string SheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
    private const string DrawingType = "application/vnd.openxmlformats-officedocument.drawing+xml";
    private const string ChartType = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

    /// <summary>How every part is deflated: level 1, as before this writer had its own zip (deflate is about a tenth of the
    /// workbook's time in a profile at 3,000 units; the XML itself is most of it).</summary>
    private const CompressionLevel Level = CompressionLevel.Fastest;

    private readonly StyleTable _styles = new(font);
    private readonly SharedStrings _strings = new(cutMark);
    private readonly List<(string Name, PrintLayout Print, (int, int, int, int)? Filter)> _sheets = [];
    private readonly List<(string Part, string Type)> _overrides = [];
    private StreamedSheet? _open;
    private XmlText? _openXml;
    private Stream? _openEntry;
    private int _charts;
    // VML id block 0 is Excel's own; each sheet's notes take the next blocks.
    private int _nextCommentBlock = 1;
    private bool _vml;

    // Zip times are local, two-second, and cannot precede 1980.
    private readonly PackageZip _zip = new(output, new DateTimeOffset(Math.Max(created.Year, 1980), created.Month, created.Day, created.Hour, created.Minute, created.Second / 2 * 2, TimeSpan.Zero));
    private MemoryStream? _part;

    /// <summary>The number of a look in styles.xml; look a column's styles up once, not per cell.</summary>
    public int Style(CellStyle style) => _styles.IdOf(style);

    /// <summary>
    /// Adds a sheet (ending the one before) with its column widths (in digit widths) and the rows and columns kept in
    /// view; its rows follow through the sheet returned. <paramref name="fitToPage"/> false for a sheet printed at a
    /// fixed <see cref="PrintLayout.Scale"/>.
    /// </summary>
    public StreamedSheet Add(string name, IReadOnlyDictionary<int, double> widths, int frozenRows, int frozenColumns, bool fitToPage = true)
    {
        Close();
        var index = _sheets.Count;
        var entry = Entry($"xl/worksheets/sheet{index + 1}.xml");
        _overrides.Add(($"/xl/worksheets/sheet{index + 1}.xml", SheetType));
        var xml = new XmlText(entry, bufferSize);
        xml.Raw("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""")
            .Raw($"""<worksheet xmlns="{Ooxml.Main}" xmlns:r="{Ooxml.Relationships}">""")
            .Raw("<sheetPr><pageSetUpPr fitToPage=\"").Raw(fitToPage ? "1" : "0").Raw("\"/></sheetPr>")
            .Raw("<sheetViews><sheetView").Raw(index == 0 ? " tabSelected=\"1\"" : "").Raw(" workbookViewId=\"0\">");
        Panes(xml, frozenRows, frozenColumns);
        xml.Raw("</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>");
        if (widths.Count > 0)
        {
            xml.Raw("<cols>");
            foreach (var (column, width) in widths.OrderBy(w => w.Key))
            {
                xml.Raw("<col min=\"").Number(column).Raw("\" max=\"").Number(column).Raw("\" width=\"").Raw(Ooxml.Number(width)).Raw("\" customWidth=\"1\"/>");
            }
            xml.Raw("</cols>");
        }
        xml.Raw("<sheetData>");
        _open = new StreamedSheet(name, index, xml, _strings, _styles);
        _openXml = xml;
        _openEntry = entry;
        _sheets.Add((name, _open.Print, null));
        return _open;
    }

    /// <summary>Ends the last sheet and writes the parts that list what the sheets used.</summary>
    public void Finish()
    {
        Close();
        Common("[Content_Types].xml", ContentTypes);
        Common("_rels/.rels", xml => PackageParts.Relationships(xml, [("rId1", "officeDocument", "xl/workbook.xml"), ("rId2", "core", "docProps/core.xml")]));
        Common("docProps/core.xml", xml => PackageParts.Core(xml, title, created));
        Common("xl/workbook.xml", Workbook);
        Common("xl/_rels/workbook.xml.rels", xml => PackageParts.Relationships(xml,
        [
            .. _sheets.Select((_, i) => ($"rId{i + 1}", "worksheet", $"worksheets/sheet{i + 1}.xml")),
            ($"rId{_sheets.Count + 1}", "styles", "styles.xml"),
            ($"rId{_sheets.Count + 2}", "sharedStrings", "sharedStrings.xml"),
        ]));
        Common("xl/styles.xml", _styles.Write);
        Part("xl/sharedStrings.xml", _strings.Write);
        _zip.Finish();
    }

    public void Dispose()
    {
        _openXml?.Dispose();
        _openEntry?.Dispose();
        _zip.Dispose();
        _part?.Dispose();
    }

    private static void Panes(XmlText xml, int rows, int columns)
    {
        if (rows == 0 && columns == 0)
        {
            return;
        }
        var topLeft = Ooxml.Cell(rows + 1, columns + 1);
        var active = (rows, columns) switch { (0, _) => "topRight", (_, 0) => "bottomLeft", _ => "bottomRight" };
        xml.Raw("<pane");
        if (columns > 0)
        {
            xml.Raw(" xSplit=\"").Number(columns).Raw("\"");
        }
        if (rows > 0)
        {
            xml.Raw(" ySplit=\"").Number(rows).Raw("\"");
        }
        xml.Raw(" topLeftCell=\"").Raw(topLeft).Raw("\" activePane=\"").Raw(active).Raw("\" state=\"frozen\"/>");
        xml.Raw("<selection pane=\"").Raw(active).Raw("\" activeCell=\"").Raw(topLeft).Raw("\" sqref=\"").Raw(topLeft).Raw("\"/>");
    }

    /// <summary>Writes the open sheet's tail, closes its part, and adds its drawing and charts.</summary>
    private void Close()
    {
        if (_open is not { } sheet || _openXml is not { } xml)
        {
            return;
        }
        sheet.EndRow();
        xml.Raw("</sheetData>");
        if (sheet.AutoFilter is { } filter)
        {
            xml.Raw("<autoFilter ref=\"").Raw(Range(filter)).Raw("\"/>");
        }
        if (sheet.Merges.Count > 0)
        {
            xml.Raw("<mergeCells count=\"").Number(sheet.Merges.Count).Raw("\">");
            foreach (var merge in sheet.Merges)
            {
                xml.Raw("<mergeCell ref=\"").Raw(Range(merge)).Raw("\"/>");
            }
            xml.Raw("</mergeCells>");
        }
        foreach (var rule in sheet.ConditionalFormats)
        {
            xml.Raw("<conditionalFormatting sqref=\"").Raw(rule.Range).Raw("\"><cfRule type=\"expression\" dxfId=\"")
                .Number(_styles.DifferentialIdOf(rule.Fill, rule.FontColor)).Raw("\" priority=\"").Number(rule.Priority).Raw("\"><formula>")
                .Escaped(rule.Formula).Raw("</formula></cfRule></conditionalFormatting>");
        }
        if (sheet.Links.Count > 0)
        {
            xml.Raw("<hyperlinks>");
            foreach (var (row, column, location, display) in sheet.Links)
            {
                xml.Raw("<hyperlink ref=\"").Raw(Ooxml.Cell(row, column)).Raw("\" location=\"").Escaped(location).Raw("\" display=\"").Escaped(display).Raw("\"/>");
            }
            xml.Raw("</hyperlinks>");
        }
        var print = sheet.Print;
        if (print.CenteredHorizontally)
        {
            xml.Raw("<printOptions horizontalCentered=\"1\"/>");
        }
        xml.Raw("<pageMargins left=\"").Number(print.Side).Raw("\" right=\"").Number(print.Side).Raw("\" top=\"").Number(print.Top)
            .Raw("\" bottom=\"").Number(print.Bottom).Raw("\" header=\"").Number(print.HeaderMargin).Raw("\" footer=\"").Number(print.HeaderMargin).Raw("\"/>");
        xml.Raw("<pageSetup paperSize=\"").Number(PrintLayout.PaperA4).Raw("\"");
        if (print.Scale is { } scale)
        {
            xml.Raw(" scale=\"").Number(scale).Raw("\"");
        }
        xml.Raw(" fitToWidth=\"1\" fitToHeight=\"0\" orientation=\"").Raw(print.Landscape ? "landscape" : "portrait").Raw("\"/>");
        xml.Raw("<headerFooter>");
        HeaderOrFooter(xml, "oddHeader", print.HeaderLeft, print.HeaderCenter, print.HeaderRight);
        HeaderOrFooter(xml, "oddFooter", print.FooterLeft, print.FooterCenter, print.FooterRight);
        xml.Raw("</headerFooter>");
        if (print.ColumnBreaks.Count > 0)
        {
            xml.Raw("<colBreaks count=\"").Number(print.ColumnBreaks.Count).Raw("\" manualBreakCount=\"").Number(print.ColumnBreaks.Count).Raw("\">");
            foreach (var column in print.ColumnBreaks)
            {
                xml.Raw("<brk id=\"").Number(column).Raw("\" max=\"1048575\" man=\"1\"/>");
            }
            xml.Raw("</colBreaks>");
        }
        if (sheet.Charts.Count > 0)
        {
            xml.Raw("<drawing r:id=\"rId1\"/>");
        }
        if (sheet.Comments.Count > 0)
        {
            xml.Raw("<legacyDrawing r:id=\"rId3\"/>");
        }
        xml.Raw("</worksheet>");
        xml.Dispose();
        _openEntry!.Dispose();
        _sheets[sheet.Index] = (sheet.Name, print, sheet.AutoFilter);
        _open = null;
        _openXml = null;
        _openEntry = null;
        var number = sheet.Index + 1;
        var relationships = new List<(string, string, string)>();
        if (sheet.Charts.Count > 0)
        {
            relationships.Add(("rId1", "drawing", $"../drawings/drawing{number}.xml"));
            Drawing(sheet);
        }
        if (sheet.Comments.Count > 0)
        {
            relationships.Add(("rId2", "comments", $"../comments{number}.xml"));
            relationships.Add(("rId3", "vmlDrawing", $"../drawings/vmlDrawing{number}.vml"));
            Notes(sheet);
        }
        if (relationships.Count > 0)
        {
            Common($"xl/worksheets/_rels/sheet{number}.xml.rels", xml => PackageParts.Relationships(xml, relationships));
        }
    }

    /// <summary>The sheet's notes: the comments part and the VML boxes, in id blocks no other sheet uses.</summary>
    private void Notes(StreamedSheet sheet)
    {
        var number = sheet.Index + 1;
        Part($"xl/comments{number}.xml", xml => CommentParts.Comments(xml, sheet.Comments, cutMark));
        _overrides.Add(($"/xl/comments{number}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"));
        using (var vml = new StreamWriter(Entry($"xl/drawings/vmlDrawing{number}.vml"), Ooxml.Settings.Encoding))
        {
            vml.Write(CommentParts.Drawing(sheet.Comments, _nextCommentBlock));
        }
        _nextCommentBlock += CommentParts.Blocks(sheet.Comments.Count);
        _vml = true;
    }

    private static void HeaderOrFooter(XmlText xml, string element, string? left, string? center, string? right)
    {
        if (left is null && center is null && right is null)
        {
            return;
        }
        xml.Raw("<").Raw(element).Raw(">");
        if (left is not null)
        {
            xml.Raw("&amp;L").Escaped(left);
        }
        if (center is not null)
        {
            xml.Raw("&amp;C").Escaped(center);
        }
        if (right is not null)
        {
            xml.Raw("&amp;R").Escaped(right);
        }
        xml.Raw("</").Raw(element).Raw(">");
    }

    /// <summary>The sheet's drawing: each chart anchored from one cell corner to another, and the chart parts themselves.</summary>
    private void Drawing(StreamedSheet sheet)
    {
        const int Emu = 9525; // EMUs in a pixel at 96 dpi
        var number = sheet.Index + 1;
        var charts = sheet.Charts.Select(chart => (Chart: chart, Number: ++_charts)).ToList();
        Part($"xl/drawings/_rels/drawing{number}.xml.rels", xml => PackageParts.Relationships(xml,
            charts.Select((c, i) => ($"rId{i + 1}", "chart", $"../charts/chart{c.Number}.xml"))));
        _overrides.Add(($"/xl/drawings/drawing{number}.xml", DrawingType));
        using (var xml = new XmlText(Entry($"xl/drawings/drawing{number}.xml"), bufferSize))
        {
            xml.Raw("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""")
                .Raw("""<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">""");
            for (var i = 0; i < charts.Count; i++)
            {
                var chart = charts[i].Chart;
                xml.Raw("<xdr:twoCellAnchor editAs=\"oneCell\">");
                foreach (var (element, (column, offset, row)) in new[] { ("from", chart.From), ("to", chart.To) })
                {
                    xml.Raw("<xdr:").Raw(element).Raw("><xdr:col>").Number(column).Raw("</xdr:col><xdr:colOff>").Number(offset * Emu)
                        .Raw("</xdr:colOff><xdr:row>").Number(row).Raw("</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:").Raw(element).Raw(">");
                }
                xml.Raw("<xdr:graphicFrame macro=\"\"><xdr:nvGraphicFramePr><xdr:cNvPr id=\"").Number(i + 2).Raw("\" name=\"").Escaped(chart.Name)
                    .Raw("\"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/></xdr:xfrm>")
                    .Raw("<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\">")
                    .Raw("<c:chart xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" xmlns:r=\"").Raw(Ooxml.Relationships).Raw("\" r:id=\"rId").Number(i + 1).Raw("\"/>")
                    .Raw("</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>");
            }
            xml.Raw("</xdr:wsDr>");
        }
        foreach (var (chart, chartNumber) in charts)
        {
            _overrides.Add(($"/xl/charts/chart{chartNumber}.xml", ChartType));
            using var xml = new XmlText(Entry($"xl/charts/chart{chartNumber}.xml"), bufferSize);
            // The caller's chart XML too carries only what XML 1.0 allows, whatever its escaping did.
            xml.Raw(XmlChars.Clean(chart.Xml));
        }
    }

    private static string Range((int Row, int Column, int LastRow, int LastColumn) range) =>
        $"{Ooxml.Cell(range.Row, range.Column)}:{Ooxml.Cell(range.LastRow, range.LastColumn)}";

    private static string Quoted(string sheet) => $"'{sheet.Replace("'", "''", StringComparison.Ordinal)}'";

    private void Workbook(XmlWriter xml)
    {
        Ooxml.StartWorkbook(xml, _sheets.Select(s => s.Name));

        var names = new List<(string Name, int Sheet, string Text, bool Hidden)>();
        for (var i = 0; i < _sheets.Count; i++)
        {
            var (name, print, filter) = _sheets[i];
            var sheet = Quoted(name);
            if (filter is { } range)
            {
                names.Add(("_xlnm._FilterDatabase", i, $"{sheet}!{Absolute(range.Item1, range.Item2)}:{Absolute(range.Item3, range.Item4)}", true));
            }
            if (print.Area is { } area)
            {
                names.Add(("_xlnm.Print_Area", i, $"{sheet}!{Absolute(area.Row, area.Column)}:{Absolute(area.LastRow, area.LastColumn)}", false));
            }
            var titles = new List<string>();
            if (print.TitleColumns is { } columns)
            {
                titles.Add($"{sheet}!${Ooxml.Column(columns.First)}:${Ooxml.Column(columns.Last)}");
            }
            if (print.TitleRows is { } rows)
            {
                titles.Add($"{sheet}!${Ooxml.Number(rows.First)}:${Ooxml.Number(rows.Last)}");
            }
            if (titles.Count > 0)
            {
                names.Add(("_xlnm.Print_Titles", i, string.Join(",", titles), false));
            }
        }
        if (names.Count > 0)
        {
            xml.WriteStartElement("definedNames");
            foreach (var (name, sheet, text, hidden) in names)
            {
                xml.WriteStartElement("definedName");
                xml.WriteAttributeString("name", name);
                xml.WriteAttributeString("localSheetId", Ooxml.Number(sheet));
                if (hidden)
                {
                    xml.WriteAttributeString("hidden", "1");
                }
                xml.WriteString(XmlChars.Clean(text));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        // The stored values are the merge's figures, so Excel need not recalculate on open (and then ask to save).
        xml.WriteStartElement("calcPr");
        xml.WriteAttributeString("fullCalcOnLoad", "0");
        xml.WriteEndElement();
        xml.WriteEndElement();

        static string Absolute(int row, int column) => $"${Ooxml.Column(column)}${Ooxml.Number(row)}";
    }

    private void ContentTypes(XmlWriter xml)
    {
        xml.WriteStartElement("Types", Ooxml.ContentTypes);
        Default("rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default("xml", "application/xml");
        if (_vml)
        {
            Default("vml", "application/vnd.openxmlformats-officedocument.vmlDrawing");
        }
        Override("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
        Override("/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
        Override("/xl/sharedStrings.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml");
        Override("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
        foreach (var (part, type) in _overrides)
        {
            Override(part, type);
        }
        xml.WriteEndElement();

        void Default(string extension, string type)
        {
            xml.WriteStartElement("Default");
            xml.WriteAttributeString("Extension", extension);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }

        void Override(string part, string type)
        {
            xml.WriteStartElement("Override");
            xml.WriteAttributeString("PartName", part);
            xml.WriteAttributeString("ContentType", type);
            xml.WriteEndElement();
        }
    }

    private Stream Entry(string path) => _zip.Open(path, Level);

    /// <summary>
    /// A small part made whole and then added: one many packages of the run hold alike is deflated once
    /// (<paramref name="common"/>); a title or a time makes core.xml each package's own, deflated on its own.
    /// </summary>
    private void Common(string path, Action<XmlWriter> write)
    {
        var part = _part ??= new MemoryStream(4096);
        part.SetLength(0);
        using (var xml = XmlWriter.Create(part, Ooxml.Settings))
        {
            xml.WriteStartDocument(standalone: true);
            write(xml);
            xml.WriteEndDocument();
        }
        _zip.Add(path, part.GetBuffer().AsSpan(0, (int)part.Length), common, Level);
    }

    private void Part(string path, Action<XmlWriter> write)
    {
        using var open = Entry(path);
        using var xml = XmlWriter.Create(open, Ooxml.Settings);
        xml.WriteStartDocument(standalone: true);
        write(xml);
        xml.WriteEndDocument();
    }
}
