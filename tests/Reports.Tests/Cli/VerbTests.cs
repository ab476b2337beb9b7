using System.Text;
using Reports.Pipeline;
using Reports.Tests.Support;

namespace Reports.Tests.Cli;

/// <summary>Each verb through the command's entry point: arguments in, exit code and files out.</summary>
public sealed class VerbTests
{
    [Fact]
    public void Help_is_in_chinese_and_in_english_with_lang_en()
    {
        var chinese = Support.Cli.Invoke("--help");
        Assert.Equal(0, chinese.Exit);
        foreach (var verb in new[] { "template", "fill", "validate", "run", "status", "history" })
        {
            Assert.Contains(verb, chinese.Stdout);
        }
        Assert.Contains("催报", chinese.Stdout);
        Assert.Contains("不带参数时用自带样例数据", chinese.Stdout);

        var status = Support.Cli.Invoke("status", "--help");
        Assert.Contains("报送截止时间", status.Stdout);

        var english = Support.Cli.Invoke("status", "--help", "--lang", "en");
        Assert.Contains("Who has reported for a period", english.Stdout);
        Assert.DoesNotContain("报送截止时间", english.Stdout);
    }

    [Fact]
    public void Template_writes_a_blank_return_per_roster_unit()
    {
        using var temp = new TempDirectory();
        var roster = Samples.WriteRoster(temp.Path, [.. Samples.Changzhi.Units.Take(3)]);
        var result = Support.Cli.Invoke("template", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", roster, "--out", temp.Sub("t"));
        Assert.Equal(0, result.Exit);
        Assert.Equal(Samples.Changzhi.Units.Take(3).Select(u => $"{u.Code}-{u.Name}-{Samples.ReturnCode}-2022-06.xlsx").Order(),
            Directory.GetFiles(Path.Combine(temp.Path, "t")).Select(Path.GetFileName).Order());
    }

    /// <summary>
    /// fill → validate → run → status → history on three of four roster units: one unit never reports, one reports
    /// twice (the second time after the deadline).
    /// </summary>
    [Fact]
    public void An_office_day_fill_validate_run_status_history()
    {
        using var temp = new TempDirectory();
        var units = Samples.Changzhi.Units.Take(4).ToArray();
        var sending = Samples.WriteRoster(temp.Sub("three"), units[..3]);
        var roster = Samples.WriteRoster(temp.Path, units);
        var inbox = temp.Sub("inbox");
        var store = Path.Combine(temp.Path, "store.db");
        var outRoot = Path.Combine(temp.Path, "out");
        string[] common = ["--period", "2022-06", "--store", store, "--setting", "Reports:Deadline=2022-07-05 18:00"];

        var fill = Support.Cli.Invoke("fill", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", sending, "--values", RepositoryPaths.SampleValues, "--out", inbox);
        Assert.Equal(0, fill.Exit);
        var files = Directory.GetFiles(inbox).Order().ToArray();
        Assert.Equal(3, files.Length);
        foreach (var (file, day) in files.Zip(new[] { 1, 2, 3 }))
        {
            File.SetLastWriteTimeUtc(file, new DateTime(2022, 7, day, 8, 0, 0, DateTimeKind.Utc));
        }

        var validate = Support.Cli.Invoke("validate", files[0], "--roster", roster);
        Assert.Equal(0, validate.Exit);
        Assert.Contains("通过", validate.Stdout);

        var run = Support.Cli.Invoke(["run", "--return", Samples.ReturnCode, "--roster", roster, "--inbox", inbox, "--out", outRoot, .. common]);
        Assert.Equal((int)ExitCode.Incomplete, run.Exit); // the fourth unit is missing
        var folder = Path.Combine(outRoot, "2022-06");
        Assert.True(File.Exists(Path.Combine(folder, "汇总表-campaign-5plus1-2022-06.xlsx")));
        Assert.True(File.Exists(Path.Combine(folder, "简报-campaign-5plus1-2022-06-送审稿.pdf")));
        var log = File.ReadAllText(Path.Combine(folder, "run.log"));
        Assert.Contains($"{Path.GetFileName(files[0])}: 通过", log);
        Assert.Contains("已汇总 3/4", log);
        Assert.Matches(@"^\[2022-07-05 09:00:00\] ", log);
        Assert.Contains("已汇总 3/4", run.Stdout);
        Assert.Contains("run.log (", run.Stdout); // files with their sizes

        // The second unit resends, late: the new version wins and is late.
        var corrected = Samples.ValuesOf(units[1].Code);
        corrected["remarks"] = "更正后重报";
        var resent = Samples.WriteFilled(temp.Sub("inbox2"), units[1], corrected);
        File.SetLastWriteTimeUtc(resent, new DateTime(2022, 7, 8, 8, 0, 0, DateTimeKind.Utc));
        Assert.Equal((int)ExitCode.Incomplete, Support.Cli.Invoke(["run", "--return", Samples.ReturnCode, "--roster", roster, "--inbox", Path.GetDirectoryName(resent)!, "--out", outRoot, "--quiet", .. common]).Exit);

        var csv = Path.Combine(temp.Path, "chase.csv");
        var status = Support.Cli.Invoke(["status", "--return", Samples.ReturnCode, "--roster", roster, "--csv", csv, .. common]);
        Assert.Equal((int)ExitCode.Incomplete, status.Exit);
        Assert.True(status.Stdout.Contains($"催报：{units[1].Name}、{units[3].Name}", StringComparison.Ordinal), status.Stdout);
        var bytes = File.ReadAllBytes(csv);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var rows = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(r => r.Split(',')).ToList();
        Assert.Equal(5, rows.Count);
        Assert.Equal([units[0].Code, units[0].Name, "已报送", "2022-07-01 08:00", "按时", "1"], rows[1][..6]);
        Assert.Equal([units[1].Code, units[1].Name, "已报送", "2022-07-08 08:00", "逾期", "2"], rows[2][..6]);
        Assert.Equal([units[3].Code, units[3].Name, "未报送", "", "", "0"], rows[4][..6]);

        var history = Support.Cli.Invoke(["history", "--return", Samples.ReturnCode, "--unit", units[1].Code, .. common]);
        Assert.Equal(0, history.Exit);
        var all = history.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("共 2 个版本", all[0]);
        // Each version's line, then the receipt issued for it.
        var lines = all.Where(l => !l.StartsWith("     ", StringComparison.Ordinal)).ToList();
        Assert.StartsWith("1.", lines[1]);
        Assert.Contains(all, l => l.Contains("回执 回执-", StringComparison.Ordinal));
        Assert.Contains("收到 2022-07-05 09:00", lines[1]); // the store's record of when the office received it (the run's clock)
        Assert.Contains("文件时间 2022-07-02 08:00", lines[1]);
        Assert.Contains("已被更新版本取代", lines[1]);
        Assert.DoesNotContain("汇总采用", lines[1]);
        Assert.Contains("文件时间 2022-07-08 08:00", lines[2]);
        Assert.Contains("汇总采用", lines[2]);
    }

    [Fact]
    public void Earlier_runs_are_kept_when_the_setting_says_so()
    {
        using var temp = new TempDirectory();
        var units = Samples.Changzhi.Units.Take(2).ToArray();
        var roster = Samples.WriteRoster(temp.Path, units);
        var inbox = temp.Sub("inbox");
        Samples.WriteFilled(inbox, units[0], Samples.ValuesOf(units[0].Code));
        var outRoot = Path.Combine(temp.Path, "out");
        string[] args = ["run", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", roster, "--inbox", inbox, "--out", outRoot, "--quiet", "--store", Path.Combine(temp.Path, "s.db")];

        Assert.Equal((int)ExitCode.Incomplete, Support.Cli.Invoke(args).Exit);
        var first = File.ReadAllBytes(Path.Combine(outRoot, "2022-06", "summary.json"));
        Samples.WriteFilled(inbox, units[1], Samples.ValuesOf(units[1].Code));
        Assert.Equal(0, Support.Cli.Invoke([.. args, "--setting", "Reports:EarlierRuns=keep"]).Exit);

        var kept = Assert.Single(Directory.GetDirectories(Path.Combine(outRoot, "2022-06", "earlier")));
        Assert.Equal(first, File.ReadAllBytes(Path.Combine(kept, "summary.json")));
        Assert.True(File.Exists(Path.Combine(kept, "汇总表-campaign-5plus1-2022-06.xlsx")));
        Assert.NotEqual(first, File.ReadAllBytes(Path.Combine(outRoot, "2022-06", "summary.json")));
    }
}
