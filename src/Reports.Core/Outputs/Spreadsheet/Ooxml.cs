using System.Globalization;
using System.Text;
using System.Xml;

namespace Reports.Outputs.Spreadsheet;

/// <summary>The namespaces, content types and small conversions the package's parts share.</summary>
internal static class Ooxml
{
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    public const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    public const string ContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";
    public const string RelationshipBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

    public static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), CloseOutput = false };

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>"A", "B" … "Z", "AA" …: a 1-based column's letters.</summary>
    public static string Column(int column)
    {
        var letters = "";
        for (; column > 0; column = (column - 1) / 26)
        {
            letters = (char)('A' + (column - 1) % 26) + letters;
        }
        return letters;
    }

    public static string Cell(int row, int column) => Column(column) + Number(row);

    /// <summary>
    /// Opens a workbook part and lists its sheets (the first active; sheet i is relationship rId{i + 1}); the caller
    /// writes its defined names and closes the element.
    /// </summary>
    public static void StartWorkbook(XmlWriter xml, IEnumerable<string> sheetNames)
    {
        xml.WriteStartElement("workbook", Main);
        xml.WriteAttributeString("xmlns", "r", null, Relationships);
        xml.WriteStartElement("bookViews");
        xml.WriteStartElement("workbookView");
        xml.WriteAttributeString("activeTab", "0");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("sheets");
        var i = 0;
        foreach (var name in sheetNames)
        {
            i++;
            xml.WriteStartElement("sheet");
            xml.WriteAttributeString("name", XmlChars.Clean(name));
            xml.WriteAttributeString("sheetId", Number(i));
            xml.WriteAttributeString("id", Relationships, $"rId{i}");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }
}
