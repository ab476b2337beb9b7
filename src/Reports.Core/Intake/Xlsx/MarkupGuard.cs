namespace Reports.Intake.Xlsx;

/// <summary>
/// Watches a part's bytes as they are inflated, before the XmlReader sees them: one tag (an element's name and
/// attributes, which the reader keeps together in memory) or one run of text between two tags (which it keeps whole
/// when its value is read) may not exceed a limit. A cell holds at most 32,767 characters and a tag a few
/// attributes; ten million attributes on one element, or a 60 MB value, would cost gigabytes in the reader. Quotes
/// are followed inside a tag (an attribute value may hold '&gt;'); declarations, comments and CDATA end at the first
/// '&gt;', which only makes the count more lenient, never wrong.
/// </summary>
internal struct MarkupGuard(string part, int maxBytes)
{
    private enum State : byte { Text, Open, Tag, Quoted, Declaration }

    private State _state;
    private byte _quote;
    private int _run;

    public void Scan(ReadOnlySpan<byte> bytes)
    {
        var state = _state;
        var run = _run;
        foreach (var b in bytes)
        {
            switch (state)
            {
                case State.Text:
                    if (b == (byte)'<')
                    {
                        state = State.Open;
                        run = 1;
                        continue;
                    }
                    break;
                case State.Open:
                    state = b is (byte)'!' or (byte)'?' ? State.Declaration : b == (byte)'>' ? State.Text : State.Tag;
                    if (state == State.Text)
                    {
                        run = 0;
                        continue;
                    }
                    break;
                case State.Tag:
                    if (b == (byte)'>')
                    {
                        state = State.Text;
                        run = 0;
                        continue;
                    }
                    if (b is (byte)'"' or (byte)'\'')
                    {
                        _quote = b;
                        state = State.Quoted;
                    }
                    break;
                case State.Quoted:
                    if (b == _quote)
                    {
                        state = State.Tag;
                    }
                    break;
                case State.Declaration:
                    if (b == (byte)'>')
                    {
                        state = State.Text;
                        run = 0;
                    }
                    continue; // not counted: a declaration or comment is never kept by the reader
            }
            if (++run > maxBytes)
            {
                throw new XlsxProblemException(XlsxProblemKind.XmlBeyondBounds, state == State.Text
                    ? $"部件 {part} 中有一段文字超过 {maxBytes} 字节"
                    : $"部件 {part} 中有一个标记（元素及其属性）超过 {maxBytes} 字节");
            }
        }
        _state = state;
        _run = run;
    }
}
