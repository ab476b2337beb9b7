using System.Text;

namespace Reports.Pdf;

/// <summary>
/// Greedy line breaker for mixed Chinese/Latin text:
/// a break is allowed between any two CJK characters and around Latin runs; runs of Latin letters, digits and
/// ASCII punctuation ("104731", "105.28%", "COVID-19") are never split unless a run alone is wider than a line;
/// Latin words wrap at spaces; no line starts with closing punctuation (，。、；：？！）」』》”’ ,.;:?!) …)
/// and no line ends with opening punctuation (（「『《“‘ ( …); "——" and "……" stay together.
/// Fallbacks for very narrow widths: when a glued group (e.g. "105.28%。") is wider than a line, the punctuation
/// rule gives way first; only a single run wider than a line is split between characters.
/// </summary>
public static class LineBreaker
{
    private const string Closing = "，。、；：？！）」』》〉】〕〗〙〛”’,.;:?!)]}%‰℃°·・ー～｝］｠";
    private const string Opening = "（「『《〈【〔〖〘〚“‘([{｛［｟";
    private const float Epsilon = 0.01f;

    private enum UnitKind { Cjk, Word, Space }

    private readonly record struct Unit(string Text, UnitKind Kind);

    /// <summary>Breaks <paramref name="text"/> into lines no wider than <paramref name="maxWidth"/>
    /// (the first line no wider than <paramref name="maxWidth"/> − <paramref name="firstLineIndent"/>).
    /// Spaces at line ends are dropped. A '\n' forces a break. Never returns an empty list.</summary>
    public static IReadOnlyList<string> Break(string text, float maxWidth, Func<string, float> measure, float firstLineIndent = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(measure);
        var lines = new List<string>();
        var hardLines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < hardLines.Length; i++)
        {
            BreakHardLine(hardLines[i], maxWidth, measure, i == 0 ? firstLineIndent : 0, lines);
        }
        return lines;
    }

    /// <summary>True for characters that form a break opportunity on both sides (ideographs, kana, hangul,
    /// CJK and full-width punctuation, CJK quotes, dashes and ellipses).</summary>
    public static bool IsCjk(int cp) =>
        cp is >= 0x1100 and <= 0x11FF
           or >= 0x2E80 and <= 0x2FFF
           or >= 0x3000 and <= 0x4DBF
           or >= 0x4E00 and <= 0x9FFF
           or >= 0xA960 and <= 0xA97F
           or >= 0xAC00 and <= 0xD7AF
           or >= 0xF900 and <= 0xFAFF
           or >= 0xFE10 and <= 0xFE1F
           or >= 0xFE30 and <= 0xFE4F
           or >= 0xFF00 and <= 0xFFEF
           or >= 0x20000 and <= 0x3FFFF
           or 0x2014 or 0x2015 or 0x2018 or 0x2019 or 0x201C or 0x201D or 0x2026 or 0x00B7;

    private static void BreakHardLine(string text, float maxWidth, Func<string, float> measure, float indent, List<string> lines)
    {
        var groups = Glue(Tokenize(text));
        var line = new StringBuilder();
        float lineWidth = 0;
        var pendingSpace = "";
        var avail = maxWidth - indent;

        void Emit()
        {
            lines.Add(line.ToString());
            line.Clear();
            lineWidth = 0;
            pendingSpace = "";
            avail = maxWidth;
        }

        // Appends a piece if it fits on the current line, else on a fresh line; false if it is wider than a line.
        bool TryAppend(string piece)
        {
            var w = measure(piece);
            var spaceW = pendingSpace.Length > 0 ? measure(pendingSpace) : 0;
            if (line.Length > 0 && lineWidth + spaceW + w <= avail + Epsilon)
            {
                line.Append(pendingSpace).Append(piece);
                lineWidth += spaceW + w;
                pendingSpace = "";
                return true;
            }

            if (line.Length > 0)
            {
                Emit();
            }
            pendingSpace = "";
            if (w > avail + Epsilon)
            {
                return false;
            }
            line.Append(piece);
            lineWidth = w;
            return true;
        }

        // Last resort for a run wider than a line: split it between characters, still keeping closing
        // punctuation off line starts and opening punctuation off line ends where possible.
        void SplitRunes(string piece)
        {
            var runes = Runes(piece).ToArray();
            var widths = runes.Select(measure).ToArray();
            var start = 0;
            float w = 0;
            for (var i = 0; i < runes.Length; i++)
            {
                if (i > start && w + widths[i] > avail + Epsilon)
                {
                    var k = i;
                    while (k - 1 > start && (IsClosing(runes[k]) || IsOpening(runes[k - 1])))
                    {
                        k--;
                    }
                    line.Append(string.Concat(runes[start..k]));
                    Emit();
                    start = k;
                    w = widths[start..i].Sum();
                }

                w += widths[i];
            }

            line.Append(string.Concat(runes[start..]));
            lineWidth = w;
        }

        foreach (var group in groups)
        {
            if (group[0].Kind == UnitKind.Space)
            {
                if (line.Length > 0)
                {
                    pendingSpace += group[0].Text;
                }
                continue;
            }

            if (TryAppend(string.Concat(group.Select(u => u.Text))))
            {
                continue;
            }

            // The glued group is wider than a line: give up the punctuation rules inside it before
            // splitting a run of letters or digits.
            foreach (var unit in group)
            {
                if (!TryAppend(unit.Text))
                {
                    SplitRunes(unit.Text);
                }
            }
        }

        Emit(); // the last line of a hard line, possibly empty
    }

    private static List<Unit> Tokenize(string text)
    {
        var units = new List<Unit>();
        var word = new StringBuilder();
        var space = new StringBuilder();

        void FlushWord()
        {
            if (word.Length > 0) { units.Add(new Unit(word.ToString(), UnitKind.Word)); word.Clear(); }
        }

        void FlushSpace()
        {
            if (space.Length > 0) { units.Add(new Unit(space.ToString(), UnitKind.Space)); space.Clear(); }
        }

        foreach (var r in text.EnumerateRunes())
        {
            if (r.Value != 0x3000 && Rune.IsWhiteSpace(r))
            {
                FlushWord();
                space.Append(r.ToString());
            }
            else if (IsCjk(r.Value))
            {
                FlushWord();
                FlushSpace();
                units.Add(new Unit(r.ToString(), UnitKind.Cjk));
            }
            else
            {
                FlushSpace();
                word.Append(r.ToString());
            }
        }

        FlushWord();
        FlushSpace();
        return units;
    }

    /// <summary>Joins units between which no break is allowed into groups.</summary>
    private static List<List<Unit>> Glue(List<Unit> units)
    {
        var groups = new List<List<Unit>>();
        Unit? previous = null;
        foreach (var u in units)
        {
            var glue = previous is { } p
                && p.Kind != UnitKind.Space && u.Kind != UnitKind.Space
                && (IsClosing(u.Text) || IsOpening(p.Text)
                    || (p.Text == u.Text && p.Text is "—" or "…" or "―")
                    || IsFigureAndUnit(p, u));
            if (glue)
            {
                groups[^1].Add(u);
            }
            else
            {
                groups.Add([u]);
            }
            previous = u;
        }

        return groups;
    }

    /// <summary>A figure keeps its unit: "104731人", "2.3万" never end one line and start the next.</summary>
    private static bool IsFigureAndUnit(Unit previous, Unit unit) =>
        previous.Kind == UnitKind.Word && char.IsAsciiDigit(previous.Text[^1])
        && unit.Kind == UnitKind.Cjk && unit.Text[0] is >= '\u4E00' and <= '\u9FFF';

    private static bool IsClosing(string rune) => Closing.Contains(rune[0], StringComparison.Ordinal);

    /// <summary>True for punctuation that may not start a line (，。）” …).</summary>
    public static bool IsClosingPunctuation(int cp) => cp <= 0xFFFF && Closing.Contains((char)cp, StringComparison.Ordinal);

    private static bool IsOpening(string rune) => Opening.Contains(rune[^1], StringComparison.Ordinal);

    private static IEnumerable<string> Runes(string s)
    {
        foreach (var r in s.EnumerateRunes())
        {
            yield return r.ToString();
        }
    }
}
