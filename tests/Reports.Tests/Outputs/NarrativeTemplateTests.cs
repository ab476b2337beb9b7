using Reports.Outputs.Briefing;
using Reports.Tests.Support;

namespace Reports.Tests.Outputs;

/// <summary>The office's briefing templates: errors reported with their place, before any output is written.</summary>
public sealed class NarrativeTemplateTests
{
    [Fact]
    public void A_template_with_a_syntax_error_is_reported_with_its_line()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "broken.scriban");
        File.WriteAllText(path, "第一行\n{{ if total.emp_total > 0 }}\n未闭合的条件\n");
        var error = Assert.Throws<BriefingTemplateException>(() => NarrativeRenderer.Load(path));
        Assert.Contains("broken.scriban", error.Message);
        Assert.NotEmpty(error.Messages);
    }

    [Fact]
    public void Rendered_lines_become_titles_headings_tables_and_paragraphs()
    {
        var elements = NarrativeRenderer.Split("# 标题\n### （截至2022年6月底）\n\n## 一、务工就业\n第一句，\n接着一句。\n\n[[table:employment]]\n另一段。");
        Assert.Equal(
            [
                new BriefingTitle("标题"),
                new BriefingSubtitle("（截至2022年6月底）"),
                new BriefingHeading("一、务工就业"),
                new BriefingParagraph("第一句，接着一句。"),
                new BriefingTableSlot("employment"),
                new BriefingParagraph("另一段。"),
            ],
            elements);
    }

    [Fact]
    public void The_bundled_templates_parse()
    {
        foreach (var path in Directory.GetFiles(Path.Combine(RepositoryPaths.Templates, "briefing"), "*.scriban"))
        {
            Assert.False(NarrativeRenderer.Load(path).HasErrors);
        }
    }
}
