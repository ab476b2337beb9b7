using Reports.Merge;
using Reports.Pdf;

namespace Reports.Outputs.Briefing;

/// <summary>
/// Puts a briefing together: the office's masthead, then the rendered narrative with each task's table where
/// the template placed it. Knows the document model, not how a page is drawn.
/// </summary>
public static class BriefingComposer
{
    public static PdfDocumentModel Compose(MergeResult merge, IReadOnlyList<BriefingElement> narrative, BriefingSettings settings, DateTimeOffset issued)
    {
        var blocks = new List<PdfBlock>
        {
            new PdfMasthead(settings.MastheadTitle, settings.IssueLine, settings.Office, $"{issued.Year}年{issued.Month}月{issued.Day}日"),
        };
        string? title = null;
        foreach (var element in narrative)
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
                    var section = merge.Definition.Sections.FirstOrDefault(s => s.Code == slot.SectionCode)
                        ?? throw new BriefingTemplateException(slot.SectionCode, [$"[[table:{slot.SectionCode}]] 引用了不存在的任务代码"]);
                    blocks.Add(TaskTableBuilder.Build(merge, section));
                    break;
            }
        }
        var metadata = new PdfMetadata(title ?? merge.Definition.BriefingTitle, settings.Office, issued);
        return new PdfDocumentModel(metadata, blocks);
    }
}
