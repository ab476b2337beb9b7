using System.Xml;

namespace Reports.Outputs.Spreadsheet;

/// <summary>
/// The distinct looks of one package, numbered as they are first used, written as styles.xml; and the looks a
/// conditional format gives (dxfs). <paramref name="font"/> is the font of every look that names none.
/// </summary>
internal sealed class StyleTable(string font = "Calibri")
{
    private static readonly Dictionary<string, int> BuiltInFormats = new(StringComparer.Ordinal) { ["0"] = 1, ["0.00"] = 2, ["#,##0"] = 3, ["#,##0.00"] = 4, ["0.00%"] = 10, ["@"] = 49 };

    private readonly Dictionary<CellStyle, int> _styles = new() { [CellStyle.Default] = 0 };
    private readonly List<CellStyle> _order = [CellStyle.Default];
    private readonly List<(string Fill, string Font)> _differential = [];

    public int IdOf(CellStyle style)
    {
        if (!_styles.TryGetValue(style, out var id))
        {
            _styles[style] = id = _order.Count;
            _order.Add(style);
        }
        return id;
    }

    /// <summary>The look numbered <paramref name="id"/>.</summary>
    public CellStyle StyleOf(int id) => _order[id];

    /// <summary>The number of a conditional format's look: a fill and a font colour.</summary>
    public int DifferentialIdOf(string fill, string fontColor)
    {
        var id = _differential.IndexOf((fill, fontColor));
        if (id < 0)
        {
            id = _differential.Count;
            _differential.Add((fill, fontColor));
        }
        return id;
    }

    public void Write(XmlWriter xml)
    {
        var fonts = Distinct(s => (s.Bold, s.Size, s.FontColor, s.Font, s.Underline));
        var solid = _order.Select(s => s.Fill).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var borders = Distinct(s => (s.Border, s.BorderColor));
        var formats = _order.Select(s => s.NumberFormat).OfType<string>().Where(f => !BuiltInFormats.ContainsKey(f)).Distinct().ToList();

        xml.WriteStartElement("styleSheet", Ooxml.Main);
        if (formats.Count > 0)
        {
            xml.WriteStartElement("numFmts");
            xml.WriteAttributeString("count", Ooxml.Number(formats.Count));
            for (var i = 0; i < formats.Count; i++)
            {
                xml.WriteStartElement("numFmt");
                xml.WriteAttributeString("numFmtId", Ooxml.Number(164 + i));
                xml.WriteAttributeString("formatCode", formats[i]);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }

        xml.WriteStartElement("fonts");
        xml.WriteAttributeString("count", Ooxml.Number(fonts.Count));
        foreach (var (bold, size, color, name, underline) in fonts)
        {
            xml.WriteStartElement("font");
            if (bold)
            {
                xml.WriteElementString("b", null);
            }
            if (underline)
            {
                xml.WriteElementString("u", null);
            }
            Valued(xml, "sz", Ooxml.Number(size ?? 11));
            if (color is not null)
            {
                xml.WriteStartElement("color");
                xml.WriteAttributeString("rgb", color);
                xml.WriteEndElement();
            }
            Valued(xml, "name", name ?? font);
            Valued(xml, "family", "2");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        // Fills 0 and 1 are reserved (none, gray125) whatever a package uses.
        xml.WriteStartElement("fills");
        xml.WriteAttributeString("count", Ooxml.Number(solid.Count + 2));
        Pattern(xml, "none", null);
        Pattern(xml, "gray125", null);
        foreach (var fill in solid)
        {
            Pattern(xml, "solid", fill);
        }
        xml.WriteEndElement();

        xml.WriteStartElement("borders");
        xml.WriteAttributeString("count", Ooxml.Number(borders.Count));
        foreach (var (border, color) in borders)
        {
            xml.WriteStartElement("border");
            foreach (var side in new[] { "left", "right", "top", "bottom" })
            {
                xml.WriteStartElement(side);
                if (border != CellBorder.None)
                {
                    xml.WriteAttributeString("style", border == CellBorder.Thin ? "thin" : "medium");
                    xml.WriteStartElement("color");
                    xml.WriteAttributeString(color is null ? "indexed" : "rgb", color ?? "64");
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteElementString("diagonal", null);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        xml.WriteStartElement("cellStyleXfs");
        xml.WriteAttributeString("count", "1");
        xml.WriteStartElement("xf");
        xml.WriteAttributeString("numFmtId", "0");
        xml.WriteAttributeString("fontId", "0");
        xml.WriteAttributeString("fillId", "0");
        xml.WriteAttributeString("borderId", "0");
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("cellXfs");
        xml.WriteAttributeString("count", Ooxml.Number(_order.Count));
        foreach (var style in _order)
        {
            var format = style.NumberFormat is null ? 0 : BuiltInFormats.TryGetValue(style.NumberFormat, out var builtIn) ? builtIn : 164 + formats.IndexOf(style.NumberFormat);
            // Fills 0 and 1 are the reserved ones; the package's own follow in order of first use.
            var fill = style.Fill is null ? 0 : 2 + solid.IndexOf(style.Fill);
            xml.WriteStartElement("xf");
            xml.WriteAttributeString("numFmtId", Ooxml.Number(format));
            xml.WriteAttributeString("fontId", Ooxml.Number(fonts.IndexOf((style.Bold, style.Size, style.FontColor, style.Font, style.Underline))));
            xml.WriteAttributeString("fillId", Ooxml.Number(fill));
            xml.WriteAttributeString("borderId", Ooxml.Number(borders.IndexOf((style.Border, style.BorderColor))));
            xml.WriteAttributeString("xfId", "0");
            if (format != 0)
            {
                xml.WriteAttributeString("applyNumberFormat", "1");
            }
            if (style.QuotePrefix)
            {
                xml.WriteAttributeString("quotePrefix", "1");
            }
            if (style.Wrap || style.Center || style.Top || style.Right || style.Middle)
            {
                xml.WriteAttributeString("applyAlignment", "1");
                xml.WriteStartElement("alignment");
                if (style.Center || style.Right)
                {
                    xml.WriteAttributeString("horizontal", style.Center ? "center" : "right");
                }
                xml.WriteAttributeString("vertical", style.Top ? "top" : "center");
                if (style.Wrap)
                {
                    xml.WriteAttributeString("wrapText", "1");
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        xml.WriteStartElement("cellStyles");
        xml.WriteAttributeString("count", "1");
        xml.WriteStartElement("cellStyle");
        xml.WriteAttributeString("name", "Normal");
        xml.WriteAttributeString("xfId", "0");
        xml.WriteAttributeString("builtinId", "0");
        xml.WriteEndElement();
        xml.WriteEndElement();

        if (_differential.Count > 0)
        {
            xml.WriteStartElement("dxfs");
            xml.WriteAttributeString("count", Ooxml.Number(_differential.Count));
            foreach (var (fill, color) in _differential)
            {
                xml.WriteStartElement("dxf");
                xml.WriteStartElement("font");
                xml.WriteStartElement("color");
                xml.WriteAttributeString("rgb", color);
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteStartElement("fill");
                xml.WriteStartElement("patternFill");
                xml.WriteStartElement("bgColor");
                xml.WriteAttributeString("rgb", fill);
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    /// <summary>The distinct values of one part of the looks in use, the default's first.</summary>
    private List<T> Distinct<T>(Func<CellStyle, T> part) => _order.Select(part).Distinct().ToList();

    private static void Pattern(XmlWriter xml, string pattern, string? color)
    {
        xml.WriteStartElement("fill");
        xml.WriteStartElement("patternFill");
        xml.WriteAttributeString("patternType", pattern);
        if (color is not null)
        {
            xml.WriteStartElement("fgColor");
            xml.WriteAttributeString("rgb", color);
            xml.WriteEndElement();
            xml.WriteStartElement("bgColor");
            xml.WriteAttributeString("indexed", "64");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Valued(XmlWriter xml, string element, string value)
    {
        xml.WriteStartElement(element);
        xml.WriteAttributeString("val", value);
        xml.WriteEndElement();
    }
}
