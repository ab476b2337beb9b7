using Reports.Pdf;
using Reports.Results;

namespace Reports.Outputs.Briefing;

/// <summary>One return's part of the appendix: its tables (附表 numbered on across returns), in order.</summary>
public sealed record AppendixSection(int Index, ReturnResult Part, IReadOnlyList<PdfBlock> Blocks);

/// <summary>
/// The briefing's one appendix, built from the results: per return the submission status of its units and its
/// data-quality signals. A new table or line goes here (and into <see cref="AppendixTables"/>), nowhere else.
/// </summary>
public sealed record BriefingAppendix(IReadOnlyList<AppendixSection> Sections)
{
    public static BriefingAppendix Build(IReadOnlyList<ReturnResult> parts, BriefingSettings? settings = null, string? workbookName = null)
    {
        var sections = new List<AppendixSection>();
        var number = 1;
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            var scale = settings is null || part.Merge.Units.Count <= settings.FullTablesUpTo
                ? BriefingScale.Full with { WorkbookName = workbookName }
                : new BriefingScale(true, settings.LaggingListed, workbookName);
            var blocks = new List<PdfBlock>(AppendixTables.Status(part, number++, scale));
            if (AppendixTables.Quality(part, number, scale) is { } quality)
            {
                blocks.Add(quality);
                number++;
            }
            else
            {
                blocks.Add(new PdfParagraph("报表审核和合理性核查中未发现需要提示的数据质量问题。"));
            }
            sections.Add(new AppendixSection(i, part, blocks));
        }
        return new BriefingAppendix(sections);
    }
}
