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

    /// <summary>
    /// Follows the bytes a stretch at a time: within text, a tag or a quoted value only the byte that ends it matters,
    /// found with a vectorised search; the count is the same as byte by byte, and so is the limit.
    /// </summary>
    public void Scan(ReadOnlySpan<byte> bytes)
    {
        var state = _state;
        var run = _run;
        var i = 0;
        while (i < bytes.Length)
        {
            var rest = bytes[i..];
            int at;
            switch (state)
            {
                case State.Text:
                    at = rest.IndexOf((byte)'<');
                    run = Count(run, at < 0 ? rest.Length : at, State.Text);
                    if (at < 0)
                    {
                        i = bytes.Length;
                        continue;
                    }
                    state = State.Open;
                    run = 1;
                    i += at + 1;
                    continue;
                case State.Open:
                    var b = rest[0];
                    i++;
                    if (b == (byte)'>')
                    {
                        state = State.Text;
                        run = 0;
                        continue;
                    }
                    state = b is (byte)'!' or (byte)'?' ? State.Declaration : State.Tag;
                    run = Count(run, 1, state);
                    continue;
                case State.Tag:
                    at = rest.IndexOfAny((byte)'>', (byte)'"', (byte)'\'');
                    run = Count(run, at < 0 ? rest.Length : at, State.Tag);
                    if (at < 0)
                    {
                        i = bytes.Length;
                        continue;
                    }
                    i += at + 1;
                    if (rest[at] == (byte)'>')
                    {
                        state = State.Text;
                        run = 0;
                        continue;
                    }
                    _quote = rest[at];
                    state = State.Quoted;
                    run = Count(run, 1, state);
                    continue;
                case State.Quoted:
                    at = rest.IndexOf(_quote);
                    run = Count(run, at < 0 ? rest.Length : at, State.Quoted);
                    if (at < 0)
                    {
                        i = bytes.Length;
                        continue;
                    }
                    i += at + 1;
                    state = State.Tag;
                    run = Count(run, 1, state);
                    continue;
                default: // a declaration or comment, never kept by the reader: not counted
                    at = rest.IndexOf((byte)'>');
                    if (at < 0)
                    {
                        i = bytes.Length;
                        continue;
                    }
                    i += at + 1;
                    state = State.Text;
                    run = 0;
                    continue;
            }
        }
        _state = state;
        _run = run;
    }

    /// <summary>The run grown by <paramref name="bytes"/> bytes in <paramref name="state"/>; beyond the limit, refused.</summary>
    private readonly int Count(int run, int bytes, State state)
    {
        if ((long)run + bytes > maxBytes)
        {
            throw new XlsxProblemException(XlsxProblemKind.XmlBeyondBounds, state == State.Text
                ? $"部件 {part} 中有一段文字超过 {maxBytes} 字节"
                : $"部件 {part} 中有一个标记（元素及其属性）超过 {maxBytes} 字节");
        }
        return run + bytes;
    }
}
