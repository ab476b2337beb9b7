using Reports.Pipeline;
using Reports.Rosters;
using Reports.Tests.Support;

namespace Reports.Tests.Configuration;

/// <summary>
/// A malformed roster is a configuration error (exit 2) whose Chinese message names the file and every problem in it;
/// unit codes are codes (ASCII digits, 6–12), since they become parts of file names.
/// </summary>
public sealed class RosterValidationTests
{
    private static RosterException Refused(string json)
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "名册.json");
        File.WriteAllText(path, json);
        var problem = Assert.Throws<RosterException>(() => RosterLoader.Load(path));
        Assert.StartsWith($"名册 {path}", problem.Message);
        return problem;
    }

    private static string Units(params string[] units) => $$"""{"name": "测试市", "code": "990000", "units": [{{string.Join(", ", units)}}]}""";

    public static TheoryData<string, string> Malformed => new()
    {
        { """{"name": "测试市", "code": "990000", "units": [{"code": "140403", "name": "潞州区"},]}""", "第 1 行第 79 列附近多余的逗号" },
        { "not json", "不是有效的 JSON：第 1 行第 2 列附近这里应为一个值" },
        { "", "文件是空的" },
        { "[1,2,3]", "$: 名册应为一个对象" },
        { """{"name": "测试市", "code": "990000", "units": [{"code": "140403", "name": "潞州区"}""", "括号没有配对" },
        { """{"code": "990000", "units": [{"code": "140403", "name": "潞州区"}]}""", "$.name: 缺少名称" },
        { """{"name": "测试市", "code": "990000"}""", "$.units: 缺少单位列表" },
        { """{"name": "测试市", "code": "990000", "units": {}}""", "$.units: 应为数组" },
        { Units(), "$.units: 名册中没有单位" },
        { Units("""{"name": "潞州区"}"""), "$.units[0]（潞州区）: 缺少单位代码" },
        { Units("""{"code": "140403"}"""), "$.units[0].name: 缺少单位名称" },
        { Units("""{"code": "140403", "name": "  "}"""), "$.units[0].name: 缺少单位名称" },
        { Units("""{"code": 140403, "name": "潞州区"}"""), "单位代码应写成文本" },
        { Units("\"140403\""), "$.units[0]: 应为对象" },
        { Units("""{"code": "140403", "name": "潞州区"}""", """{"code": "140403", "name": "上党区"}"""), "$.units[1]（上党区）: 单位代码“140403”与 $.units[0]（潞州区）重复" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_roster_names_the_file_and_what_is_wrong(string json, string expected)
    {
        Assert.Contains(expected, Refused(json).Message);
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("a/b")]
    [InlineData("140403 ")]
    [InlineData(" 140403")]
    [InlineData("１４０４０３")] // full-width digits
    [InlineData("14040")]
    [InlineData("1404031234567")]
    [InlineData("")]
    public void A_unit_code_that_is_no_code_is_refused_naming_the_unit(string code)
    {
        var json = Units($$"""{"code": {{System.Text.Json.JsonSerializer.Serialize(code)}}, "name": "潞州区"}""");
        Assert.Contains($"$.units[0]（潞州区）: 单位代码“{code}”无效，应为 6–12 位数字", Refused(json).Message);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_one_a_line()
    {
        var message = Refused("""
            {"code": "99", "units": [
              {"code": "../x", "name": "甲"},
              {"code": "140403", "name": "乙"},
              {"code": "140403", "name": "丙"},
              {"name": "丁"}
            ]}
            """).Message;
        var lines = message.Split(Environment.NewLine);
        Assert.Equal("有 5 处错误：", lines[0][(lines[0].IndexOf(" 有 ", StringComparison.Ordinal) + 1)..]);
        Assert.Equal(6, lines.Length);
        Assert.Contains(lines, l => l.Contains("$.name: 缺少名称", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("$: 名册代码“99”无效", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("$.units[0]（甲）: 单位代码“../x”无效", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("$.units[2]（丙）: 单位代码“140403”与 $.units[1]（乙）重复", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("$.units[3]（丁）: 缺少单位代码", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_roster_is_named()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-roster-" + Guid.NewGuid().ToString("N") + ".json");
        Assert.Equal($"名册 {path}：文件不存在", Assert.Throws<RosterException>(() => RosterLoader.Load(path)).Message);
    }

    [Fact]
    public void Township_and_village_codes_and_a_byte_order_mark_are_fine()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "roster.json");
        File.WriteAllText(path, Units("""{"code": "140403001", "name": "东街街道"}""", """{"code": "140403001001", "name": "某社区"}"""), new System.Text.UTF8Encoding(true));

        var roster = RosterLoader.Load(path);

        Assert.Equal(["140403001", "140403001001"], roster.Units.Select(u => u.Code));
    }

    [Fact]
    public void A_roster_that_is_an_array_stops_the_run_with_exit_2()
    {
        using var temp = new TempDirectory();
        var roster = Path.Combine(temp.Path, "roster.json");
        File.WriteAllText(roster, "[1,2,3]");

        var result = Support.Cli.Invoke("template", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", roster, "--out", Path.Combine(temp.Path, "t"));

        Assert.Equal((int)ExitCode.UsageError, result.Exit);
        Assert.Contains($"名册 {roster} 有 1 处错误", result.Stderr);
        Assert.Contains("文件中是数组", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }
}
