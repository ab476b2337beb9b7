using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Reports.Cli.Settings;
using Reports.Pipeline;
using Reports.Tests.Support;

namespace Reports.Tests.Cli;

/// <summary>Settings in the .NET order; a bad value stops before any work naming key, value and source; README's reference matches the code.</summary>
public sealed class SettingsTests
{
    private static string[] RunArgs(string inbox, string output) =>
    [
        "run", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", RepositoryPaths.SampleRoster,
        "--inbox", inbox, "--out", output, "--store", Path.Combine(output, "store.db"),
    ];

    [Fact]
    public void A_bad_value_on_the_command_line_stops_before_any_work_naming_key_value_and_option()
    {
        using var temp = new TempDirectory();
        var output = Path.Combine(temp.Path, "out");
        var result = Support.Cli.Invoke([.. RunArgs(RepositoryPaths.SampleInbox, output), "--setting", "Reports:Briefing:Copies=六十"]);

        Assert.Equal((int)ExitCode.UsageError, result.Exit);
        Assert.Contains("Reports:Briefing:Copies", result.Stderr);
        Assert.Contains("“六十”", result.Stderr);
        Assert.Contains("命令行 --setting", result.Stderr);
        Assert.False(Directory.Exists(output), "nothing may be written");
    }

    [Fact]
    public void Paths_typed_on_the_command_line_are_relative_to_the_current_folder_and_periods_are_read_as_written()
    {
        using var temp = new TempDirectory();
        var here = temp.Sub("clerk");
        var result = Support.Cli.Run(here, null,
            "run", "--return", Samples.ReturnCode, "--period", "2022年6月", "--roster", RepositoryPaths.SampleRoster,
            "--inbox", RepositoryPaths.SampleInbox, "--out", "relout", "--store", Path.Combine("db", "rel.db"));

        Assert.True(result.Exit == (int)ExitCode.Success, result.Stderr);
        Assert.True(File.Exists(Path.Combine(here, "db", "rel.db")), "the store lands where the clerk stands");
        Assert.True(File.Exists(Path.Combine(here, "relout", "2022-06", "summary.json")), "the period is normalised to 2022-06");
    }

    [Fact]
    public void Receipts_only_for_files_with_findings_when_the_setting_says_so()
    {
        using var temp = new TempDirectory();
        var inbox = temp.Sub("inbox");
        var units = Samples.Changzhi.Units.Take(3).ToArray();
        foreach (var unit in units)
        {
            var values = Samples.ValuesOf(unit.Code);
            if (unit.Code == "140404")
            {
                values["emp_outside"] = "99999";
            }
            Samples.WriteFilled(inbox, unit, values);
        }
        var output = Path.Combine(temp.Path, "out");
        var args = RunArgs(inbox, output).Select(a => a == RepositoryPaths.SampleRoster ? Samples.WriteRoster(temp.Path, units) : a).ToArray();

        var result = Support.Cli.Invoke([.. args, "--setting", "Reports:Receipts=findings"]);

        Assert.Equal((int)ExitCode.Incomplete, result.Exit);
        var receipt = Assert.Single(Directory.GetFiles(Path.Combine(output, "2022-06", "receipts")).Select(Path.GetFileName));
        Assert.Matches("^回执-140404-上党区-campaign-5plus1-2022-06-[0-9a-f]{8}\\.xlsx$", receipt);
    }

    [Fact]
    public void A_jump_factor_that_is_not_a_positive_number_is_refused()
    {
        using var temp = new TempDirectory();
        var output = Path.Combine(temp.Path, "out");
        var result = Support.Cli.Invoke([.. RunArgs(RepositoryPaths.SampleInbox, output), "--setting", "Reports:Quality:JumpFactor=-2"]);

        Assert.Equal((int)ExitCode.UsageError, result.Exit);
        Assert.Contains("Reports:Quality:JumpFactor", result.Stderr);
        Assert.False(Directory.Exists(output), "nothing may be written");
    }

    [Fact]
    public void The_command_line_wins_over_the_files()
    {
        using var temp = new TempDirectory();
        var result = Support.Cli.Invoke([.. RunArgs(RepositoryPaths.SampleInbox, temp.Path), "--window", "2022-03-22:2022-06-31"]);
        Assert.Equal((int)ExitCode.UsageError, result.Exit);
        Assert.Contains("Reports:Window", result.Stderr);
        Assert.Contains("命令行 --window", result.Stderr);
    }

    public static TheoryData<string, string, string> Sources => new()
    {
        // (where the bad value is put, the key, what the message must name as its source)
        { "file", "Reports:Deadline", "appsettings.json" },
        { "environment file", "Reports:EarlierRuns", "appsettings.Office.json" },
        { "variable", "Reports:Window", "环境变量 REPORTS__WINDOW" },
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public void A_bad_value_names_the_file_or_variable_it_came_from(string where, string key, string source)
    {
        using var temp = new TempDirectory();
        var environment = new Dictionary<string, string>();
        const string bad = "7月5日";
        switch (where)
        {
            case "file":
                File.WriteAllText(Path.Combine(temp.Path, "appsettings.json"), JsonSerializer.Serialize(new { Reports = new { Deadline = bad } }));
                break;
            case "environment file":
                File.WriteAllText(Path.Combine(temp.Path, "appsettings.Office.json"), JsonSerializer.Serialize(new { Reports = new { EarlierRuns = bad } }));
                environment["REPORTS_ENVIRONMENT"] = "Office";
                break;
            default:
                environment["REPORTS__WINDOW"] = bad;
                break;
        }
        var output = Path.Combine(temp.Path, "out");

        var result = Support.Cli.Run(temp.Path, environment, RunArgs(RepositoryPaths.SampleInbox, output));

        Assert.Equal((int)ExitCode.UsageError, result.Exit);
        Assert.Contains(key, result.Stderr);
        Assert.Contains($"“{bad}”", result.Stderr);
        Assert.Contains(source, result.Stderr);
        if (where != "variable")
        {
            Assert.Contains(Path.Combine(temp.Path, source), result.Stderr); // the file's full path
        }
        Assert.False(Directory.Exists(output), "nothing may be written");
    }

    /// <summary>The keys README.md's settings table lists, one full key per row.</summary>
    private static List<string> ReadmeKeys()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var section = readme[readme.IndexOf("## Settings", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        return Regex.Matches(section, @"^\| `(Reports:[A-Za-z:]+)` \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
    }

    [Fact]
    public void The_readme_settings_reference_lists_exactly_the_keys_the_code_reads()
    {
        var constants = typeof(SettingKeys).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(constants, SettingKeys.All.Order(StringComparer.Ordinal));
        Assert.Equal(constants, ReadmeKeys().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_shipped_appsettings_holds_only_known_keys()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "Reports.Cli", "appsettings.json")));
        var leaves = new List<string>();
        void Walk(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, path.Length == 0 ? property.Name : $"{path}:{property.Name}");
                }
            }
            else
            {
                leaves.Add(path);
            }
        }
        Walk(json.RootElement, "");
        Assert.NotEmpty(leaves);
        Assert.All(leaves, key => Assert.Contains(key, SettingKeys.All));
    }
}
