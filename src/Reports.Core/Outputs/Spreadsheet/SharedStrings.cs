using System.Xml;

namespace Reports.Outputs.Spreadsheet;

/// <summary>
/// A package's strings, each stored once (sharedStrings.xml) and referred to by index from its cells; written as Excel
/// requires whoever gave them: XML 1.0 characters only, and at most 32,767 characters, a longer text cut and ended
/// with <paramref name="cutMark"/>.
/// </summary>
internal sealed class SharedStrings(string cutMark)
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _strings = [];
    private int _uses;

    public int IndexOf(string text)
    {
        _uses++;
        return Add(text);
    }

    /// <summary>One more cell refers to a string already added (<see cref="IndexOf"/> counted the first).</summary>
    public void Use() => _uses++;

    private int Add(string text)
    {
        if (!_index.TryGetValue(text, out var index))
        {
            _index[text] = index = _strings.Count;
            _strings.Add(text);
        }
        return index;
    }

    public void Write(XmlWriter xml)
    {
        xml.WriteStartElement("sst", Ooxml.Main);
        xml.WriteAttributeString("count", Ooxml.Number(_uses));
        xml.WriteAttributeString("uniqueCount", Ooxml.Number(_strings.Count));
        foreach (var text in _strings)
        {
            xml.WriteStartElement("si");
            xml.WriteStartElement("t");
            xml.WriteAttributeString("xml", "space", null, "preserve");
            xml.WriteString(XmlChars.Cell(text, cutMark));
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }
}
