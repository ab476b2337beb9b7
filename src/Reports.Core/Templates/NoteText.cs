using System.Text;

namespace Reports.Templates;

/// <summary>
/// A template's 填报说明 laid out in lines of our own, as a typesetter would break it, so the spreadsheet program
/// never has to: a quoted name (“…”) and a Latin word or number (2022-07-03, 12.50%) stay on one line, closing
/// punctuation (”，；。、）) never starts a line and opening punctuation (“（) never ends one. Left to itself, a program
/// broke 不大于“脱贫劳动力务工总人数” before its closing quote and cut that line off at the row's height.
/// </summary>
public static class NoteText
{
    private const string Closing = "”’，。；：、）》」』！？%";
    private const string Opening = "“‘（《「『";

    /// <summary>The text with line breaks where a line of <paramref name="width"/> column units would overflow.</summary>
    public static string Lay(string text, double width)
    {
        var room = Math.Max(2, width - 1.5);
        var lines = new List<StringBuilder> { new() };
        var used = 0.0;
        foreach (var token in Tokens(text))
        {
            var size = TextWidth.Of(token);
            if (used > 0 && used + size > room)
            {
                lines.Add(new StringBuilder());
                used = 0;
            }
            if (used == 0 && token == " ")
            {
                continue;
            }
            if (size <= room)
            {
                lines[^1].Append(token);
                used += size;
                continue;
            }
            // Longer than a line (a very long name): broken by characters, as the program would.
            foreach (var c in token)
            {
                var one = TextWidth.Of(c.ToString());
                if (used > 0 && used + one > room)
                {
                    lines.Add(new StringBuilder());
                    used = 0;
                }
                lines[^1].Append(c);
                used += one;
            }
        }
        return string.Join("\n", lines.Select(l => l.ToString().TrimEnd()));
    }

    /// <summary>The lines of a laid-out text.</summary>
    public static int Lines(string laid, double width) =>
        laid.Split('\n').Sum(line => TextWidth.Lines(line, width));

    /// <summary>The unbreakable pieces of a text, each with the punctuation that must not be parted from it.</summary>
    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var pending = new StringBuilder();
        for (var i = 0; i < text.Length;)
        {
            string piece;
            if (text[i] == '“' && text.IndexOf('”', i + 1) is var close and > 0)
            {
                piece = text[i..(close + 1)];
            }
            else if (IsWordCharacter(text[i]))
            {
                var end = i;
                while (end < text.Length && IsWordCharacter(text[end]))
                {
                    end++;
                }
                piece = text[i..end];
            }
            else
            {
                piece = text[i].ToString();
            }
            i += piece.Length;
            if (piece.Length == 1 && Opening.Contains(piece[0], StringComparison.Ordinal))
            {
                pending.Append(piece);
                continue;
            }
            var token = pending + piece;
            pending.Clear();
            if (tokens.Count > 0 && Closing.Contains(token[0], StringComparison.Ordinal))
            {
                tokens[^1] += token;
            }
            else
            {
                tokens.Add(token);
            }
        }
        if (pending.Length > 0)
        {
            tokens.Add(pending.ToString());
        }
        return tokens;
    }

    private static bool IsWordCharacter(char c) => c < 0x2E80 && !char.IsWhiteSpace(c) && c is not '（' and not '）';
}
