using System.Globalization;
using System.Text;

namespace Reports.Cli.Console;

/// <summary>
/// Text laid out in columns on a terminal, where a Chinese character (an East Asian wide or full-width one) takes two
/// columns and a Latin one takes one: padding by <see cref="string.Length"/> slips after every （必填） or 潞州区.
/// </summary>
public static class TextColumns
{
    /// <summary>The columns <paramref name="text"/> takes on a terminal.</summary>
    public static int Width(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += Width(rune);
        }
        return width;
    }

    private static int Width(Rune rune)
    {
        var c = rune.Value;
        if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
        {
            return 0;
        }
        // East Asian Wide and Fullwidth (UAX #11), the ranges Chinese text uses.
        return c is >= 0x1100 and <= 0x115F
            or >= 0x2E80 and <= 0x303E
            or >= 0x3041 and <= 0x33FF
            or >= 0x3400 and <= 0x4DBF
            or >= 0x4E00 and <= 0x9FFF
            or >= 0xA000 and <= 0xA4CF
            or >= 0xAC00 and <= 0xD7A3
            or >= 0xF900 and <= 0xFAFF
            or >= 0xFE30 and <= 0xFE4F
            or >= 0xFF00 and <= 0xFF60
            or >= 0xFFE0 and <= 0xFFE6
            or >= 0x20000 and <= 0x3FFFD
            ? 2
            : 1;
    }

    /// <summary><paramref name="text"/> followed by spaces up to <paramref name="width"/> columns.</summary>
    public static string Pad(string text, int width) => text + new string(' ', Math.Max(0, width - Width(text)));

    /// <summary>Rows as aligned columns two spaces apart, each line indented; the last column is not padded.</summary>
    public static IEnumerable<string> Table(IReadOnlyList<IReadOnlyList<string>> rows, string indent = "  ")
    {
        var columns = rows.Max(r => r.Count);
        var widths = Enumerable.Range(0, columns).Select(i => rows.Max(r => i < r.Count ? Width(r[i]) : 0)).ToArray();
        return rows.Select(row => indent + string.Join("  ", row.Select((cell, i) => i == row.Count - 1 ? cell : Pad(cell, widths[i]))).TrimEnd());
    }

    /// <summary>
    /// Splits <paramref name="text"/> into lines of at most <paramref name="width"/> columns (a longer word keeps its
    /// own line): between words for Latin text, between any two characters for Chinese, never before a closing mark
    /// such as ，。）： nor after an opening one such as （“.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, int width)
    {
        if (width <= 0 || Width(text) <= width)
        {
            return [text];
        }
        // Pieces that never split: a Latin word, or one Chinese character with the marks that hold on to it.
        var pieces = new List<(string Text, bool SpaceBefore)>();
        var space = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value == ' ')
            {
                space = true;
                continue;
            }
            var wide = Width(rune) == 2;
            var glued = pieces.Count > 0 && !space && (ClosesLine(rune) || OpensLine(pieces[^1].Text) || (!wide && !IsWide(pieces[^1].Text)));
            if (glued)
            {
                pieces[^1] = (pieces[^1].Text + rune, pieces[^1].SpaceBefore);
            }
            else
            {
                pieces.Add((rune.ToString(), space));
            }
            space = false;
        }
        var lines = new List<string>();
        var line = new StringBuilder();
        var used = 0;
        foreach (var (piece, spaceBefore) in pieces)
        {
            var gap = spaceBefore && line.Length > 0 ? 1 : 0;
            var w = Width(piece);
            if (line.Length > 0 && used + gap + w > width)
            {
                lines.Add(line.ToString());
                line.Clear();
                used = 0;
                gap = 0;
            }
            line.Append(' ', gap).Append(piece);
            used += gap + w;
        }
        lines.Add(line.ToString());
        return lines;
    }

    private static bool IsWide(string piece) => Width(piece.EnumerateRunes().Last()) == 2;

    private static bool ClosesLine(Rune rune) => rune.Value is '，' or '。' or '、' or '；' or '：' or '）' or '”' or '’' or '》' or '！' or '？' or ',' or '.' or ';' or ':' or ')';

    private static bool OpensLine(string piece) => piece.EnumerateRunes().Last().Value is '（' or '“' or '‘' or '《' or '(';
}
