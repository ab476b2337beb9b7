using System.Text;
using Reports.Analysis;
using Reports.Merge;
using Scriban;
using Scriban.Runtime;

namespace Reports.Outputs.Briefing;

/// <summary>
/// Renders a return's narrative from its Scriban template (templates/briefing/RETURN.scriban) with the merged
/// figures. The template is parsed first and all its errors reported together; variables are strict, so a
/// misspelt name is an error rather than a silent blank.
/// </summary>
public static class NarrativeRenderer
{
    public static string PathFor(string templatesDirectory, string returnCode) =>
        Path.Combine(templatesDirectory, "briefing", returnCode + ".scriban");

    /// <summary>Parses the template; throws <see cref="BriefingTemplateException"/> with every error.</summary>
    public static Template Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            throw new BriefingTemplateException(path, [problem is FileNotFoundException or DirectoryNotFoundException ? "文件不存在" : $"无法读取（{problem.Message}）"]);
        }
        var template = Template.Parse(text, path);
        if (template.HasErrors)
        {
            throw new BriefingTemplateException(path, template.Messages.Select(m => m.ToString()).ToList());
        }
        return template;
    }

    public static IReadOnlyList<BriefingElement> Render(Template template, MergeResult merge, MergeAnalysis analysis)
    {
        var globals = new ScriptObject();
        globals.Import(typeof(BriefingFunctions));
        foreach (var (name, value) in BriefingModel.Build(merge, analysis))
        {
            globals.SetValue(name, value, readOnly: true);
        }
        // Loops run over the units: a national roster has tens of thousands, far past Scriban's default of 1,000.
        var context = new TemplateContext { StrictVariables = true, EnableRelaxedMemberAccess = false, LoopLimit = int.MaxValue };
        context.PushGlobal(globals);
        string text;
        try
        {
            text = template.Render(context);
        }
        catch (Scriban.Syntax.ScriptRuntimeException error)
        {
            throw new BriefingTemplateException(template.SourceFilePath ?? "", [error.Message]);
        }
        var elements = Split(text);
        CheckSlots(elements, merge, template.SourceFilePath ?? "");
        return elements;
    }

    private static BriefingElement Slot(string line)
    {
        var body = line[2..^2].Trim();
        var colon = body.IndexOf(':', StringComparison.Ordinal);
        var (kind, argument) = colon < 0 ? (body, "") : (body[..colon].Trim(), body[(colon + 1)..].Trim());
        return (kind, argument.Length > 0) switch
        {
            ("table", true) => new BriefingTableSlot(argument),
            ("chart", true) => new BriefingChartSlot(argument),
            ("status", false) => new BriefingStatusSlot(),
            ("quality", false) => new BriefingQualitySlot(),
            _ => new BriefingUnknownSlot(line),
        };
    }

    /// <summary>Every slot must name something the composer can fill: a task of the return for tables and charts.</summary>
    private static void CheckSlots(IReadOnlyList<BriefingElement> elements, MergeResult merge, string path)
    {
        var sections = merge.Definition.Sections.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var element in elements)
        {
            switch (element)
            {
                case BriefingUnknownSlot u:
                    problems.Add($"不认识的标记 {u.Text}（可用：[[table:任务代码]]、[[chart:任务代码]]、[[status]]、[[quality]]）");
                    break;
                case BriefingTableSlot t when !sections.Contains(t.SectionCode):
                    problems.Add($"[[table:{t.SectionCode}]] 引用了不存在的任务代码");
                    break;
                case BriefingChartSlot c when !sections.Contains(c.SectionCode):
                    problems.Add($"[[chart:{c.SectionCode}]] 引用了不存在的任务代码");
                    break;
            }
        }
        if (problems.Count > 0)
        {
            throw new BriefingTemplateException(path, problems);
        }
    }

    /// <summary>Turns the rendered lines into elements; consecutive text lines form one paragraph.</summary>
    internal static IReadOnlyList<BriefingElement> Split(string text)
    {
        var elements = new List<BriefingElement>();
        var paragraph = new StringBuilder();
        void Flush()
        {
            if (paragraph.Length > 0)
            {
                elements.Add(new BriefingParagraph(paragraph.ToString()));
                paragraph.Clear();
            }
        }
        foreach (var rawLine in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0)
            {
                Flush();
            }
            else if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                Flush();
                elements.Add(new BriefingSubtitle(line[4..].Trim()));
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush();
                elements.Add(new BriefingHeading(line[3..].Trim()));
            }
            else if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                Flush();
                elements.Add(new BriefingTitle(line[2..].Trim()));
            }
            else if (line.StartsWith("[[", StringComparison.Ordinal) && line.EndsWith("]]", StringComparison.Ordinal))
            {
                Flush();
                elements.Add(Slot(line));
            }
            else
            {
                paragraph.Append(line); // Chinese text joins without spaces
            }
        }
        Flush();
        return elements;
    }
}
