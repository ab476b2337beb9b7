namespace Reports.Pdf;

/// <summary>What elements need to lay themselves out: fonts, the text width, the page body height and the document's
/// words (<see cref="WordSpans"/>), which lines break around.</summary>
internal sealed record LayoutContext(FontSet Fonts, float Width, float BodyHeight)
{
    public WordSpans Words { get; init; } = WordSpans.None;

    /// <summary>Justified text: a word moves whole to the next line when it leaves at most this many characters'
    /// room (ems of the text's size) — more would show as gaps between the characters.</summary>
    public const float BodyKeepWithinEms = 4;

    /// <summary>Lines of justified text (a paragraph, a heading): words kept while they leave little room.</summary>
    public IReadOnlyList<string> BreakLines(string text, Func<string, float> measure, float maxWidth, float firstLineIndent = 0, float? em = null) =>
        LineBreaker.Break(text, maxWidth, measure, firstLineIndent, Words, em is { } size ? size * BodyKeepWithinEms : float.PositiveInfinity);

    /// <summary>Lines of ragged text (a table cell): words always kept unless wider than a line.</summary>
    public IReadOnlyList<string> BreakRagged(string text, Func<string, float> measure, float maxWidth) =>
        LineBreaker.Break(text, maxWidth, measure, 0, Words, float.PositiveInfinity);

    /// <summary>
    /// Breaks centred text (a title, a caption) as a typesetter would: in as few lines as <paramref name="maxWidth"/>
    /// needs, each break after punctuation or before an opening bracket where one can be ("表：…情况" over "（按…）",
    /// "长治市“…攻坚”" over "专项行动进展情况"), and of even length — of the breakings found narrowing the width
    /// step by step or at each punctuation, the one with fewest breaks inside a word (<see cref="WordSpans"/>), then
    /// inside running text, then the narrowest, so a title never ends on a
    /// lone "况" or a caption on "列）".
    /// </summary>
    public IReadOnlyList<string> BreakBalanced(string text, Func<string, float> measure, float maxWidth, float step)
    {
        var lines = BreakRagged(text, measure, maxWidth);
        if (lines.Count < 2 || step <= 0)
        {
            return lines;
        }
        var best = lines;
        var bestScore = Score(text, lines, measure);
        for (var narrower = maxWidth - step; narrower >= step * 2; narrower -= step)
        {
            var tried = BreakRagged(text, measure, narrower);
            if (tried.Count > lines.Count)
            {
                break;
            }
            var score = Score(text, tried, measure);
            if (score.CompareTo(bestScore) <= 0)
            {
                (best, bestScore) = (tried, score);
            }
        }
        // Greedy filling never breaks early at punctuation ("…情况" before "（按…"): try each such place once.
        for (var at = 1; at < text.Length; at++)
        {
            if (!LineBreaker.IsClosingPunctuation(text[at - 1]) && !LineBreaker.IsOpeningPunctuation(text[at]))
            {
                continue;
            }
            if (LineBreaker.IsClosingPunctuation(text[at]) || LineBreaker.IsOpeningPunctuation(text[at - 1]))
            {
                continue;
            }
            var split = BreakRagged(text[..at], measure, maxWidth).Concat(BreakRagged(text[at..], measure, maxWidth)).ToList();
            if (split.Count > lines.Count)
            {
                continue;
            }
            var score = Score(text, split, measure);
            if (score.CompareTo(bestScore) < 0)
            {
                (best, bestScore) = (split, score);
            }
        }

        return best;
    }

    /// <summary>A breaking's faults: breaks inside a word (worst), breaks inside running text, then its widest line.</summary>
    private (int InWord, int Inside, float Width) Score(string text, IReadOnlyList<string> lines, Func<string, float> measure)
    {
        var words = Words.Whole(text);
        var whole = string.Concat(lines) == text;
        var (inWord, inside, offset) = (0, 0, 0);
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            offset += lines[i].Length;
            var atPunctuation = (lines[i].Length > 0 && LineBreaker.IsClosingPunctuation(lines[i][^1]))
                || (lines[i + 1].Length > 0 && LineBreaker.IsOpeningPunctuation(lines[i + 1][0]));
            inside += atPunctuation ? 0 : 1;
            inWord += whole && words.Exists(w => w.Start < offset && offset < w.End) ? 1 : 0;
        }
        return (inWord, inside, lines.Max(measure));
    }
}

/// <summary>A block of the document model turned into measured, drawable fragments.</summary>
internal interface ILayoutElement
{
    IEnumerable<Fragment> Layout(LayoutContext context);
}

internal static class LayoutElements
{
    public static ILayoutElement For(PdfBlock block) => block switch
    {
        PdfMasthead m => new MastheadElement(m),
        PdfHeading h => new HeadingElement(h),
        PdfParagraph p => new ParagraphElement(p),
        PdfTable t => new TableElement(t),
        PdfSpacer s => new SpacerElement(s),
        PdfPageBreak => new PageBreakElement(),
        PdfBarChart c => new BarChartElement(c),
        PdfLineChart l => new LineChartElement(l),
        PdfDistribution d => new DistributionElement(d),
        PdfInstructionBox i => new InstructionBoxElement(i),
        _ => throw new NotSupportedException($"不支持的 PDF 内容块类型 {block.GetType().Name}"),
    };
}

internal sealed class SpacerElement(PdfSpacer spacer) : ILayoutElement
{
    public IEnumerable<Fragment> Layout(LayoutContext context)
    {
        if (spacer.HeightPt > 0)
        {
            yield return new SpaceFragment(spacer.HeightPt);
        }
    }
}

internal sealed class HeadingElement(PdfHeading heading) : ILayoutElement
{
    public IEnumerable<Fragment> Layout(LayoutContext context)
    {
        var title = heading.Level <= 1;
        var size = title ? Typography.Heading1Size : Typography.Heading2Size;
        var lineHeight = size * (title ? Typography.Heading1Leading : Typography.Heading2Leading);
        var role = heading.Level switch { <= 1 => PdfFontRole.Title, 2 => PdfFontRole.Heading, _ => PdfFontRole.Subheading };
        var font = context.Fonts.Get(size, context.Fonts.IsEmboldened(role), role);
        // "一、" and "（一）" headings sit in the text like a paragraph: indented two characters, left.
        var indent = title ? 0 : size * Typography.FirstLineIndentChars;

        if (title)
        {
            yield return new SpaceFragment(Typography.Heading1SpacingBefore) { KeepWithNext = true };
        }
        var lines = title
            ? context.BreakBalanced(heading.Text, s => font.Measure(s), context.Width, size / 2)
            : context.BreakLines(heading.Text, s => font.Measure(s), context.Width, indent, size);
        for (var i = 0; i < lines.Count; i++)
        {
            yield return new TextLineFragment(lines[i], font, Typography.Text, lineHeight)
            {
                Align = title ? PdfAlign.Center : PdfAlign.Left,
                Indent = i == 0 ? indent : 0,
                KeepWithNext = true,
            };
        }

        if (title)
        {
            yield return new SpaceFragment(Typography.Heading1SpacingAfter) { KeepWithNext = true };
        }
    }
}

/// <summary>Starts a new page unless the page is still empty.</summary>
internal sealed class PageBreakElement : ILayoutElement
{
    public IEnumerable<Fragment> Layout(LayoutContext context)
    {
        yield return new PageBreakFragment();
    }
}

internal sealed class ParagraphElement(PdfParagraph paragraph) : ILayoutElement
{
    public IEnumerable<Fragment> Layout(LayoutContext context)
    {
        var size = paragraph.FontSizePt ?? Typography.BodySize;
        var lineHeight = size * Typography.BodyLeading;
        var font = context.Fonts.Get(size, context.Fonts.IsEmboldened(paragraph.Role), paragraph.Role);
        var indent = paragraph.FirstLineIndent ? size * Typography.FirstLineIndentChars : 0;

        var hardLines = paragraph.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var h = 0; h < hardLines.Length; h++)
        {
            var firstIndent = h == 0 ? indent : 0;
            var lines = BreakWithoutLoneCharacter(context, hardLines[h], font, firstIndent, size);
            for (var i = 0; i < lines.Count; i++)
            {
                yield return new TextLineFragment(lines[i], font, Typography.Text, lineHeight)
                {
                    Indent = i == 0 ? firstIndent : 0,
                    Align = paragraph.Align,
                    Justify = paragraph.Align == PdfAlign.Left && i < lines.Count - 1,
                    // No orphan (first line alone at a page foot) and no widow (last line alone at a page top).
                    KeepWithNext = (lines.Count >= 2 && (i == 0 || i == lines.Count - 2))
                                   || (paragraph.KeepWithNext && h == hardLines.Length - 1 && i >= lines.Count - 2),
                };
            }
        }

        // Paragraphs follow each other on the 22-line grid: no space between them.
    }

    /// <summary>
    /// Breaks a justified paragraph so that its last line is not a lone character ("务。"): when it would be,
    /// the lines are broken a character narrower, which pulls a character down, and justified back to full width.
    /// </summary>
    private IReadOnlyList<string> BreakWithoutLoneCharacter(LayoutContext context, string text, TextFont font, float firstIndent, float size)
    {
        var em = paragraph.Align == PdfAlign.Left ? size : (float?)null;
        var lines = context.BreakLines(text, s => font.Measure(s), context.Width, firstIndent, em);
        if (paragraph.Align != PdfAlign.Left || lines.Count < 2 || !IsLoneCharacter(lines[^1]))
        {
            return lines;
        }
        var narrower = context.BreakLines(text, s => font.Measure(s), context.Width - size, firstIndent, em);
        return narrower.Count == lines.Count && !IsLoneCharacter(narrower[^1]) ? narrower : lines;
    }

    /// <summary>One character, perhaps followed by closing punctuation.</summary>
    private static bool IsLoneCharacter(string line)
    {
        var runes = line.EnumerateRunes().Where(r => !LineBreaker.IsClosingPunctuation(r.Value)).Take(2).Count();
        return runes <= 1;
    }
}
