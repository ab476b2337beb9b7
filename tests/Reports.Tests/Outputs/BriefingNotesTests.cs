using Reports.Cli.Settings;
using Reports.Outputs.Briefing;
using Reports.Tests.Support;

namespace Reports.Tests.Outputs;

/// <summary>
/// The office's notes file: "# " lines head sections, every other non-empty line is a paragraph, "# 领导批示" is the
/// instruction box; the text is the office's, shown safely; a missing or unreadable file stops <c>run</c> before any work.
/// </summary>
public sealed class BriefingNotesTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Headings_open_sections_and_lines_are_paragraphs_as_written()
    {
        var notes = BriefingNotes.Parse("\uFEFF# 存在问题\r\n一是{{ total.emp_total }}未核实。\n\n  二是进度不平衡。  \n# 领导批示\n请抓紧落实。\n# 下一步工作\n加强调度。\n");
        Assert.Equal(["请抓紧落实。"], notes.Instruction);
        Assert.Equal(["存在问题", "下一步工作"], notes.Sections.Select(s => s.Heading));
        // No template runs in the office's text: braces stay braces.
        Assert.Equal(["一是{{ total.emp_total }}未核实。", "二是进度不平衡。"], notes.Sections[0].Paragraphs);
        Assert.Equal(["加强调度。"], notes.Sections[1].Paragraphs);
    }

    [Fact]
    public void Control_characters_in_the_notes_are_shown_not_obeyed()
    {
        var notes = BriefingNotes.Parse("# 存在问题\n一是\u001b[2J清屏\u202e反向。");
        Assert.Equal(@"一是\x1b[2J清屏\u202e反向。", notes.Sections.Single().Paragraphs.Single());
    }

    [Fact]
    public void Text_before_any_heading_is_refused_naming_the_file()
    {
        var path = Path.Combine(_temp.Path, "notes.txt");
        File.WriteAllText(path, "没有标题的一段话。\n# 存在问题\n一是……");
        var problem = Assert.Throws<BriefingNotesException>(() => BriefingNotesFile.Load(path));
        Assert.Contains(path, problem.Message);
        Assert.Contains("没有标题的一段话", problem.Message);
    }

    [Fact]
    public void A_notes_file_not_in_utf8_is_refused()
    {
        var path = Path.Combine(_temp.Path, "gbk.txt");
        File.WriteAllBytes(path, [.. "# "u8, 0xB4, 0xE6, 0xD4, 0xDA, 0xCE, 0xCA, 0xCC, 0xE2]); // "# 存在问题" in GBK
        Assert.Contains("UTF-8", Assert.Throws<BriefingNotesException>(() => BriefingNotesFile.Load(path)).Message);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("folder")]
    public void A_missing_or_unreadable_notes_file_stops_the_run_before_any_work(string kind)
    {
        var notes = Path.Combine(_temp.Path, "notes");
        if (kind == "folder")
        {
            Directory.CreateDirectory(notes); // a folder where the file should be: unreadable as a file
        }
        var outRoot = Path.Combine(_temp.Path, "out");
        var store = Path.Combine(_temp.Path, "store.db");
        var run = Support.Cli.Invoke("run", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", RepositoryPaths.SampleRoster,
            "--inbox", RepositoryPaths.SampleInbox, "--out", outRoot, "--store", store, "--notes", notes);
        Assert.Equal(2, run.Exit);
        Assert.Contains("Reports:Briefing:Notes", run.Stderr);
        Assert.Contains(notes, run.Stderr);
        Assert.Contains("--notes", run.Stderr);
        // Nothing done: no output folder, no store.
        Assert.False(Directory.Exists(outRoot));
        Assert.False(File.Exists(store));
    }
}
