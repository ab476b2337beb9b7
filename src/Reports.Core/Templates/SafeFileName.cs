using System.Text;

namespace Reports.Templates;

/// <summary>
/// A part of a file name made from text the office or a county typed (a unit's name): safe on Windows and Linux.
/// Path separators and the characters Windows forbids (/ \ : * ? " &lt; &gt; |) and control characters become "_",
/// leading dots and surrounding spaces go (no "..", no hidden file), and the length is bounded (in characters, whole
/// surrogate pairs) so that with the code, return and period the name stays within 255 bytes of UTF-8.
/// </summary>
public static class SafeFileName
{
    public const int MaxLength = 40;

    public static string Part(string text, int maxLength = MaxLength)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' || char.IsControl(c) ? '_' : c);
        }
        var safe = builder.ToString().Trim().TrimStart('.').Trim();
        if (safe.Length > maxLength)
        {
            safe = safe[..(char.IsHighSurrogate(safe[maxLength - 1]) ? maxLength - 1 : maxLength)].TrimEnd();
        }
        // Windows drops trailing dots and spaces from a name; inside a name they are harmless, at its end they are not.
        safe = safe.TrimEnd('.', ' ');
        return safe.Length == 0 ? "_" : safe;
    }
}
