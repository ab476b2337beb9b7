using System.Globalization;
using System.Xml;

namespace Reports.Intake.Xlsx;

/// <summary>
/// Which cell formats (a cell's s attribute, an index into cellXfs) show numbers as dates. Read from the styles
/// part in one streaming pass over numFmts and cellXfs only, stopping after cellXfs (fonts, fills and the rest
/// are skipped unparsed). No styles part means no formats: nothing is a date.
/// </summary>
internal sealed class XlsxStyles
{
    public static XlsxStyles None { get; } = new([]);

    private readonly bool[] _dateFormats;

    private XlsxStyles(bool[] dateFormats) => _dateFormats = dateFormats;

    /// <summary>An index past the list (a file that names a format it lacks) is no date: Excel shows it as General.</summary>
    public bool IsDate(int xf) => xf >= 0 && xf < _dateFormats.Length && _dateFormats[xf];

    /// <summary>Throws <see cref="XlsxProblemException"/> or <see cref="XmlException"/> for bad data, as every part read does.</summary>
    public static XlsxStyles Read(XlsxPackage package, string? part)
    {
        if (part is null || !package.Contains(part))
        {
            return None;
        }
        var customFormats = new Dictionary<int, bool>();
        var cellFormats = new List<bool>();
        using var r = package.OpenXml(part);
        while (r.Read())
        {
            if (r.NodeType != XmlNodeType.Element || r.Depth != 1)
            {
                continue;
            }
            switch (r.LocalName)
            {
                case "numFmts":
                    ReadChildren(r, "numFmt", () =>
                    {
                        if (Id(r.GetAttribute("numFmtId")) is { } id)
                        {
                            customFormats[id] = XlsxNumberFormat.IsDate(r.GetAttribute("formatCode") ?? "");
                        }
                    });
                    break;
                case "cellXfs":
                    ReadChildren(r, "xf", () =>
                    {
                        var id = Id(r.GetAttribute("numFmtId")) ?? 0;
                        cellFormats.Add(customFormats.TryGetValue(id, out var custom) ? custom : XlsxNumberFormat.IsBuiltInDate(id));
                    });
                    return new XlsxStyles([.. cellFormats]); // numFmts come first: nothing after cellXfs is needed
                default:
                    XlsxXml.SkipToEnd(r);
                    break;
            }
        }
        return new XlsxStyles([.. cellFormats]);
    }

    /// <summary>Calls <paramref name="onChild"/> on each direct child named <paramref name="name"/>; leaves the reader on the end tag.</summary>
    private static void ReadChildren(XmlReader r, string name, Action onChild)
    {
        if (r.IsEmptyElement)
        {
            return;
        }
        var depth = r.Depth;
        while (r.Read())
        {
            if (r.NodeType == XmlNodeType.Element && r.Depth == depth + 1)
            {
                if (r.LocalName == name)
                {
                    onChild();
                }
                XlsxXml.SkipToEnd(r);
            }
            else if (r.NodeType == XmlNodeType.EndElement && r.Depth == depth)
            {
                return;
            }
        }
        throw new XmlException("XML 文档意外结束");
    }

    private static int? Id(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
