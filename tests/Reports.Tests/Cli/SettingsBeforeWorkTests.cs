using Reports.Pipeline;
using Reports.Tests.Support;

namespace Reports.Tests.Cli;

/// <summary>
/// Every setting is checked before any work (exit 2, no output folder, nothing recorded in the store): a font setting
/// naming a FIFO, a device, a file that is no font or a face the collection does not hold, an issue date no office
/// means.
/// </summary>
public sealed class SettingsBeforeWorkTests
{
    private static Support.Cli.Result Run(TempDirectory temp, params string[] settings)
    {
        string[] args = ["run", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", RepositoryPaths.SampleRoster,
            "--inbox", RepositoryPaths.SampleInbox, "--out", Path.Combine(temp.Path, "out"), "--store", Path.Combine(temp.Path, "store.db")];
        return Support.Cli.Invoke([.. args, .. settings.SelectMany(s => new[] { "--setting", s })]);
    }

    private static void RefusedBeforeWork(TempDirectory temp, Support.Cli.Result result, string said)
    {
        Assert.Equal((int)ExitCode.UsageError, result.Exit);
        Assert.Contains(said, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("意外错误", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "out")), "nothing may be written");
        Assert.False(File.Exists(Path.Combine(temp.Path, "store.db")), "nothing may be recorded");
    }

    [UnixFact]
    public void A_font_setting_naming_a_fifo_is_refused_without_opening_it()
    {
        using var temp = new TempDirectory();
        var fifo = Path.Combine(temp.Path, "font.ttf");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
        }
        RefusedBeforeWork(temp, Run(temp, $"Reports:Briefing:BodyFont={fifo}"), "命名管道");
    }

    [UnixFact]
    public void A_font_setting_naming_a_device_is_refused_without_reading_it() =>
        Refused("/dev/zero", "设备");

    [Fact]
    public void A_file_that_is_no_font_is_refused() =>
        Refused(Path.Combine(RepositoryPaths.Root, "README.md"), "不是 TrueType 或 OpenType 字体文件");

    private static void Refused(string font, string said)
    {
        using var temp = new TempDirectory();
        RefusedBeforeWork(temp, Run(temp, $"Reports:Font={font}"), said);
    }

    [Fact]
    public void A_face_index_past_the_collection_is_refused()
    {
        using var temp = new TempDirectory();
        // The bundled WenQuanYi Micro Hei collection holds two faces (0 and 1).
        RefusedBeforeWork(temp, Run(temp, "Reports:FontFaceIndex=7"), "设置的序号是 7");
        using var single = new TempDirectory();
        var ttf = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "fonts"), "*.ttf").First();
        RefusedBeforeWork(single, Run(single, $"Reports:Briefing:BodyFont={ttf}", "Reports:Briefing:BodyFontFaceIndex=1"), "序号只能是 0");
    }

    [Theory]
    [InlineData("Reports:Briefing:IssueDate=0001-01-01", "Reports:Briefing:IssueDate")]
    [InlineData("Reports:Briefing:IssueDate=9999-12-31", "Reports:Briefing:IssueDate")]
    [InlineData("Reports:Deadline=0001-01-01", "Reports:Deadline")]
    public void A_date_no_office_means_is_refused(string setting, string key)
    {
        using var temp = new TempDirectory();
        RefusedBeforeWork(temp, Run(temp, setting), key);
    }
}
