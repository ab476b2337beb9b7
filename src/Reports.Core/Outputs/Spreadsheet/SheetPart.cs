using System.Text;
using System.Xml;

namespace Reports.Outputs.Spreadsheet;

/// <summary>One worksheet's XML, its elements in the order the schema wants them.</summary>
internal static class SheetPart
{
    private const double Margin = 0.5;

    public static void Write(XmlWriter xml, Sheet sheet, bool selected, StyleTable styles, SharedStrings strings)
    {
        xml.WriteStartElement("worksheet", Ooxml.Main);
        xml.WriteAttributeString("xmlns", "r", null, Ooxml.Relationships);
        xml.WriteStartElement("sheetPr");
        xml.WriteStartElement("pageSetUpPr");
        xml.WriteAttributeString("fitToPage", "1");
        xml.WriteEndElement();
        xml.WriteEndElement();

        var rows = sheet.Rows.Select(r => (r.Row, Cells: r.Cells.ToList())).Where(r => r.Cells.Count > 0).ToList();
        if (rows.Count > 0)
        {
            xml.WriteStartElement("dimension");
            var lastColumn = Math.Max(1, rows.Max(r => r.Cells[^1].Column));
            xml.WriteAttributeString("ref", $"A{rows[0].Row}:{Ooxml.Cell(rows[^1].Row, lastColumn)}");
            xml.WriteEndElement();
        }

        xml.WriteStartElement("sheetViews");
        xml.WriteStartElement("sheetView");
        if (selected)
        {
            xml.WriteAttributeString("tabSelected", "1");
        }
        xml.WriteAttributeString("workbookViewId", "0");
        if (sheet.FrozenRows > 0)
        {
            var topLeft = Ooxml.Cell(sheet.FrozenRows + 1, 1);
            xml.WriteStartElement("pane");
            xml.WriteAttributeString("ySplit", Ooxml.Number(sheet.FrozenRows));
            xml.WriteAttributeString("topLeftCell", topLeft);
            xml.WriteAttributeString("activePane", "bottomLeft");
            xml.WriteAttributeString("state", "frozen");
            xml.WriteEndElement();
            xml.WriteStartElement("selection");
            xml.WriteAttributeString("pane", "bottomLeft");
            xml.WriteAttributeString("activeCell", topLeft);
            xml.WriteAttributeString("sqref", topLeft);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("sheetFormatPr");
        xml.WriteAttributeString("defaultRowHeight", "15");
        xml.WriteEndElement();

        if (sheet.Widths.Count > 0)
        {
            xml.WriteStartElement("cols");
            foreach (var (column, width) in sheet.Widths)
            {
                xml.WriteStartElement("col");
                xml.WriteAttributeString("min", Ooxml.Number(column));
                xml.WriteAttributeString("max", Ooxml.Number(column));
                xml.WriteAttributeString("width", Ooxml.Number(width));
                xml.WriteAttributeString("customWidth", "1");
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }

        // The cells are most of the part: written as raw text (numbers, references, indexes need no escaping), which
        // costs a fraction of an element-by-element write.
        var data = new StringBuilder(256 + rows.Sum(r => r.Cells.Count) * 32);
        data.Append("<sheetData>");
        foreach (var (row, cells) in rows)
        {
            data.Append("<row r=\"").Append(row).Append('"');
            if (sheet.Heights.TryGetValue(row, out var height))
            {
                data.Append(" ht=\"").Append(Ooxml.Number(height)).Append("\" customHeight=\"1\"");
            }
            data.Append('>');
            foreach (var (column, cell) in cells)
            {
                data.Append("<c r=\"").Append(Ooxml.Column(column)).Append(row).Append('"');
                var style = styles.IdOf(cell.Style);
                if (style != 0)
                {
                    data.Append(" s=\"").Append(style).Append('"');
                }
                if (cell.Text is { } text)
                {
                    data.Append(" t=\"s\"><v>").Append(strings.IndexOf(text)).Append("</v></c>");
                }
                else if (cell.Number is { } number)
                {
                    data.Append("><v>").Append(Ooxml.Number(number)).Append("</v></c>");
                }
                else
                {
                    data.Append("/>");
                }
            }
            data.Append("</row>");
        }
        data.Append("</sheetData>");
        xml.WriteRaw(data.ToString());

        if (sheet.Merges.Count > 0)
        {
            xml.WriteStartElement("mergeCells");
            xml.WriteAttributeString("count", Ooxml.Number(sheet.Merges.Count));
            foreach (var (row, column, lastRow, lastColumn) in sheet.Merges)
            {
                xml.WriteStartElement("mergeCell");
                xml.WriteAttributeString("ref", $"{Ooxml.Cell(row, column)}:{Ooxml.Cell(lastRow, lastColumn)}");
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }

        xml.WriteStartElement("pageMargins");
        xml.WriteAttributeString("left", Ooxml.Number(Margin));
        xml.WriteAttributeString("right", Ooxml.Number(Margin));
        xml.WriteAttributeString("top", "0.75");
        xml.WriteAttributeString("bottom", "0.75");
        xml.WriteAttributeString("header", "0.3");
        xml.WriteAttributeString("footer", "0.3");
        xml.WriteEndElement();

        xml.WriteStartElement("pageSetup");
        xml.WriteAttributeString("paperSize", Ooxml.Number(PageSetup.PaperA4));
        xml.WriteAttributeString("fitToWidth", "1");
        xml.WriteAttributeString("fitToHeight", "0");
        xml.WriteAttributeString("orientation", sheet.Print.Landscape ? "landscape" : "portrait");
        xml.WriteEndElement();

        xml.WriteStartElement("headerFooter");
        if (sheet.Print.Header is { } header)
        {
            // "&" starts a header code: a literal one is doubled.
            xml.WriteElementString("oddHeader", "&C" + header.Replace("&", "&&", StringComparison.Ordinal));
        }
        xml.WriteElementString("oddFooter", "&C第 &P 页，共 &N 页");
        xml.WriteEndElement();

        if (sheet.Comments.Count > 0)
        {
            xml.WriteStartElement("legacyDrawing");
            xml.WriteAttributeString("id", Ooxml.Relationships, "rId2");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }
}
