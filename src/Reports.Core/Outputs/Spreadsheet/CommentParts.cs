using System.Text;
using System.Xml;

namespace Reports.Outputs.Spreadsheet;

/// <summary>
/// A sheet's notes: the comments part (author and text: XML 1.0 characters, at most 32,767 of them, a longer text cut
/// and ended with the package's mark) and the VML drawing Excel needs to show each box.
/// </summary>
internal static class CommentParts
{
    /// <summary>The shapes one VML id block holds: Excel numbers a block's shapes block × 1024 + 1 … + 1023.</summary>
    public const int ShapesPerBlock = 1023;

    /// <summary>The id blocks a sheet of <paramref name="comments"/> notes takes.</summary>
    public static int Blocks(int comments) => Math.Max(1, (comments + ShapesPerBlock - 1) / ShapesPerBlock);

    public static void Comments(XmlWriter xml, IReadOnlyList<SheetComment> comments, string cutMark)
    {
        var authors = comments.Select(c => XmlChars.Clean(c.Author)).Distinct(StringComparer.Ordinal).ToList();
        xml.WriteStartElement("comments", Ooxml.Main);
        xml.WriteStartElement("authors");
        foreach (var author in authors)
        {
            xml.WriteElementString("author", author);
        }
        xml.WriteEndElement();
        xml.WriteStartElement("commentList");
        foreach (var comment in comments)
        {
            xml.WriteStartElement("comment");
            xml.WriteAttributeString("ref", Ooxml.Cell(comment.Row, comment.Column));
            xml.WriteAttributeString("authorId", Ooxml.Number(authors.IndexOf(XmlChars.Clean(comment.Author))));
            xml.WriteStartElement("text");
            xml.WriteStartElement("r");
            xml.WriteStartElement("t");
            xml.WriteAttributeString("xml", "space", null, "preserve");
            xml.WriteString(XmlChars.Cell(comment.Text, cutMark));
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>
    /// Legacy VML, as Excel writes it for notes: a hidden box anchored to the right of its cell. Shape ids come from the
    /// id blocks <paramref name="firstBlock"/> on (<see cref="Blocks"/> of them, listed in the idmap), unique in the
    /// workbook however many notes a sheet has: past 1,023 notes a sheet takes the next block.
    /// </summary>
    public static string Drawing(IReadOnlyList<SheetComment> comments, int firstBlock)
    {
        var vml = new StringBuilder(1024 + comments.Count * 700);
        var blocks = string.Join(",", Enumerable.Range(firstBlock, Blocks(comments.Count)));
        vml.Append("<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:x=\"urn:schemas-microsoft-com:office:excel\">")
            .Append("<o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" data=\"").Append(blocks).Append("\"/></o:shapelayout>")
            .Append("<v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" path=\"m,l,21600r21600,l21600,xe\">")
            .Append("<v:stroke joinstyle=\"miter\"/><v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>");
        for (var i = 0; i < comments.Count; i++)
        {
            var comment = comments[i];
            var row = comment.Row - 1;
            var column = comment.Column - 1;
            var height = Math.Clamp(comment.Lines * 2, 4, 24);
            vml.Append("<v:shape id=\"_x0000_s").Append((firstBlock + i / ShapesPerBlock) * 1024 + 1 + i % ShapesPerBlock)
                .Append("\" type=\"#_x0000_t202\" style=\"position:absolute;margin-left:60pt;margin-top:2pt;width:240pt;height:120pt;z-index:").Append(i + 1)
                .Append(";visibility:hidden\" fillcolor=\"#ffffe1\" o:insetmode=\"auto\">")
                .Append("<v:fill color2=\"#ffffe1\"/><v:shadow on=\"t\" color=\"black\" obscured=\"t\"/><v:path o:connecttype=\"none\"/>")
                .Append("<v:textbox style=\"mso-direction-alt:auto\"><div style=\"text-align:left\"></div></v:textbox>")
                .Append("<x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/>")
                .Append("<x:Anchor>").Append(column + 1).Append(", 15, ").Append(Math.Max(0, row - 1)).Append(", 2, ").Append(column + 4).Append(", 15, ")
                .Append(row - 1 + height).Append(", 2</x:Anchor><x:AutoFill>False</x:AutoFill>")
                .Append("<x:Row>").Append(row).Append("</x:Row><x:Column>").Append(column).Append("</x:Column></x:ClientData></v:shape>");
        }
        vml.Append("</xml>");
        return vml.ToString();
    }
}
