using Reports.Outputs.Briefing;
using Reports.Pipeline;
using Reports.Tests.Support;
using Scriban;
using Scriban.Runtime;

namespace Reports.Tests.Outputs;

/// <summary>The office's template: its functions, and errors that stop the run before anything is written.</summary>
public sealed class BriefingTemplateTests
{
    /// <summary>A copy of the bundled templates with the briefing template replaced.</summary>
    private static string TemplatesWith(TempDirectory temp, string briefing)
    {
        var root = temp.Sub("templates");
        foreach (var file in Directory.GetFiles(RepositoryPaths.Templates, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(RepositoryPaths.Templates, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        File.WriteAllText(NarrativeRenderer.PathFor(root, Samples.ReturnCode), briefing);
        return root;
    }

    /// <summary>Runs the sample with <paramref name="briefing"/> as the template; returns the error and whether
    /// anything was written.</summary>
    private static (BriefingTemplateException Error, bool Wrote, string Templates) RunWith(string briefing)
    {
        using var temp = new TempDirectory();
        var templates = TemplatesWith(temp, briefing);
        var output = Path.Combine(temp.Path, "out");
        var options = Samples.Options(RepositoryPaths.SampleRoster, RepositoryPaths.SampleInbox, output) with { TemplatesDirectory = templates };
        var error = Assert.Throws<BriefingTemplateException>(() => new RunPipeline(FixedClock.Default).Execute(options));
        return (error, Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any(), templates);
    }

    [Fact]
    public void An_unknown_variable_stops_the_run_with_path_line_and_column_and_nothing_is_written()
    {
        var (error, wrote, templates) = RunWith("# 标题\n\n全市务工{{ total.emp_total | fmt_count \"人\" }}。\n第三行{{ totl.emp_total }}\n");
        Assert.Contains(NarrativeRenderer.PathFor(templates, Samples.ReturnCode), error.Message);
        Assert.Contains("(4,", error.Message);   // line 4
        Assert.Contains("totl", error.Message);
        Assert.False(wrote);
    }

    [Fact]
    public void A_syntax_error_is_reported_with_its_line_and_column()
    {
        var (error, wrote, _) = RunWith("第一行\n第二行{{ if total.emp_total > 0 }}\n未闭合\n");
        Assert.Matches(@"campaign-5plus1\.scriban\(\d+,\d+\)", error.Message);
        Assert.False(wrote);
    }

    [Fact]
    public void A_slot_naming_an_unknown_task_stops_the_run_before_output()
    {
        var (error, wrote, _) = RunWith("# 标题\n[[chart:employmnet]]\n[[pie]]\n");
        Assert.Contains("employmnet", error.Message);
        Assert.Contains("[[pie]]", error.Message);
        Assert.False(wrote);
    }

    private static string Render(string template, params (string Name, object Value)[] globals)
    {
        var script = new ScriptObject();
        script.Import(typeof(BriefingFunctions));
        foreach (var (name, value) in globals)
        {
            script.SetValue(name, value, true);
        }
        var context = new TemplateContext { StrictVariables = true };
        context.PushGlobal(script);
        return Template.Parse(template).Render(context);
    }

    private static ScriptArray Units(params (string Name, string Status, decimal? Rate)[] units)
    {
        var array = new ScriptArray();
        foreach (var (name, status, rate) in units)
        {
            var unit = new ScriptObject { ["name"] = name, ["status"] = status, ["rate"] = rate };
            array.Add(unit);
        }
        return array;
    }

    [Fact]
    public void Top_and_bottom_n_rank_accepted_units_with_a_value_ties_in_roster_order()
    {
        var units = Units(("甲县", "accepted", 0.9m), ("乙县", "accepted", 1.2m), ("丙县", "missing", null), ("丁县", "accepted", 1.2m),
            ("戊县", "rejected", 2m), ("己县", "accepted", null), ("庚县", "accepted", 0.5m));
        Assert.Equal("乙县和丁县", Render("{{ top_n units \"rate\" 2 | join_names }}", ("units", units)));
        Assert.Equal("庚县、甲县和乙县", Render("{{ bottom_n units \"rate\" 3 | join_names }}", ("units", units)));
        Assert.Equal("乙县、丁县、甲县和庚县", Render("{{ top_n units \"rate\" 10 | join_names }}", ("units", units)));
    }

    [Theory]
    [InlineData(1766, 1766, "全部开工")]
    [InlineData(1700, 1766, "开工1700个，开工率96.3%")]
    [InlineData(0, 0, "开工0个，开工率—")]
    public void Phrase_started_says_all_started_only_when_every_planned_project_started(int started, int planned, string expected)
    {
        Assert.Equal(expected, Render($"{{{{ phrase_started {started} {planned} \"个\" }}}}"));
    }

    [Theory]
    [InlineData("1.219", "超额完成")]
    [InlineData("1", "全面完成")]
    [InlineData("0.926", "")]
    public void Phrase_completion_says_exceeded_only_past_one_hundred_percent(string rate, string expected)
    {
        Assert.Equal(expected, BriefingFunctions.PhraseCompletion(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(expected, Render("{{ phrase_completion r }}", ("r", decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture))));
    }
}
