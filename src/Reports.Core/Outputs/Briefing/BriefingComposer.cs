using Reports.Merge;
using Reports.Pdf;
using Reports.Results;

namespace Reports.Outputs.Briefing;

/// <summary>
/// Puts a briefing together: the office's masthead (报头), each return's rendered narrative with its tables and charts
/// (each return after the first on a new page), one appendix at the end with every return's submission status and
/// data-quality signals, and the 报尾 (distribution and the 印发 line). Knows the document model, not how a page is drawn.
/// </summary>
public static class BriefingComposer
{
    /// <summary>
    /// One briefing for several returns of a period: one 报头, one appendix and one 报尾, each return's narrative in order,
    /// rendered here from its result with its template (<paramref name="narratives"/>, one a part; an error in one is a
    /// <see cref="BriefingTemplateException"/>).
    /// </summary>
    public static PdfDocumentModel Compose(IReadOnlyList<ReturnResult> parts, IReadOnlyList<Scriban.Template> narratives, BriefingSettings settings, string? workbookName = null)
    {
        var period = parts[0].Merge.Period;
        var issued = settings.IssueDateFor(period);
        var office = settings.OfficeFor(parts[0].Merge.Roster);
        var date = $"{issued.Year}年{issued.Month}月{issued.Day}日";
        var blocks = new List<PdfBlock>
        {
            new PdfMasthead(settings.MastheadTitle, IssueLineOf(parts, settings), office, date),
        };
        if (settings.Notes.Instruction.Count > 0)
        {
            blocks.Add(new PdfInstructionBox(BriefingNotes.InstructionHeading + "：", settings.Notes.Instruction));
        }
        var titles = new List<string>();
        var appendix = new List<(ReturnResult Part, string Title, string? Heading)>();
        var sections = 0;
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0)
            {
                blocks.Add(new PdfPageBreak());
            }
            var scale = new BriefingScale(parts[i].Merge.Units.Count > settings.FullTablesUpTo, settings.LaggingListed, workbookName);
            var narrative = NarrativeRenderer.Render(narratives[i], parts[i].Merge, parts[i].Analysis);
            var (title, appendixHeading, headings) = AddNarrative(blocks, parts[i], narrative, scale);
            sections = headings;
            titles.Add(title ?? parts[i].Merge.Definition.BriefingTitle);
            if (appendixHeading is not null)
            {
                appendix.Add((parts[i], titles[^1], appendixHeading));
            }
        }
        AddNotes(blocks, settings.Notes, sections);
        AddAppendix(blocks, appendix, parts.Count > 1, settings, workbookName);
        var distribution = settings.Distribution ?? new BriefingDistribution(null, null, null, null);
        blocks.Add(new PdfDistribution(distribution.Lines, distribution.CopiesLine, office, date));
        var metadata = new PdfMetadata(string.Join("；", titles), office, settings.IssuedAt(period));
        return new PdfDocumentModel(metadata, blocks) { Vocabulary = BriefingVocabulary.For(parts) };
    }

    /// <summary>
    /// Adds a return's narrative with its tables and charts, up to its appendix ("## 附件…" and the [[status]] and
    /// [[quality]] slots), which the composer sets once at the end; returns the first title and the appendix heading.
    /// </summary>
    private static (string? Title, string? AppendixHeading, int Sections) AddNarrative(List<PdfBlock> blocks, ReturnResult part, IReadOnlyList<BriefingElement> narrative, BriefingScale scale)
    {
        var (merge, analysis) = (part.Merge, part.Analysis);
        string? title = null;
        string? appendixHeading = null;
        var inAppendix = false;
        var sections = 0;
        // The campaign's trend over its periods follows the lead paragraph, once several periods are in the store.
        var trend = TrendChartBuilder.Build(analysis);
        foreach (var element in narrative)
        {
            if (element is BriefingHeading { Text: var heading } && heading.StartsWith("附件", StringComparison.Ordinal))
            {
                inAppendix = true;
                appendixHeading = heading;
                continue;
            }
            if (element is BriefingStatusSlot or BriefingQualitySlot)
            {
                appendixHeading ??= "附件：各县（市、区）报表报送情况和数据质量提示";
                continue;
            }
            if (inAppendix && element is BriefingParagraph)
            {
                continue;
            }
            switch (element)
            {
                case BriefingTitle t:
                    title ??= t.Text;
                    blocks.Add(new PdfHeading(t.Text, 1));
                    break;
                case BriefingSubtitle s:
                    blocks.Add(new PdfParagraph(s.Text, FirstLineIndent: false, Align: PdfAlign.Center, Role: PdfFontRole.Subheading));
                    break;
                case BriefingHeading h:
                    // "（一）…" is a level-2 heading (楷体); "一、…" a level-1 heading (黑体).
                    blocks.Add(new PdfHeading(h.Text, h.Text.StartsWith('（') ? 3 : 2));
                    sections += h.Text.StartsWith('（') ? 0 : 1;
                    break;
                case BriefingParagraph p:
                    blocks.Add(new PdfParagraph(p.Text));
                    if (trend is not null)
                    {
                        blocks.Add(trend);
                        trend = null;
                    }
                    break;
                case BriefingTableSlot slot:
                    blocks.AddRange(TaskTableBuilder.Build(merge, analysis, Section(merge, slot.SectionCode), scale));
                    break;
                case BriefingChartSlot slot:
                    if (TaskChartBuilder.Build(merge, analysis, Section(merge, slot.SectionCode), scale) is { } chart)
                    {
                        blocks.Add(chart);
                    }
                    break;
                case BriefingUnknownSlot unknown:
                    throw new BriefingTemplateException("", [$"不认识的标记 {unknown.Text}"]);
            }
        }
        KeepClosingParagraphCompany(blocks);
        return (title, appendixHeading, sections);
    }

    /// <summary>
    /// The 报头's issue line: the setting when it names one, else the store's number of the period (第N期: the Nth period
    /// of the return approved in its year); a period not approved (any return of it) is marked 送审稿 and has no number.
    /// </summary>
    public static string IssueLineOf(IReadOnlyList<ReturnResult> parts, BriefingSettings settings)
    {
        var line = settings.IssueLine.Trim();
        if (line.Length == 0 && !IsDraft(parts) && parts[0].IssueNumber is { } number)
        {
            line = $"第{number}期";
        }
        return IsDraft(parts) ? $"{line}（{BriefingSettings.DraftMark}）" : line;
    }

    /// <summary>Whether the briefing is a draft for review (送审稿): some return of it is not approved.</summary>
    public static bool IsDraft(IReadOnlyList<ReturnResult> parts) => parts.Any(p => p.Approval is null);

    /// <summary>
    /// The office's own sections after the generated ones, numbered on in the same heading style ("八、存在问题"), their
    /// paragraphs as written: the office writes the words, the briefing the numbers.
    /// </summary>
    private static void AddNotes(List<PdfBlock> blocks, BriefingNotes notes, int generated)
    {
        for (var i = 0; i < notes.Sections.Count; i++)
        {
            var section = notes.Sections[i];
            blocks.Add(new PdfHeading($"{ChineseNumber(generated + i + 1)}、{section.Heading}", 2));
            blocks.AddRange(section.Paragraphs.Select(p => new PdfParagraph(p)));
        }
        if (notes.Sections.Count > 0)
        {
            KeepClosingParagraphCompany(blocks);
        }
    }

    /// <summary>
    /// The narrative's closing paragraph (a line or two before the appendix's new page) never stands alone at the top
    /// of a page: the paragraph before it keeps its last lines with it.
    /// </summary>
    private static void KeepClosingParagraphCompany(List<PdfBlock> blocks)
    {
        if (blocks.Count >= 2 && blocks[^1] is PdfParagraph && blocks[^2] is PdfParagraph before)
        {
            blocks[^2] = before with { KeepWithNext = true };
        }
    }

    /// <summary>The one appendix, on a page of its own: per return (named when there are several) its tables.</summary>
    private static void AddAppendix(List<PdfBlock> blocks, IReadOnlyList<(ReturnResult Part, string Title, string? Heading)> parts, bool several,
        BriefingSettings settings, string? workbookName)
    {
        if (parts.Count == 0)
        {
            return;
        }
        // GB/T 9704: "附件" at the top left in 黑体, then the appendix's title centred, as a title.
        blocks.Add(new PdfPageBreak());
        var heading = parts[0].Heading!;
        var colon = heading.IndexOf('：', StringComparison.Ordinal);
        blocks.Add(new PdfParagraph(colon > 0 ? heading[..colon] : "附件", FirstLineIndent: false, Role: PdfFontRole.Heading));
        blocks.Add(new PdfHeading(colon > 0 ? heading[(colon + 1)..] : heading, 1));
        var tables = BriefingAppendix.Build(parts.Select(p => p.Part).ToList(), settings, workbookName);
        foreach (var section in tables.Sections)
        {
            if (several)
            {
                blocks.Add(new PdfHeading($"（{ChineseNumber(section.Index + 1)}）{parts[section.Index].Title}", 3));
            }
            blocks.AddRange(section.Blocks);
        }
    }

    /// <summary>一, 二, … 十, 十一 …: the numbering of "（一）" headings.</summary>
    internal static string ChineseNumber(int n)
    {
        const string digits = "〇一二三四五六七八九";
        return n switch
        {
            < 10 => digits[n].ToString(),
            10 => "十",
            < 20 => "十" + digits[n - 10],
            < 100 => digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString()),
            _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private static Definitions.SectionDefinition Section(MergeResult merge, string code) =>
        merge.Definition.Sections.FirstOrDefault(s => s.Code == code)
        ?? throw new BriefingTemplateException(code, [$"引用了不存在的任务代码 {code}"]);
}
