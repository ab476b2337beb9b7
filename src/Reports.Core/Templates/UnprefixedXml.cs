using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace Reports.Templates;

/// <summary>
/// Saves a part's root element as spreadsheet programs write it: SpreadsheetML as the default namespace
/// (&lt;worksheet xmlns="…"&gt;&lt;c r="D7"&gt;), not under the SDK's own "x:" prefix, so every tool that reads the
/// file as Excel writes it (and every test that edits it as text) finds the names it expects.
/// </summary>
internal static class UnprefixedXml
{
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>The prefix the SDK gives <see cref="Main"/>.</summary>
    private const string MainPrefix = "x";

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), CloseOutput = false };

    public static void Save(OpenXmlPart part, OpenXmlPartRootElement root)
    {
        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        using var inner = XmlWriter.Create(stream, Settings);
        using var writer = new DefaultNamespaceWriter(inner);
        writer.WriteStartDocument(standalone: true);
        root.WriteTo(writer);
        writer.WriteEndDocument();
    }

    /// <summary>Writes elements of <see cref="Main"/> without a prefix and drops declarations of a prefix for it.</summary>
    private sealed class DefaultNamespaceWriter(XmlWriter inner) : XmlWriter
    {
        private bool _skipping;

        public override WriteState WriteState => inner.WriteState;

        public override void WriteStartElement(string? prefix, string localName, string? ns) =>
            inner.WriteStartElement(ns == Main ? "" : prefix, localName, ns);

        public override void WriteStartAttribute(string? prefix, string localName, string? ns)
        {
            // xmlns:x="…main": the elements above carry no prefix, so the declaration is not needed.
            _skipping = prefix == "xmlns" && localName == MainPrefix;
            if (!_skipping)
            {
                inner.WriteStartAttribute(prefix, localName, ns);
            }
        }

        public override void WriteString(string? text)
        {
            if (!_skipping)
            {
                inner.WriteString(text);
            }
        }

        public override void WriteEndAttribute()
        {
            if (_skipping)
            {
                _skipping = false;
                return;
            }
            inner.WriteEndAttribute();
        }

        public override string? LookupPrefix(string ns) => ns == Main ? "" : inner.LookupPrefix(ns);

        public override void Flush() => inner.Flush();

        public override void WriteBase64(byte[] buffer, int index, int count) => inner.WriteBase64(buffer, index, count);

        public override void WriteCData(string? text) => inner.WriteCData(text);

        public override void WriteCharEntity(char ch) => inner.WriteCharEntity(ch);

        public override void WriteChars(char[] buffer, int index, int count) => inner.WriteChars(buffer, index, count);

        public override void WriteComment(string? text) => inner.WriteComment(text);

        public override void WriteDocType(string name, string? pubid, string? sysid, string? subset) => inner.WriteDocType(name, pubid, sysid, subset);

        public override void WriteEndDocument() => inner.WriteEndDocument();

        public override void WriteEndElement() => inner.WriteEndElement();

        public override void WriteEntityRef(string name) => inner.WriteEntityRef(name);

        public override void WriteFullEndElement() => inner.WriteFullEndElement();

        public override void WriteProcessingInstruction(string name, string? text) => inner.WriteProcessingInstruction(name, text);

        public override void WriteRaw(char[] buffer, int index, int count) => inner.WriteRaw(buffer, index, count);

        public override void WriteRaw(string data) => inner.WriteRaw(data);

        public override void WriteStartDocument() => inner.WriteStartDocument();

        public override void WriteStartDocument(bool standalone) => inner.WriteStartDocument(standalone);

        public override void WriteSurrogateCharEntity(char lowChar, char highChar) => inner.WriteSurrogateCharEntity(lowChar, highChar);

        public override void WriteWhitespace(string? ws) => inner.WriteWhitespace(ws);
    }
}
