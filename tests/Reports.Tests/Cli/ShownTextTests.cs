using Reports.Diagnostics;
using Reports.Tests.Support;

namespace Reports.Tests.Cli;

/// <summary>
/// County text reaches the console and run.log escaped and bounded: a file name with ESC sequences or a newline can
/// neither drive the terminal nor forge a line, and a 1 MB value is cut, marked, and kept whole in intake.json.
/// </summary>
public sealed class ShownTextTests
{
    [Theory]
    [InlineData("\u001b]0;pwned\u0007x.xlsx", "\\x1b]0;pwned\\x07x.xlsx")]
    [InlineData("\u001b[2Jx.xlsx", "\\x1b[2Jx.xlsx")]
    [InlineData("a.xlsx: 通过\n140404.xlsx", "a.xlsx: 通过\\n140404.xlsx")]
    [InlineData("\u202egnp.xlsx", "\\u202egnp.xlsx")]
    [InlineData("\u009b31m", "\\x9b31m")]
    [InlineData("潞州区-正常.xlsx", "潞州区-正常.xlsx")]
    public void Control_characters_are_shown_as_visible_escapes(string name, string shown) =>
        Assert.Equal(shown, ShownText.Escape(name));

    [Fact]
    public void A_long_text_is_cut_at_a_whole_character_and_marked_with_its_length()
    {
        var text = new string('字', 5000) + "😀";
        var cut = ShownText.Cut(text, 100, "全文见回执");
        Assert.StartsWith(new string('字', 100) + "…（共 5002 字，已截断；全文见回执）", cut, StringComparison.Ordinal);
        var emoji = ShownText.Cut(new string('a', 99) + "😀😀", 100, "x");
        Assert.StartsWith(new string('a', 99) + "…", emoji, StringComparison.Ordinal); // the pair is not split
    }

    [UnixFact]
    public void A_hostile_file_name_and_a_megabyte_value_reach_the_console_and_run_log_escaped_and_cut()
    {
        using var temp = new TempDirectory();
        var inbox = temp.Sub("inbox");
        var unit = Samples.Changzhi.Find("140403")!;
        var written = Samples.WriteFilled(inbox, unit, Samples.ValuesOf("140403"));
        using (var package = new OfficeOpenXml.ExcelPackage(new FileInfo(written)))
        {
            package.Workbook.Names["emp_total"].Value = "约" + new string('9', 1_000_000); // quoted whole in its RPT073
            package.Save();
        }
        var hostile = Path.Combine(inbox, "140403\u001b[2J\u001b]0;x\u0007\n[2022-07-01 08:00:00] 140404.xlsx: 通过.xlsx");
        File.Move(written, hostile);
        var output = temp.Sub("out");

        var result = Support.Cli.Run(temp.Path, new Dictionary<string, string> { ["CI"] = "true" }, "run", "--return", "campaign-5plus1", "--period", "2022-06",
            "--roster", RepositoryPaths.SampleRoster, "--inbox", inbox, "--out", output, "--verbose",
            "--setting", $"Reports:Store={Path.Combine(temp.Path, "store.db")}");
        var log = File.ReadAllText(Path.Combine(output, "2022-06", "run.log"));
        foreach (var (what, shown) in new[] { ("stdout", result.Stdout), ("stderr", result.Stderr), ("run.log", log) })
        {
            var at = shown.IndexOf('\u001b');
            Assert.True(at < 0, $"{what}: {(at < 0 ? "" : shown[Math.Max(0, at - 200)..Math.Min(shown.Length, at + 50)])}");
            Assert.DoesNotContain('\u0007', shown);
            Assert.DoesNotContain("\n[2022-07-01 08:00:00] 140404.xlsx", shown, StringComparison.Ordinal);
            Assert.All(shown.Split('\n'), line => Assert.True(line.Length < ShownText.LineChars + 100, $"a line of {line.Length} characters"));
        }
        Assert.Contains("\\x1b[2J", log, StringComparison.Ordinal);
        Assert.Contains("已截断", result.Stdout, StringComparison.Ordinal);
        // The whole value is kept where it belongs.
        Assert.Contains(new string('9', 1_000_000), File.ReadAllText(Path.Combine(output, "2022-06", "intake.json")), StringComparison.Ordinal);

        // The verbs that read the store print the file's name escaped too.
        string[] store = ["--setting", $"Reports:Store={Path.Combine(temp.Path, "store.db")}"];
        string[] period = ["--return", "campaign-5plus1", "--period", "2022-06"];
        foreach (var verb in new[]
        {
            (string[])["history", .. period, "--unit", "140403", "--roster", RepositoryPaths.SampleRoster, .. store],
            ["explain", .. period, "--unit", "140403", "--field", "emp_outside", .. store],
            ["status", .. period, "--roster", RepositoryPaths.SampleRoster, "--out", temp.Sub("status"), .. store],
            ["approve", .. period, "--roster", RepositoryPaths.SampleRoster, "--allow-incomplete", .. store],
        })
        {
            var said = Support.Cli.Run(temp.Path, new Dictionary<string, string> { ["CI"] = "true" }, verb);
            var shown = said.Stdout + said.Stderr;
            // approve names only accepted versions' files; this unit's was sent back.
            Assert.True(verb[0] == "approve" ? said.Exit == 0 : shown.Contains("\\x1b[2J", StringComparison.Ordinal), $"{verb[0]} (exit {said.Exit}) does not name the file:\n{shown}");
            var raw = shown.IndexOf('\u001b');
            Assert.True(raw < 0, $"{verb[0]}: {(raw < 0 ? "" : shown[Math.Max(0, raw - 120)..Math.Min(shown.Length, raw + 40)])}");
            Assert.DoesNotContain("\n[2022-07-01 08:00:00] 140404.xlsx", shown, StringComparison.Ordinal);
        }
    }
}
