using System.Text.RegularExpressions;
using Reports.Cli;
using Reports.Pipeline;
using Reports.Tests.Support;
using Spectre.Console.Testing;

namespace Reports.Tests.Cli;

/// <summary>The Chinese interface speaks Chinese: the help of every verb and the parser's own errors.</summary>
public sealed partial class HelpTextTests
{
    public static TheoryData<string> Verbs => ["", "template", "fill", "run", "validate", "status", "history", "withdraw", "approve", "reopen", "explain", "codes", "codes issue", "codes revoke", "codes list", "serve"];

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Help_has_no_english_words_left_in_the_chinese_interface(string verb)
    {
        var result = Support.Cli.Invoke(verb.Length == 0 ? ["--help"] : [.. verb.Split(' '), "--help"]);

        Assert.Equal(0, result.Exit);
        // What may stay Latin: option names, placeholders, the program and verb names (testhost in-process), setting keys, file names, codes.
        var prose = AllowedLatin().Replace(result.Stdout, "");
        var english = EnglishWord().Matches(prose).Select(m => m.Value).Distinct().ToList();
        Assert.True(english.Count == 0, $"English left in `{verb} --help`: {string.Join(", ", english)}\n{result.Stdout}");
        Assert.Contains("显示帮助和用法", result.Stdout);
    }

    [Fact]
    public void Template_describes_one_return_and_status_takes_no_file()
    {
        var template = Support.Cli.Invoke(["template", "--help"]).Stdout;
        Assert.DoesNotContain("逗号", template);
        var status = Support.Cli.Invoke(["status", "--help"]).Stdout;
        Assert.DoesNotContain("文件中的报表标识", status);
        Assert.Contains("逗号", Support.Cli.Invoke(["run", "--help"]).Stdout);
    }

    [Fact]
    public void A_missing_option_is_named_in_chinese_and_nothing_is_written()
    {
        using var temp = new TempDirectory();
        var result = Support.Cli.Invoke(["run", "--period", "2022-06", "--out", Path.Combine(temp.Path, "out")]);

        Assert.Equal((int)ExitCode.UsageError, result.Exit);
        Assert.Contains("缺少必填的选项 --return", result.Stderr);
        Assert.Contains("缺少必填的选项 --roster", result.Stderr);
        Assert.DoesNotContain("is required", result.Stderr);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "out")), "a usage error creates no output folder");
    }

    [Fact]
    public void The_english_interface_keeps_the_parsers_english_and_says_findings_stay_chinese()
    {
        var result = Support.Cli.Invoke(["run", "--period", "2022-06", "--lang", "en"]);
        Assert.Contains("Option '--return' is required.", result.Stderr);
        Assert.Contains("Findings on returns (diagnostics) are always in Chinese", Support.Cli.Invoke(["--help", "--lang", "en"]).Stdout);
    }

    /// <summary>
    /// The descriptions of a section start at one terminal column, however many Chinese characters (two columns each)
    /// the names or （必填） hold; at an 80-column terminal every line fits and a wrapped description stays in its column.
    /// </summary>
    [Theory]
    [MemberData(nameof(Verbs))]
    public void Help_columns_line_up_as_a_terminal_counts_them(string verb)
    {
        string[] args = verb.Length == 0 ? ["--help"] : [.. verb.Split(' '), "--help"];
        var wide = Support.Cli.Invoke(args).Stdout;
        var stdout = new StringWriter();
        new ReportsCommand(FixedClock.Default, stdout, new StringWriter()) { Terminal = new TestConsole().Width(80) }.Invoke(args);
        var narrow = stdout.ToString();

        foreach (var help in new[] { wide, narrow })
        {
            foreach (var section in help.Split("\n\n").Where(s => s.StartsWith("选项：", StringComparison.Ordinal) || s.StartsWith("命令：", StringComparison.Ordinal)))
            {
                var rows = section.Split('\n').Skip(1).ToList();
                var starts = rows.Select(DescriptionColumn).Distinct().ToList();
                Assert.True(starts.Count == 1, $"descriptions start at columns {string.Join(", ", starts)}:\n{section}");
            }
        }
        Assert.Contains("（必填）", Support.Cli.Invoke("run", "--help").Stdout);
        Assert.All(narrow.Split('\n'), line => Assert.True(Reports.Cli.Console.TextColumns.Width(line) <= 80, line));
    }

    /// <summary>Where a help row's description begins: after the names and two spaces, or the indent of a continued line.</summary>
    private static int DescriptionColumn(string row)
    {
        var match = Regex.Match(row, @"^  \S.*?  (?=\S)|^ +(?=\S)");
        return Reports.Cli.Console.TextColumns.Width(match.Value);
    }

    [Fact]
    public void A_chinese_character_takes_two_columns_and_a_latin_one_one()
    {
        Assert.Equal(8, Reports.Cli.Console.TextColumns.Width("（必填）"));
        Assert.Equal(10, Reports.Cli.Console.TextColumns.Width("(REQUIRED)"));
        Assert.Equal(15, Reports.Cli.Console.TextColumns.Width("--period 潞州区"));
        Assert.Equal(["一二三四", "五六七，", "八"], Reports.Cli.Console.TextColumns.Wrap("一二三四五六七，八", 8)); // never a line opening with ，
        Assert.Equal(["设置", "Reports:Sample:Return"], Reports.Cli.Console.TextColumns.Wrap("设置 Reports:Sample:Return", 12)); // a key is one word
    }

    [Fact]
    public void Validate_receipts_is_described_as_a_self_check()
    {
        var line = Support.Cli.Invoke("validate", "--help").Stdout.Split('\n').Single(l => l.TrimStart().StartsWith("--receipts", StringComparison.Ordinal));
        Assert.Contains("自查", line);
        Assert.DoesNotContain("回执", line);
    }

    [GeneratedRegex(@"https?://[\w.:/\[\]-]+|unit_code,unit_name,code|UTF-8|Ctrl-C|--?[A-Za-z][\w-]*|<[^>]+>|\breports\b|Reports:[\w:]+|[\w.-]+\.(json|csv|xlsx|log|pdf|db)\b|\b[a-z]+-[a-z0-9-]+\b|SHA-256|CSV|JSON|SQLite|RPT\w+|[\w/.-]*out/[\w/.-]*|\.xlsx\b|\b(testhost|template|fill|run|validate|status|history|withdraw|approve|reopen|explain|codes|issue|revoke|list|serve|zh|en|yyyy-MM-dd|yyyy-MM|HH:mm|FILE|REPORTS_\w+|unit_code|unit_name|table)\b")]
    private static partial Regex AllowedLatin();

    [GeneratedRegex(@"\b[A-Za-z]{3,}\b")]
    private static partial Regex EnglishWord();
}
