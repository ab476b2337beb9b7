using Reports.Cli;
using Reports.Pipeline;
using Reports.Runs;
using Reports.Tests.Support;

namespace Reports.Tests.Cli;

/// <summary>
/// A broken environment (a folder in the way, a full disk, another run) ends in a Chinese message naming the path,
/// exit 1, no stack trace on the console and no .tmp left; a configuration error ends in exit 2 and leaves no folder.
/// The tests run as root, where a read-only folder (chmod 0555) does not stop a write, so every failure here is one
/// root meets too: a file where the period folder should be, a folder where an output should be moved, /proc (no
/// folders can be made there) and /dev/full behind a symbolic link (every write fails with ENOSPC, a real full disk).
/// </summary>
public sealed class ErrorPathTests
{
    private static Support.Cli.Result Invoke(TimeSpan lockWait, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = new ReportsCommand(FixedClock.Default, stdout, stderr) { LockWait = lockWait }.Invoke(args);
        return new Support.Cli.Result(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A run of two units, both sent, into <paramref name="outRoot"/>, with its own store.</summary>
    private static string[] RunArgs(TempDirectory temp, string outRoot)
    {
        var units = Samples.Changzhi.Units.Take(2).ToArray();
        var inbox = Path.Combine(temp.Path, "inbox");
        if (!Directory.Exists(inbox))
        {
            Directory.CreateDirectory(inbox);
            foreach (var unit in units)
            {
                Samples.WriteFilled(inbox, unit, Samples.ValuesOf(unit.Code));
            }
        }
        var roster = Samples.WriteRoster(temp.Path, units);
        return ["run", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", roster, "--inbox", inbox, "--out", outRoot,
            "--store", Path.Combine(temp.Path, "s.db"), "--quiet"];
    }

    private static string[] Temporaries(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "*" + OutputFile.TemporarySuffix, SearchOption.AllDirectories) : [];

    /// <summary>No stack trace reaches the console: no "   at Reports.…" frame, no exception type.</summary>
    private static void NoStackTrace(string console)
    {
        Assert.DoesNotContain("   at ", console);
        Assert.DoesNotContain("Exception", console);
    }

    [Fact]
    public void A_file_where_the_period_folder_should_be_is_named_in_chinese_and_exits_1()
    {
        using var temp = new TempDirectory();
        var outRoot = temp.Sub("out");
        var folder = Path.Combine(outRoot, "2022-06");
        File.WriteAllText(folder, "not a folder");

        var result = Support.Cli.Invoke(RunArgs(temp, outRoot));

        Assert.Equal((int)ExitCode.Failure, result.Exit);
        Assert.Contains($"reports: 错误：无法建立文件夹 {folder}：", result.Stderr);
        Assert.Contains("路径已被同名的文件或文件夹占用", result.Stderr);
        NoStackTrace(result.Stderr);
        Assert.Empty(Temporaries(outRoot));
    }

    [Fact]
    public void An_output_that_cannot_be_moved_into_place_leaves_no_tmp_and_its_stack_trace_only_in_run_log()
    {
        using var temp = new TempDirectory();
        var outRoot = Path.Combine(temp.Path, "out");
        var folder = Path.Combine(outRoot, "2022-06");
        Directory.CreateDirectory(Path.Combine(folder, "summary.json")); // a folder where the file goes: the move fails, as root too

        var result = Support.Cli.Invoke(RunArgs(temp, outRoot));

        Assert.Equal((int)ExitCode.Failure, result.Exit);
        var summary = Path.Combine(folder, "summary.json");
        Assert.Contains($"reports: 错误：无法写入 {summary}：", result.Stderr);
        NoStackTrace(result.Stderr + result.Stdout);
        Assert.Empty(Temporaries(outRoot));
        Assert.False(File.Exists(Path.Combine(folder, PeriodFolderLock.FileName)), "the lock is released");
        var log = File.ReadAllText(Path.Combine(folder, RunLog.FileName));
        Assert.Contains($"无法写入 {summary}", log);
        Assert.Contains("at Reports.Runs.OutputFile.Write", log); // the stack trace, for whoever looks into it
    }

    [Fact]
    public void A_full_disk_is_named_and_the_temporary_file_is_removed()
    {
        if (!File.Exists("/dev/full"))
        {
            return; // Linux only: /dev/full fails every write with ENOSPC
        }
        using var temp = new TempDirectory();
        var timings = Path.Combine(temp.Sub("measure"), "timings.json");
        // The temporary file is a link to /dev/full: the run writes into it and the disk is full, for root as for anyone.
        File.CreateSymbolicLink(timings + OutputFile.TemporarySuffix, "/dev/full");

        var result = Support.Cli.Invoke([.. RunArgs(temp, Path.Combine(temp.Path, "out")), "--timings", timings]);

        Assert.Equal((int)ExitCode.Failure, result.Exit);
        Assert.Contains($"reports: 错误：无法写入 {timings}：磁盘已满", result.Stderr);
        NoStackTrace(result.Stderr);
        Assert.False(File.Exists(timings + OutputFile.TemporarySuffix) || new FileInfo(timings + OutputFile.TemporarySuffix).LinkTarget is not null,
            "the temporary file (here the link) is removed");
        Assert.False(File.Exists(timings));
        Assert.True(File.Exists("/dev/full"));
        Assert.Empty(Temporaries(Path.Combine(temp.Path, "out")));
    }

    [Fact]
    public void A_template_folder_that_cannot_be_made_is_named_and_exits_1()
    {
        if (!Directory.Exists("/proc/self"))
        {
            return; // Linux only: nobody, root included, makes folders in /proc
        }
        var target = "/proc/reports-test/templates";
        var result = Support.Cli.Invoke("template", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", RepositoryPaths.SampleRoster, "--out", target);

        Assert.Equal((int)ExitCode.Failure, result.Exit);
        Assert.Contains($"reports: 错误：无法建立文件夹 {target}：", result.Stderr);
        NoStackTrace(result.Stderr);
    }

    [Fact]
    public void A_second_run_on_a_held_folder_gives_up_in_chinese_and_sweeps_nothing()
    {
        using var temp = new TempDirectory();
        var outRoot = Path.Combine(temp.Path, "out");
        var folder = Path.Combine(outRoot, "2022-06");
        Directory.CreateDirectory(folder);
        var inProgress = Path.Combine(folder, "summary.json" + OutputFile.TemporarySuffix);
        File.WriteAllText(inProgress, "the first run is writing this");

        Support.Cli.Result result;
        using (new FileStream(Path.Combine(folder, PeriodFolderLock.FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            result = Invoke(TimeSpan.FromSeconds(1), RunArgs(temp, outRoot));
        }

        Assert.Equal((int)ExitCode.Failure, result.Exit);
        Assert.Contains($"reports: 错误：另一次运行正在写 {folder}", result.Stderr);
        Assert.Contains(PeriodFolderLock.FileName, result.Stderr);
        NoStackTrace(result.Stderr);
        Assert.True(File.Exists(inProgress), "the other run's file being written is left alone");
        Assert.False(File.Exists(Path.Combine(folder, "summary.json")));
    }

    [Fact]
    public void A_second_run_waits_for_the_folder_to_be_released()
    {
        using var temp = new TempDirectory();
        var outRoot = Path.Combine(temp.Path, "out");
        var folder = Path.Combine(outRoot, "2022-06");
        Directory.CreateDirectory(folder);
        var held = new FileStream(Path.Combine(folder, PeriodFolderLock.FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        var writtenWhileHeld = true;
        using var release = new Timer(_ =>
        {
            writtenWhileHeld = File.Exists(Path.Combine(folder, "summary.json"));
            held.Dispose();
        }, null, TimeSpan.FromSeconds(1.5), Timeout.InfiniteTimeSpan);

        // Not quiet: the run says when it has to wait.
        var result = Invoke(TimeSpan.FromSeconds(60), [.. RunArgs(temp, outRoot).Where(a => a != "--quiet")]);

        Assert.True(result.Exit == 0, result.Stderr);
        // It said it was waiting, and had written nothing when the folder was released.
        Assert.Contains($"另一次运行正在写 {folder}，等它结束", result.Stdout);
        Assert.False(writtenWhileHeld, "the run went ahead while the folder was held");
        Assert.True(File.Exists(Path.Combine(folder, "summary.json")));
        Assert.False(File.Exists(Path.Combine(folder, PeriodFolderLock.FileName)));
    }

    /// <summary>
    /// Two real runs on one folder: the second starts while the first is mid-write. Before the lock, its sweep took
    /// the first run's temporary files and the first failed moving them into place.
    /// </summary>
    [Fact]
    public async Task Two_runs_on_one_folder_take_turns_and_both_complete()
    {
        using var temp = new TempDirectory();
        var outRoot = Path.Combine(temp.Path, "out");
        var folder = Path.Combine(outRoot, "2022-06");
        var args = RunArgs(temp, outRoot);
        using var child = Support.Cli.StartPausing(temp.Path, TimeSpan.FromMilliseconds(700), TimeSpan.Zero, args);
        var childOut = child.StandardOutput.ReadToEndAsync();
        var childErr = child.StandardError.ReadToEndAsync();
        var writing = Path.Combine(folder, "summary.json" + OutputFile.TemporarySuffix);
        Waiting.Until(() => File.Exists(writing) || child.HasExited, TimeSpan.FromSeconds(60));
        Assert.True(File.Exists(writing), "the first run never began writing summary.json");

        var second = Invoke(TimeSpan.FromSeconds(90), args);

        Assert.True(child.WaitForExit(120_000));
        Assert.True(child.ExitCode == 0, $"the first run failed ({child.ExitCode}): {await childErr}{await childOut}");
        Assert.True(second.Exit == 0, second.Stderr);
        Assert.Empty(Temporaries(outRoot));
        Assert.False(File.Exists(Path.Combine(folder, PeriodFolderLock.FileName)));
        Assert.True(File.Exists(Path.Combine(folder, "汇总表-campaign-5plus1-2022-06.xlsx")));
    }

    [Fact]
    public void A_configuration_error_in_run_creates_no_output_folder()
    {
        using var temp = new TempDirectory();
        var outRoot = Path.Combine(temp.Path, "out");
        var args = RunArgs(temp, outRoot);
        var roster = Path.Combine(temp.Path, "roster.json");
        File.WriteAllText(roster, "[1,2,3]");

        var result = Support.Cli.Invoke(args);

        Assert.Equal((int)ExitCode.UsageError, result.Exit);
        Assert.Contains($"名册 {roster}", result.Stderr);
        NoStackTrace(result.Stderr);
        Assert.False(Directory.Exists(outRoot), "a usage error makes no output folder");

        var inbox = Path.Combine(temp.Path, "inbox");
        var goodRoster = Samples.WriteRoster(temp.Sub("r"), Samples.Changzhi.Units[0]);
        var noInbox = Support.Cli.Invoke(args.Select(a => a == inbox ? inbox + "-missing" : a == roster ? goodRoster : a).ToArray());
        Assert.Equal((int)ExitCode.UsageError, noInbox.Exit);
        Assert.Contains("收件箱目录不存在", noInbox.Stderr);
        Assert.False(Directory.Exists(outRoot), "a usage error makes no output folder");
    }

    [Fact]
    public void A_missing_or_malformed_configuration_file_is_named_in_chinese_with_exit_2()
    {
        using var temp = new TempDirectory();
        string[] template = ["template", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", RepositoryPaths.SampleRoster, "--out", Path.Combine(temp.Path, "t")];

        var misspelt = Support.Cli.Invoke(template.Select(a => a == Samples.ReturnCode ? "campaign-5plus" : a).ToArray());
        Assert.Equal((int)ExitCode.UsageError, misspelt.Exit);
        Assert.Contains(Path.Combine(RepositoryPaths.Templates, "returns", "campaign-5plus.json"), misspelt.Stderr);
        Assert.Contains("文件不存在：报表代码是否写错？已有的报表：campaign-5plus1", misspelt.Stderr);

        // A copy of the templates with the definition broken, then the briefing template missing.
        var templates = temp.Sub("templates");
        foreach (var file in Directory.GetFiles(RepositoryPaths.Templates, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(templates, Path.GetRelativePath(RepositoryPaths.Templates, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        var definition = Path.Combine(templates, "returns", Samples.ReturnCode + ".json");
        var good = File.ReadAllText(definition);
        File.WriteAllText(definition, "{\n  \"code\": \"campaign-5plus1\"\n  \"title\": \"缺了逗号\"\n}\n");
        var broken = Support.Cli.Invoke([.. template, "--setting", $"Reports:Templates={templates}"]);
        Assert.Equal((int)ExitCode.UsageError, broken.Exit);
        Assert.Contains(definition, broken.Stderr);
        Assert.Contains("不是有效的 JSON：第 3 行", broken.Stderr);

        File.WriteAllText(definition, good);
        File.Delete(Path.Combine(templates, "briefing", Samples.ReturnCode + ".scriban"));
        var noBriefing = Support.Cli.Invoke([.. RunArgs(temp, Path.Combine(temp.Path, "out")), "--setting", $"Reports:Templates={templates}"]);
        Assert.Equal((int)ExitCode.UsageError, noBriefing.Exit);
        Assert.Contains(Path.Combine(templates, "briefing", Samples.ReturnCode + ".scriban"), noBriefing.Stderr);
        Assert.Contains("简报模板有 1 处错误", noBriefing.Stderr);
        Assert.Contains("文件不存在", noBriefing.Stderr);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "out")));

        var prefill = Path.Combine(temp.Path, "targets.csv");
        var missingPrefill = Support.Cli.Invoke([.. template, "--prefill", prefill]);
        Assert.Equal((int)ExitCode.UsageError, missingPrefill.Exit);
        Assert.Contains($"文件不存在：{prefill}", missingPrefill.Stderr);

        File.WriteAllText(prefill, "unit_code,unit_name,sales_target\n140403,潞州区,一千\n");
        var badPrefill = Support.Cli.Invoke([.. template, "--prefill", prefill]);
        Assert.Equal((int)ExitCode.UsageError, badPrefill.Exit);
        Assert.Contains($"预填表 {prefill} 中单位 140403 的 sales_target“一千”不是数字", badPrefill.Stderr);

        foreach (var result in new[] { misspelt, broken, noBriefing, missingPrefill, badPrefill })
        {
            NoStackTrace(result.Stderr);
        }
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "t")));
    }

    [Fact]
    public void A_malformed_settings_file_in_the_working_folder_is_named_with_its_line()
    {
        using var temp = new TempDirectory();
        var settings = Path.Combine(temp.Path, "appsettings.json");
        File.WriteAllText(settings, "{\n  \"Reports\": {\n    \"Deadline\": \"2022-07-05\",\n  }\n");

        var result = Support.Cli.Run(temp.Path, null, "history", "--unit", "140403", "--period", "2022-06");

        Assert.Equal((int)ExitCode.UsageError, result.Exit);
        Assert.Contains($"设置文件 {settings}：不是有效的 JSON：第 5 行", result.Stderr);
        Assert.Contains("括号没有配对", result.Stderr);
        NoStackTrace(result.Stderr);
    }
}
