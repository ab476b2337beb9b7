using System.Text;
using System.Text.RegularExpressions;
using Reports.Cli;
using Reports.Cli.Console;
using Reports.Pipeline;
using Reports.Templates;
using Reports.Tests.Support;
using Spectre.Console.Testing;

namespace Reports.Tests.Cli;

/// <summary>
/// What a clerk reads on the console (issue 22, Console): findings with their verdict on standard output in Chinese
/// words, one closing summary, the parser's own errors in whole Chinese, one set of words for a version's status,
/// and English that stays English.
/// </summary>
public sealed partial class ConsoleTextTests
{
    private static string[] RunArgs(TempDirectory temp, string roster, string inbox, params string[] more) =>
        ["run", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", roster, "--inbox", inbox,
         "--out", Path.Combine(temp.Path, "out"), "--store", Path.Combine(temp.Path, "s.db"), .. more];

    /// <summary>Two units of a three-unit roster: 潞州区 clean, 上党区 with a must-fix error, 屯留区 missing.</summary>
    private static (string Roster, string Inbox, string Bad) TwoOfThree(TempDirectory temp)
    {
        var units = Samples.Changzhi.Units.Take(3).ToArray();
        var roster = Samples.WriteRoster(temp.Path, units);
        var inbox = temp.Sub("inbox");
        Samples.WriteFilled(inbox, units[0], Samples.ValuesOf(units[0].Code));
        var bad = Samples.ValuesOf(units[1].Code);
        bad["emp_outside"] = "99999"; // more than 务工总人数: must fix
        return (roster, inbox, Samples.WriteFilled(inbox, units[1], bad));
    }

    [Fact]
    public void Validate_prints_findings_and_verdict_together_on_standard_output_in_chinese_words()
    {
        using var temp = new TempDirectory();
        var (_, _, bad) = TwoOfThree(temp);

        var result = Support.Cli.Invoke("validate", bad, "--roster", RepositoryPaths.SampleRoster);

        Assert.Equal((int)ExitCode.Incomplete, result.Exit);
        Assert.Equal("", result.Stderr); // so `validate f.xlsx > 自查.txt` keeps everything
        Assert.Matches(@"\[填报!D[0-9]+\]: 错误 RPT040: ", result.Stdout);
        Assert.Contains("不通过", result.Stdout);
        Assert.DoesNotMatch(@"\b(error|warning|info)\b", result.Stdout);
    }

    [Fact]
    public void A_run_says_its_findings_on_standard_output_and_its_summary_once()
    {
        using var temp = new TempDirectory();
        var (roster, inbox, _) = TwoOfThree(temp);

        var result = Support.Cli.Invoke(RunArgs(temp, roster, inbox));

        Assert.Equal((int)ExitCode.Incomplete, result.Exit);
        Assert.Equal("", result.Stderr);
        Assert.Contains(": 错误 RPT040: ", result.Stdout);
        // The verdict once, its counts not repeated on the next line.
        Assert.Single(Regex.Matches(result.Stdout, "已汇总 1/3"));
        Assert.Single(Regex.Matches(result.Stdout, "未报送 1"));
        Assert.Contains("测试市 2022-06：已汇总 1/3；退回 1；未报送 1；错误 1；提醒 0；用时", result.Stdout);
    }

    [Fact]
    public void The_briefing_font_lines_are_in_run_log_and_on_the_console_only_with_verbose()
    {
        using var temp = new TempDirectory();
        var (roster, inbox, _) = TwoOfThree(temp);

        var normal = Support.Cli.Invoke(RunArgs(temp, roster, inbox));
        var log = File.ReadAllText(Path.Combine(temp.Path, "out", "2022-06", "run.log"));
        var verbose = Support.Cli.Invoke(RunArgs(temp, roster, inbox, "-v"));

        Assert.DoesNotContain("简报字体", normal.Stdout);
        Assert.Equal(5, Regex.Matches(log, "简报字体 ").Count);
        Assert.Equal(5, Regex.Matches(verbose.Stdout, "简报字体 ").Count);
    }

    [Fact]
    public void At_an_80_column_terminal_the_summary_is_said_once_and_every_output_file_fits_on_its_line()
    {
        using var temp = new TempDirectory();
        var terminal = new TestConsole().Interactive().Width(80);
        var stdout = new StringWriter();
        var exit = new ReportsCommand(FixedClock.Default, stdout, new StringWriter()) { Terminal = terminal }.Invoke(
            RunArgs(temp, RepositoryPaths.SampleRoster, RepositoryPaths.SampleInbox));

        Assert.Equal((int)ExitCode.Success, exit);
        var screen = terminal.Output;
        Assert.Single(Regex.Matches(screen + stdout, "已汇总 12/12"));
        var tableLines = screen.Split('\n').Where(l => l.StartsWith('│')).ToList();
        Assert.All(tableLines, l => Assert.True(TextColumns.Width(l.TrimEnd()) <= 80, l));
        var folder = Path.Combine(temp.Path, "out", "2022-06");
        foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetRelativePath(folder, file);
            Assert.Contains(tableLines, l => l.Contains($"│ {name} ", StringComparison.Ordinal));
        }
    }

    public static TheoryData<string[]> BadCommandLines => new()
    {
        new[] { "validate" },
        new[] { "x" },
        new[] { "run", "--period" },
        new[] { "history", "--unit", "140403", "--period", "2022-06", "extra" },
        new[] { "run", "--return", "a", "--return", "b", "--period", "2022-06", "--roster", "r", "--inbox", "i" },
    };

    [Theory]
    [MemberData(nameof(BadCommandLines))]
    public void The_parsers_errors_are_whole_chinese_sentences(string[] args)
    {
        var result = Support.Cli.Invoke(args);

        Assert.Equal((int)ExitCode.UsageError, result.Exit);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines[..^1], l => Assert.StartsWith("reports: 错误：", l));
        // No English word, and none of the package's own stilted forms (“'x'”, a full stop after a Chinese sentence's quote).
        var prose = Regex.Replace(result.Stderr, @"--?[A-Za-z][\w-]*|\breports\b|\b(validate|history|run|FILE|x|extra)\b", "");
        Assert.DoesNotMatch(@"\b[A-Za-z]{3,}\b", prose);
        Assert.DoesNotContain("“'", result.Stderr);
        Assert.DoesNotContain("'.", result.Stderr);
    }

    [Fact]
    public void A_missing_file_argument_names_what_validate_needs()
    {
        var result = Support.Cli.Invoke("validate");

        Assert.Equal("reports: 错误：validate 缺少参数 FILE（要检查的报表文件）", result.Stderr.Split('\n')[0].TrimEnd());
        Assert.Contains("用 reports validate --help 查看用法。", result.Stderr);
    }

    [Fact]
    public void A_configuration_error_says_错误_in_chinese()
    {
        var result = Support.Cli.Invoke("status", "--period", "2022-13");

        Assert.Equal((int)ExitCode.UsageError, result.Exit);
        Assert.StartsWith("reports: 错误：--period 的值“2022-13”无效", result.Stderr);
    }

    [Fact]
    public void History_of_a_unit_not_on_the_roster_is_refused_with_exit_2()
    {
        using var temp = new TempDirectory();
        var result = Support.Cli.Invoke("history", "--unit", "999999", "--period", "2022-06", "--store", Path.Combine(temp.Path, "none.db"));

        Assert.Equal((int)ExitCode.UsageError, result.Exit);
        Assert.Contains("单位代码 999999 不在名册“长治市”", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public void Explain_lists_versions_in_the_words_history_uses()
    {
        using var temp = new TempDirectory();
        var unit = Samples.Changzhi.Units[0];
        var roster = Samples.WriteRoster(temp.Path, unit);
        var inbox = temp.Sub("inbox");
        Samples.WriteFilled(inbox, unit, Samples.ValuesOf(unit.Code));
        Assert.Equal(0, Support.Cli.Invoke(RunArgs(temp, roster, inbox)).Exit);
        var corrected = Samples.ValuesOf(unit.Code);
        corrected["emp_total"] = (Samples.Value(unit.Code, "emp_total") + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Samples.WriteFilled(inbox, unit, corrected);
        Assert.Equal(0, Support.Cli.Invoke(RunArgs(temp, roster, inbox)).Exit);
        var store = Path.Combine(temp.Path, "s.db");

        var explain = Support.Cli.Invoke("explain", "--return", Samples.ReturnCode, "--period", "2022-06", "--unit", unit.Code, "--field", "emp_total", "--store", store).Stdout;
        var history = Support.Cli.Invoke("history", "--return", Samples.ReturnCode, "--period", "2022-06", "--unit", unit.Code, "--roster", roster, "--store", store).Stdout;

        foreach (var word in new[] { "已被更新版本取代", "通过" })
        {
            Assert.Contains(word, explain);
            Assert.Contains(word, history);
        }
        Assert.DoesNotMatch(@"\b(superseded|accepted|rejected)\b", explain);
    }

    [Fact]
    public void The_english_interface_never_mixes_in_chinese_punctuation()
    {
        using var temp = new TempDirectory();
        var (roster, inbox, _) = TwoOfThree(temp);

        var result = Support.Cli.Invoke(RunArgs(temp, roster, inbox, "--lang", "en"));

        Assert.Equal((int)ExitCode.Incomplete, result.Exit);
        Assert.Contains("  missing: 屯留区", result.Stdout);
        Assert.Contains("测试市 2022-06: merged 1/3; rejected 1; missing 1; errors 1; warnings 0; elapsed", result.Stdout);
        // Findings stay Chinese by design (the counties read them); every other line is English through and through.
        var ours = result.Stdout.Split('\n').Where(l => !Regex.IsMatch(l, @": 错误 RPT|: 提醒 RPT|: 记录 RPT"));
        // (File names are the county's and the program's own, Chinese in any language.)
        Assert.All(ours, l => Assert.DoesNotMatch("[：；，。（）、]|通过|退回|读取|汇总|记录到存储库", Regex.Replace(l, @"\S*/\S*|\S+\.xlsx", "")));
    }

    [Fact]
    public void Status_lists_its_columns_under_headers_that_say_what_they_count_in_the_list_and_the_csv()
    {
        using var temp = new TempDirectory();
        var (roster, inbox, _) = TwoOfThree(temp);
        Support.Cli.Invoke(RunArgs(temp, roster, inbox));
        var csv = Path.Combine(temp.Path, "催报.csv");

        var result = Support.Cli.Invoke("status", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", roster,
            "--store", Path.Combine(temp.Path, "s.db"), "--csv", csv);

        Assert.Equal((int)ExitCode.Incomplete, result.Exit);
        var rows = CsvTable.Parse(Encoding.UTF8.GetString(File.ReadAllBytes(csv)[3..]));
        Assert.Equal(["单位代码", "单位名称", "报送情况", "收到时间", "是否按时", "收到文件数", "错误数", "本期以此文件为准"], rows[0]);
        Assert.Equal(["140404", "上党区", "退回待改", "1", "1"], [rows[2][0], rows[2][1], rows[2][2], rows[2][5], rows[2][6]]);
        // On the console: the same headers (but 是否按时, empty without a deadline), each value under its header.
        var lines = result.Stdout.Split('\n').Select(l => l.TrimEnd()).ToList();
        var header = lines.Single(l => l.Contains("单位代码", StringComparison.Ordinal));
        Assert.Equal("  单位代码  单位名称  报送情况  收到时间          收到文件数  错误数  本期以此文件为准", header);
        var table = lines.SkipWhile(l => l != header).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, table.Count); // the header and three units
        Assert.All(table, row => Assert.Equal(CellStarts(header), CellStarts(row)));
    }

    [Fact]
    public void At_an_80_column_terminal_status_leaves_the_file_names_to_the_csv()
    {
        using var temp = new TempDirectory();
        var (roster, inbox, _) = TwoOfThree(temp);
        Support.Cli.Invoke(RunArgs(temp, roster, inbox));
        var stdout = new StringWriter();
        var csv = Path.Combine(temp.Path, "催报.csv");

        new ReportsCommand(FixedClock.Default, stdout, new StringWriter()) { Terminal = new TestConsole().Width(80) }.Invoke(
            ["status", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", roster, "--store", Path.Combine(temp.Path, "s.db"), "--csv", csv]);

        var lines = stdout.ToString().Split('\n').Select(l => l.TrimEnd()).ToList();
        var table = lines.SkipWhile(l => !l.Contains("单位代码", StringComparison.Ordinal)).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal)).ToList();
        Assert.All(table, l => Assert.True(TextColumns.Width(l) <= 80, l));
        Assert.DoesNotContain(table, l => l.Contains(".xlsx", StringComparison.Ordinal));
        Assert.Contains("文件名未列出，见下面的 CSV", stdout.ToString());
        Assert.Contains("140403-潞州区-campaign-5plus1-2022-06.xlsx", File.ReadAllText(csv));
    }

    /// <summary>The terminal columns at which a row's cells (two or more spaces apart) begin.</summary>
    private static List<int> CellStarts(string row) =>
        [.. Regex.Matches(row, @"(?<=^ *|  )\S").Select(m => TextColumns.Width(row[..m.Index]))];
}
