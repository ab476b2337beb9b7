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
/// With <see cref="WordSpans"/>, words are kept too: a figure with its unit ("2.58亿元") and a date never split; a
/// term of the return or a quoted name ("“百日攻坚”") moves to the next line whole unless that would leave more than
/// <c>keepWithin</c> of the line empty (body text stays evenly justified) or it is wider than a line — then it
/// breaks, at its own inner words first.
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
    public static IReadOnlyList<string> Break(string text, float maxWidth, Func<string, float> measure, float firstLineIndent = 0) =>
        Break(text, maxWidth, measure, firstLineIndent, WordSpans.None, float.PositiveInfinity);

    /// <summary>As <see cref="Break(string, float, Func{string, float}, float)"/>, keeping the words <paramref name="words"/>
    /// finds; a whole-word span moves to the next line only while the room it leaves is at most <paramref name="keepWithin"/>
    /// (infinity for titles and captions, a few characters for justified body text).</summary>
    public static IReadOnlyList<string> Break(string text, float maxWidth, Func<string, float> measure, float firstLineIndent, WordSpans words, float keepWithin)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(words);
        var lines = new List<string>();
        var hardLines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < hardLines.Length; i++)
        {
            BreakHardLine(hardLines[i], maxWidth, measure, i == 0 ? firstLineIndent : 0, lines, words, keepWithin);
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

    private static void BreakHardLine(string text, float maxWidth, Func<string, float> measure, float indent, List<string> lines,
        WordSpans words, float keepWithin)
    {
        var units = Tokenize(text);
        var groups = Glue(units, words.Kept(text));
        var wholeSpans = GroupSpans(groups, words.Whole(text));
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

        void Place(List<Unit> group)
        {
            if (group[0].Kind == UnitKind.Space)
            {
                if (line.Length > 0)
                {
                    pendingSpace += group[0].Text;
                }
                return;
            }

            if (TryAppend(string.Concat(group.Select(u => u.Text))))
            {
                return;
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

        // A word (groups from..to): whole on this line, else whole on the next when that leaves little room here and
        // it fits a line, else group by group — its own inner words kept in turn.
        void PlaceWord(int from, int to, List<(int Start, int End)> spans)
        {
            var text = string.Concat(groups.Skip(from).Take(to - from + 1).SelectMany(g => g).Select(u => u.Text));
            var width = measure(text);
            var spaceW = pendingSpace.Length > 0 ? measure(pendingSpace) : 0;
            if (line.Length > 0 && lineWidth + spaceW + width <= avail + Epsilon)
            {
                line.Append(pendingSpace).Append(text);
                lineWidth += spaceW + width;
                pendingSpace = "";
                return;
            }
            if (line.Length > 0 && avail - lineWidth <= keepWithin + Epsilon && width <= maxWidth + Epsilon)
            {
                Emit();
            }
            if (line.Length == 0 && width <= avail + Epsilon)
            {
                line.Append(text);
                lineWidth = width;
                return;
            }
            // Its inner words: strictly shorter, so each level of this recursion works on less.
            Run(from, to, spans.Where(sp => sp.Start >= from && sp.End <= to && sp.End - sp.Start < to - from).ToList());
        }

        // Groups from..to, the outermost words among spans placed as words, the rest group by group.
        void Run(int from, int to, List<(int Start, int End)> spans)
        {
            var i = from;
            while (i <= to)
            {
                var end = -1;
                foreach (var span in spans)
                {
                    if (span.Start == i)
                    {
                        end = Math.Max(end, span.End);
                    }
                }
                if (end < 0)
                {
                    Place(groups[i]);
                    i++;
                    continue;
                }
                // Overlapping words make one ("脱贫劳动力务工" + "务工总人数") — unless that is the whole range being
                // broken, which is a word already found too wide: then its words one by one.
                var single = end;
                for (var grown = true; grown;)
                {
                    grown = false;
                    foreach (var span in spans)
                    {
                        if (span.Start > i && span.Start <= end && span.End > end)
                        {
                            end = span.End;
                            grown = true;
                        }
                    }
                }
                if (i == from && end >= to && single < to)
                {
                    end = single;
                }
                PlaceWord(i, Math.Min(end, to), spans);
                i = end + 1;
            }
        }

        Run(0, groups.Count - 1, wholeSpans);
        Emit(); // the last line of a hard line, possibly empty
    }

    /// <summary>Character spans as spans of whole groups (first and last group index); spans within one group dropped.</summary>
    private static List<(int Start, int End)> GroupSpans(List<List<Unit>> groups, List<(int Start, int End)> spans)
    {
        if (spans.Count == 0)
        {
            return [];
        }
        // The character offset where each group starts and ends.
        var starts = new int[groups.Count];
        var ends = new int[groups.Count];
        var offset = 0;
        for (var g = 0; g < groups.Count; g++)
        {
            starts[g] = offset;
            offset += groups[g].Sum(u => u.Text.Length);
            ends[g] = offset;
        }
        var result = new HashSet<(int, int)>();
        foreach (var (start, end) in spans)
        {
            var first = Array.FindIndex(ends, e => e > start);
            var last = Array.FindLastIndex(starts, s => s < end);
            if (first >= 0 && last > first)
            {
                result.Add((first, last));
            }
        }
        return result.OrderBy(s => s.Item1).ThenByDescending(s => s.Item2).ToList();
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
    private static List<List<Unit>> Glue(List<Unit> units, List<(int Start, int End)> kept)
    {
        var groups = new List<List<Unit>>();
        Unit? previous = null;
        var offset = 0;
        foreach (var u in units)
        {
            var glue = previous is { } p
                && p.Kind != UnitKind.Space && u.Kind != UnitKind.Space
                && (IsClosing(u.Text) || IsOpening(p.Text)
                    || (p.Text == u.Text && p.Text is "—" or "…" or "―")
                    || IsFigureAndUnit(p, u)
                    || kept.Exists(k => k.Start < offset && offset < k.End));
            if (glue)
            {
                groups[^1].Add(u);
            }
            else
            {
                groups.Add([u]);
            }
            previous = u;
            offset += u.Text.Length;
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

    /// <summary>True for punctuation that may not end a line (（“《 …).</summary>
    public static bool IsOpeningPunctuation(char c) => Opening.Contains(c, StringComparison.Ordinal);

    private static bool IsOpening(string rune) => Opening.Contains(rune[^1], StringComparison.Ordinal);

    private static IEnumerable<string> Runes(string s)
    {
        foreach (var r in s.EnumerateRunes())
        {
            yield return r.ToString();
        }
    }
}
