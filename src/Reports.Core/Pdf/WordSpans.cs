using System.Text.RegularExpressions;

namespace Reports.Pdf;

/// <summary>
/// Where the words of a text are, for the line breaker: <b>kept</b> spans are never split (a figure with its unit of
/// measure, "2.58亿元"; a longer unit, "16.0个百分点", is a word); <b>whole</b> spans are split only when a line would otherwise be left too short or the span
/// is wider than a line (a term of the vocabulary, a quoted name "“百日攻坚”", 《…》, a date "2022年6月30日").
/// Built once per document from its <see cref="PdfVocabulary"/>.
/// </summary>
public sealed partial class WordSpans
{
    private readonly HashSet<string> _terms;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _termLookup;
    private readonly int[] _termLengths;
    private readonly string[] _units;

    public static readonly WordSpans None = new(PdfVocabulary.Empty);

    public WordSpans(PdfVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        // One-character terms protect nothing; a term is CJK text, a Latin word is kept whole anyway.
        _terms = vocabulary.Terms.Select(t => t.Trim()).Where(t => t.Length >= 2).ToHashSet(StringComparer.Ordinal);
        _termLookup = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
        _termLengths = _terms.Select(t => t.Length).Distinct().OrderByDescending(l => l).ToArray();
        // Longest first, so "万元" wins over "万" and "个百分点" over "个".
        _units = vocabulary.Units.Select(u => u.Trim()).Where(u => u.Length > 0).Distinct(StringComparer.Ordinal)
            .OrderByDescending(u => u.Length).ThenBy(u => u, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The spans of <paramref name="text"/> never split: figures with their units.</summary>
    public List<(int Start, int End)> Kept(string text)
    {
        var spans = new List<(int, int)>();
        foreach (Match figure in FigurePattern().Matches(text))
        {
            if (UnitAfter(text, figure) is { Length: <= KeptUnitLength } unit)
            {
                spans.Add((figure.Index, figure.Index + figure.Length + unit.Length));
            }
        }
        return spans;
    }

    /// <summary>The spans of <paramref name="text"/> kept whole where a line allows: terms, quoted names, dates.</summary>
    public List<(int Start, int End)> Whole(string text)
    {
        var spans = new List<(int, int)>();
        // A figure with a long unit ("16.0个百分点") would leave a gap in justified text: kept whole where the line allows,
        // else broken after the figure and the unit's first character, the rest kept as a word ("百分点").
        foreach (Match figure in FigurePattern().Matches(text))
        {
            if (UnitAfter(text, figure) is { Length: > KeptUnitLength } unit)
            {
                var end = figure.Index + figure.Length;
                spans.Add((figure.Index, end + unit.Length));
                spans.Add((end + 1, end + unit.Length));
            }
        }
        // A date breaks, if it must, only between its parts ("2022年" "3月" "22日" each keep their figure).
        foreach (Match date in DatePattern().Matches(text))
        {
            spans.Add((date.Index, date.Index + date.Length));
        }
        foreach (Match quoted in QuotedPattern().Matches(text))
        {
            spans.Add((quoted.Index, quoted.Index + quoted.Length));
        }
        if (_terms.Count > 0)
        {
            var chars = text.AsSpan();
            for (var i = 0; i < chars.Length; i++)
            {
                foreach (var length in _termLengths)
                {
                    if (i + length <= chars.Length && _termLookup.Contains(chars.Slice(i, length)))
                    {
                        spans.Add((i, i + length));
                    }
                }
            }
        }
        return spans;
    }

    /// <summary>Units up to this long never leave their figure ("2.58亿元", "2.3万人"); longer ones ("个百分点") may.</summary>
    private const int KeptUnitLength = 2;

    /// <summary>The longest unit of the vocabulary right after a figure, if any.</summary>
    private string? UnitAfter(string text, Match figure)
    {
        var end = figure.Index + figure.Length;
        foreach (var unit in _units)
        {
            if (string.CompareOrdinal(text, end, unit, 0, unit.Length) == 0)
            {
                return unit;
            }
        }
        return null;
    }

    // 2022年6月30日, 2022年6月, 6月30日.
    [GeneratedRegex("[0-9]{1,4}年[0-9]{1,2}月(?:[0-9]{1,2}日)?|[0-9]{1,2}月[0-9]{1,2}日", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    // A figure: 104731, 2.58, 96.8%, -3.
    [GeneratedRegex("-?[0-9][0-9,]*(?:\\.[0-9]+)?%?", RegexOptions.CultureInvariant)]
    private static partial Regex FigurePattern();

    // A quoted or titled name of up to 24 characters: “百日攻坚”, 《通知》, 「…」.
    [GeneratedRegex("“[^“”\\n]{1,24}”|《[^《》\\n]{1,24}》|「[^「」\\n]{1,24}」", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedPattern();
}
