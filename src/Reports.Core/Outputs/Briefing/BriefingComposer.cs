using Reports.Results;
using Reports.Merge;
using Reports.Pdf;

namespace Reports.Outputs.Briefing;

/// <summary>
/// Puts a briefing together: the office's masthead (报头), the rendered narrative with each task's table and chart,
/// the submission status and the data-quality signals where the template placed them, and the distribution
/// lines (报尾). Knows the document model, not how a page is drawn.
/// </summary>
public static class BriefingComposer
{
    /// <summary>One briefing for several returns of a period: one 报头 and 报尾, each return's narrative in order.</summary>
    public static PdfDocumentModel Compose(IReadOnlyList<ReturnResult> parts, BriefingSettings settings)
    {
        var period = parts[0].Merge.Period;
        var issued = settings.IssueDateFor(period);
        var blocks = new List<PdfBlock>
        {
            new PdfMasthead(settings.MastheadTitle, settings.IssueLine, settings.Office, $"{issued.Year}年{issued.Month}月{issued.Day}日"),
        };
        var titles = new List<string>();
        foreach (var part in parts)
        {
            titles.Add(AddNarrative(blocks, part) ?? part.Merge.Definition.BriefingTitle);
        }
        if (settings.Distribution is { } distribution)
        {
            blocks.Add(new PdfDistribution(distribution.Lines, distribution.CopiesLine));
        }
        var metadata = new PdfMetadata(string.Join("；", titles), settings.Office, settings.IssuedAt(period));
        return new PdfDocumentModel(metadata, blocks);
    }

    /// <summary>Adds a return's narrative with its tables, charts and appendix; returns its first title, if any.</summary>
    private static string? AddNarrative(List<PdfBlock> blocks, ReturnResult part)
    {
        var (merge, analysis) = (part.Merge, part.Analysis);
        string? title = null;
        foreach (var element in part.Narrative)
        {
            switch (element)
            {
                case BriefingTitle t:
                    title ??= t.Text;
                    blocks.Add(new PdfHeading(t.Text, 1));
                    break;
                case BriefingSubtitle s:
                    blocks.Add(new PdfParagraph(s.Text, FirstLineIndent: false, Align: PdfAlign.Center));
                    break;
                case BriefingHeading h:
                    blocks.Add(new PdfHeading(h.Text, 2));
                    break;
                case BriefingParagraph p:
                    blocks.Add(new PdfParagraph(p.Text));
                    break;
                case BriefingTableSlot slot:
                    blocks.Add(TaskTableBuilder.Build(merge, analysis, Section(merge, slot.SectionCode)));
                    break;
                case BriefingChartSlot slot:
                    if (TaskChartBuilder.Build(merge, analysis, Section(merge, slot.SectionCode)) is { } chart)
                    {
                        blocks.Add(chart);
                    }
                    break;
                case BriefingStatusSlot:
                    blocks.Add(new PdfParagraph(AppendixTables.RecordLine(part)));
                    blocks.Add(AppendixTables.Status(part));
                    break;
                case BriefingQualitySlot:
                    blocks.Add(AppendixTables.Quality(part) as PdfBlock
                               ?? new PdfParagraph("各县（市、区）报表审核中未发现需要提示的数据质量问题。"));
                    break;
                case BriefingUnknownSlot unknown:
                    throw new BriefingTemplateException("", [$"不认识的标记 {unknown.Text}"]);
            }
        }
        return title;
    }

    /// <summary>The fonts of the briefing: the configured body and heading fonts before the bundled one.</summary>
    public static PdfFonts Fonts(BriefingSettings settings, PdfFontFile bundled) =>
        new(bundled, settings.BodyFont, settings.HeadingFont);

    private static Definitions.SectionDefinition Section(MergeResult merge, string code) =>
        merge.Definition.Sections.FirstOrDefault(s => s.Code == code)
        ?? throw new BriefingTemplateException(code, [$"引用了不存在的任务代码 {code}"]);
}
