using System.Globalization;
using System.Text;

namespace Reports.Outputs.Spreadsheet;

/// <summary>
/// XML written as text straight into a part, for the parts that hold millions of elements (a streamed sheet's rows):
/// numbers are formatted into a scratch buffer, text escaped in runs, with none of XmlWriter's per-element bookkeeping.
/// </summary>
/// <param name="bufferSize">Characters buffered before they go to the stream: large for a sheet of millions of cells, small for a receipt's.</param>
internal sealed class XmlText(Stream stream, int bufferSize = 1 << 16) : IDisposable
{
    private readonly StreamWriter _writer = new(stream, new UTF8Encoding(false), bufferSize);
    private readonly char[] _scratch = new char[64];

    public XmlText Raw(string text)
    {
        _writer.Write(text);
        return this;
    }

    public XmlText Raw(char c)
    {
        _writer.Write(c);
        return this;
    }

    public XmlText Number(int value)
    {
        value.TryFormat(_scratch, out var written, default, CultureInfo.InvariantCulture);
        _writer.Write(_scratch, 0, written);
        return this;
    }

    public XmlText Number(decimal value)
    {
        value.TryFormat(_scratch, out var written, default, CultureInfo.InvariantCulture);
        _writer.Write(_scratch, 0, written);
        return this;
    }

    /// <summary>A double as it round-trips ("R"), as Excel stores a calculated value.</summary>
    public XmlText Number(double value)
    {
        value.TryFormat(_scratch, out var written, "R", CultureInfo.InvariantCulture);
        _writer.Write(_scratch, 0, written);
        return this;
    }

    /// <summary>"B12": a cell's reference.</summary>
    public XmlText Cell(string columnLetters, int row) => Raw(columnLetters).Number(row);

    /// <summary>
    /// Text escaped for an element's content or an attribute's value (line breaks kept as character references), what
    /// XML 1.0 forbids dropped (<see cref="XmlChars"/>).
    /// </summary>
    public XmlText Escaped(string text)
    {
        text = XmlChars.Clean(text);
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var replacement = text[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\n' => "&#10;",
                '\r' => "&#13;",
                '\t' => "&#9;",
                _ => null,
            };
            if (replacement is null)
            {
                continue;
            }
            _writer.Write(text.AsSpan(start, i - start));
            _writer.Write(replacement);
            start = i + 1;
        }
        _writer.Write(text.AsSpan(start));
        return this;
    }

    public void Dispose() => _writer.Dispose();
}
