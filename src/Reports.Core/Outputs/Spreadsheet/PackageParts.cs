using System.Globalization;
using System.Xml;

namespace Reports.Outputs.Spreadsheet;

/// <summary>The package's plumbing parts: relationships and the core properties (title, creation time).</summary>
internal static class PackageParts
{
    public static void Relationships(XmlWriter xml, IEnumerable<(string Id, string Type, string Target)> relationships)
    {
        xml.WriteStartElement("Relationships", Ooxml.PackageRelationships);
        foreach (var (id, type, target) in relationships)
        {
            xml.WriteStartElement("Relationship");
            xml.WriteAttributeString("Id", id);
            xml.WriteAttributeString("Type", type == "core"
                ? "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
                : Ooxml.RelationshipBase + type);
            xml.WriteAttributeString("Target", target);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    public static void Core(XmlWriter xml, string title, DateTimeOffset created)
    {
        const string Cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        const string Dc = "http://purl.org/dc/elements/1.1/";
        const string Terms = "http://purl.org/dc/terms/";
        const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";
        var stamp = created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        xml.WriteStartElement("cp", "coreProperties", Cp);
        xml.WriteAttributeString("xmlns", "dc", null, Dc);
        xml.WriteAttributeString("xmlns", "dcterms", null, Terms);
        xml.WriteAttributeString("xmlns", "xsi", null, Xsi);
        xml.WriteElementString("dc", "title", Dc, XmlChars.Clean(title));
        foreach (var element in new[] { "created", "modified" })
        {
            xml.WriteStartElement("dcterms", element, Terms);
            xml.WriteAttributeString("xsi", "type", Xsi, "dcterms:W3CDTF");
            xml.WriteString(stamp);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }
}
