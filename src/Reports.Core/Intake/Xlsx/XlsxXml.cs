using System.Text;
using System.Xml;

namespace Reports.Intake.Xlsx;

/// <summary>Small streaming helpers. Every "read element" helper leaves the reader ON the element's end tag
/// (or on the element itself when it is empty), so the caller's <c>while (reader.Read())</c> loop continues correctly.</summary>
internal static class XlsxXml
{
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    /// <summary>Concatenated text content of the current element (nested elements' text included).</summary>
    public static string ReadText(XmlReader r)
    {
        if (r.IsEmptyElement)
        {
            return "";
        }
        var depth = r.Depth;
        string? single = null;
        StringBuilder? sb = null;
        while (r.Read())
        {
            switch (r.NodeType)
            {
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    if (single is null && sb is null)
                    {
                        single = r.Value;
                    }
                    else
                    {
                        sb ??= new StringBuilder(single);
                        sb.Append(r.Value);
                    }
                    break;
                case XmlNodeType.EndElement when r.Depth == depth:
                    return sb?.ToString() ?? single ?? "";
            }
        }
        throw new XmlException("XML 文档意外结束");
    }

    /// <summary>Text of an &lt;si&gt; or &lt;is&gt;: plain &lt;t&gt; or rich-text runs concatenated, phonetic &lt;rPh&gt; runs skipped.</summary>
    public static string ReadRichText(XmlReader r)
    {
        if (r.IsEmptyElement)
        {
            return "";
        }
        var depth = r.Depth;
        string? single = null;
        StringBuilder? sb = null;
        while (r.Read())
        {
            if (r.NodeType == XmlNodeType.Element)
            {
                var ln = r.LocalName;
                if (ln == "rPh" || ln == "phoneticPr" || ln == "extLst") { SkipToEnd(r); continue; }
                if (ln == "t")
                {
                    var t = DecodeEscapes(ReadText(r));
                    if (single is null && sb is null)
                    {
                        single = t;
                    }
                    else
                    {
                        sb ??= new StringBuilder(single);
                        sb.Append(t);
                    }
                }
            }
            else if (r.NodeType == XmlNodeType.EndElement && r.Depth == depth)
            {
                return sb?.ToString() ?? single ?? "";
            }
        }
        throw new XmlException("XML 文档意外结束");
    }

    /// <summary>
    /// Decodes the spreadsheet escapes of strings (ST_Xstring): _x000D_ is a carriage return, _x005F_ an underscore
    /// (so _x005F_x0041_ stays the text "_x0041_"), as Excel shows them.
    /// </summary>
    public static string DecodeEscapes(string text)
    {
        var at = text.IndexOf("_x", StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }
        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, at);
        var i = at;
        while (i < text.Length)
        {
            if (i + 7 <= text.Length && text[i] == '_' && text[i + 1] == 'x' && text[i + 6] == '_'
                && ushort.TryParse(text.AsSpan(i + 2, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var code))
            {
                sb.Append((char)code);
                i += 7;
                continue;
            }
            sb.Append(text[i]);
            i++;
        }
        return sb.ToString();
    }

    /// <summary>Moves to the end tag of the current element (stays put when it is empty).</summary>
    public static void SkipToEnd(XmlReader r)
    {
        if (r.IsEmptyElement)
        {
            return;
        }
        var depth = r.Depth;
        while (r.Read())
        {
            if (r.NodeType == XmlNodeType.EndElement && r.Depth == depth)
            {
                return;
            }
        }
        throw new XmlException("XML 文档意外结束");
    }

    /// <summary>An attribute by local name in any namespace (for r:id, whose namespace differs between transitional and strict OOXML).</summary>
    public static string? GetAttributeAnyNamespace(XmlReader r, string localName, bool requireNamespace)
    {
        if (!r.HasAttributes)
        {
            return null;
        }
        string? found = null;
        for (var i = 0; i < r.AttributeCount; i++)
        {
            r.MoveToAttribute(i);
            if (r.LocalName == localName && (!requireNamespace || (r.NamespaceURI.Length > 0 && r.NamespaceURI != XmlnsNamespace)))
            {
                found = r.Value;
                break;
            }
        }
        r.MoveToElement();
        return found;
    }
}
