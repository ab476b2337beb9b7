using System.Xml;

namespace Reports.Intake.Xlsx;

/// <summary>
/// Every XmlReader over a part goes through this: it refuses an element nested deeper than
/// <see cref="XlsxLimits.MaxDepth"/> the moment the reader reaches it. XmlReader keeps a record per open element, so
/// nine million nested elements in a 63 MB part stored without compression (ratio 1: no zip-bomb check fires) cost
/// over a gigabyte before any other check would see them. Characters per part are bounded by the settings
/// (<see cref="XmlReaderSettings.MaxCharactersInDocument"/>), whatever the part's declared size.
/// </summary>
internal sealed class BoundedXmlReader(XmlReader inner, string part, int maxDepth) : XmlReader
{
    public override bool Read()
    {
        if (!inner.Read())
        {
            return false;
        }
        if (inner.Depth > maxDepth)
        {
            throw new XlsxProblemException(XlsxProblemKind.XmlBeyondBounds, $"部件 {part} 的元素嵌套超过 {maxDepth} 层");
        }
        return true;
    }

    public override int AttributeCount => inner.AttributeCount;
    public override string BaseURI => inner.BaseURI;
    public override int Depth => inner.Depth;
    public override bool EOF => inner.EOF;
    public override bool IsEmptyElement => inner.IsEmptyElement;
    public override string LocalName => inner.LocalName;
    public override string Name => inner.Name;
    public override string NamespaceURI => inner.NamespaceURI;
    public override XmlNameTable NameTable => inner.NameTable;
    public override XmlNodeType NodeType => inner.NodeType;
    public override string Prefix => inner.Prefix;
    public override ReadState ReadState => inner.ReadState;
    public override string Value => inner.Value;
    public override bool HasValue => inner.HasValue;
    public override string GetAttribute(int i) => inner.GetAttribute(i);
    public override string? GetAttribute(string name) => inner.GetAttribute(name);
    public override string? GetAttribute(string name, string? namespaceURI) => inner.GetAttribute(name, namespaceURI);
    public override string? LookupNamespace(string prefix) => inner.LookupNamespace(prefix);
    public override void MoveToAttribute(int i) => inner.MoveToAttribute(i);
    public override bool MoveToAttribute(string name) => inner.MoveToAttribute(name);
    public override bool MoveToAttribute(string name, string? ns) => inner.MoveToAttribute(name, ns);
    public override bool MoveToElement() => inner.MoveToElement();
    public override bool MoveToFirstAttribute() => inner.MoveToFirstAttribute();
    public override bool MoveToNextAttribute() => inner.MoveToNextAttribute();
    public override bool ReadAttributeValue() => inner.ReadAttributeValue();
    public override void ResolveEntity() => inner.ResolveEntity();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
