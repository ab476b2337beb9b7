namespace Reports.Tests.Support;

/// <summary>What a reader checks of text set in lines: whether a word was cut between two of them.</summary>
public static class LineBreaks
{
    /// <summary>A description of the first word of <paramref name="words"/> that starts on one line and ends on the
    /// next; null when none is split.</summary>
    public static string? SplitWord(IReadOnlyList<string> lines, IEnumerable<string> words)
    {
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            foreach (var word in words)
            {
                for (var k = 1; k < word.Length; k++)
                {
                    if (lines[i].EndsWith(word[..k], StringComparison.Ordinal) && lines[i + 1].StartsWith(word[k..], StringComparison.Ordinal))
                    {
                        return $"“{word}” split between “{lines[i]}” and “{lines[i + 1]}”";
                    }
                }
            }
        }
        return null;
    }
}
