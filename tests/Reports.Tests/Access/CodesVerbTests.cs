using System.Text;
using Reports.Access;
using Reports.Cli.Verbs;
using Reports.Pipeline;
using Reports.Store;
using Reports.Tests.Support;

namespace Reports.Tests.Access;

/// <summary><c>reports codes issue|revoke|list</c> end to end: the codes shown once, the CSV the office prints, and the store the desk reads.</summary>
public sealed class CodesVerbTests
{
    [Fact]
    public void Issue_shows_every_units_code_once_and_writes_the_csv_with_its_exact_header()
    {
        using var temp = new TempDirectory();
        var store = Path.Combine(temp.Path, "store.db");
        var csv = Path.Combine(temp.Path, "codes", "报送码.csv");

        var result = Support.Cli.Invoke("codes", "issue", "--roster", RepositoryPaths.SampleRoster, "--store", store, "--csv", csv);

        Assert.True(result.Exit == 0, result.Stdout + result.Stderr);
        var bytes = File.ReadAllBytes(csv);
        Assert.Equal(new UTF8Encoding(true).GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("unit_code,unit_name,code", lines[0]);
        Assert.Equal("", lines[^1]);
        var rows = lines[1..^1].Select(l => l.Split(',')).ToList();
        Assert.Equal(Samples.Changzhi.Units.Select(u => (u.Code, u.Name)), rows.Select(r => (r[0], r[1])));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(csv));
        }
        using var opened = ReturnStore.Open(store, FixedClock.Default);
        var codes = new AccessCodes(opened, FixedClock.Default);
        foreach (var row in rows)
        {
            Assert.Equal(1, CountOf(result.Stdout, row[2])); // shown once on the console
            Assert.Equal(new CodeHolder(row[0], row[1], CodeRole.County), codes.Verify(row[2]));
        }
    }

    [Fact]
    public void The_office_gets_its_own_code_and_one_unit_can_be_reissued_alone()
    {
        using var temp = new TempDirectory();
        var store = Path.Combine(temp.Path, "store.db");
        var all = Path.Combine(temp.Path, "all.csv");
        var office = Path.Combine(temp.Path, "office.csv");
        var one = Path.Combine(temp.Path, "one.csv");
        Assert.Equal(0, Support.Cli.Invoke("codes", "issue", "--roster", RepositoryPaths.SampleRoster, "--store", store, "--csv", all).Exit);
        Assert.Equal(0, Support.Cli.Invoke("codes", "issue", "--office", "--store", store, "--csv", office).Exit);
        var unit = Samples.Changzhi.Units[2];
        var reissue = Support.Cli.Invoke("codes", "issue", "--roster", RepositoryPaths.SampleRoster, "--unit", unit.Code, "--store", store, "--csv", one);
        Assert.True(reissue.Exit == 0, reissue.Stderr);

        var officeRow = Assert.Single(Rows(office));
        Assert.Equal(["office", AccessCodes.OfficeName], officeRow[..2]);
        var newRow = Assert.Single(Rows(one));
        Assert.Equal(unit.Code, newRow[0]);
        using var opened = ReturnStore.Open(store, FixedClock.Default);
        var codes = new AccessCodes(opened, FixedClock.Default);
        Assert.Equal(CodeRole.Office, codes.Verify(officeRow[2])?.Role);
        Assert.Equal(unit.Code, codes.Verify(newRow[2])?.Unit);
        foreach (var row in Rows(all))
        {
            Assert.Equal(row[0] == unit.Code ? null : row[0], codes.Verify(row[2])?.Unit); // only the reissued unit's old code is gone
        }
    }

    [Fact]
    public void Revoke_and_list_work_on_the_store_and_list_never_shows_a_code()
    {
        using var temp = new TempDirectory();
        var store = Path.Combine(temp.Path, "store.db");
        var issued = Support.Cli.Invoke("codes", "issue", "--roster", RepositoryPaths.SampleRoster, "--store", store);
        Assert.Equal(0, Support.Cli.Invoke("codes", "issue", "--office", "--store", store).Exit);
        var unit = Samples.Changzhi.Units[0];

        var revoke = Support.Cli.Invoke("codes", "revoke", "--unit", unit.Code, "--store", store);
        var again = Support.Cli.Invoke("codes", "revoke", "--unit", unit.Code, "--store", store);
        var list = Support.Cli.Invoke("codes", "list", "--store", store);

        Assert.True(revoke.Exit == 0, revoke.Stderr);
        Assert.Contains($"已撤销单位 {unit.Code} 的报送码", revoke.Stdout);
        Assert.Equal((int)ExitCode.UsageError, again.Exit);
        Assert.Contains($"单位 {unit.Code} 没有有效的报送码", again.Stderr);
        Assert.Equal(0, list.Exit);
        Assert.Contains("共发放 13 个报送码，有效 12 个", list.Stdout);
        var line = list.Stdout.Split('\n').Single(l => l.Contains(unit.Code, StringComparison.Ordinal));
        Assert.Contains("已撤销", line);
        var codes = issued.Stdout.Split('\n').Select(l => l.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(p => p.Length == 3 && p[2].Length == AccessCodes.Length).Select(p => p[2]).ToList();
        Assert.Equal(12, codes.Count);
        Assert.All(codes, code => Assert.DoesNotContain(code, list.Stdout));
        using var opened = ReturnStore.Open(store, FixedClock.Default);
        Assert.Null(new AccessCodes(opened, FixedClock.Default).Verify(codes[0]));
        Assert.NotNull(new AccessCodes(opened, FixedClock.Default).Verify(codes[1]));
    }

    [Theory]
    [InlineData("issue")]
    [InlineData("issue --unit 140403")]
    [InlineData("issue --office --roster ROSTER")]
    [InlineData("issue --office --unit 140403")]
    [InlineData("revoke")]
    [InlineData("revoke --office --unit 140403")]
    public void An_unclear_request_is_refused_and_changes_nothing(string args)
    {
        using var temp = new TempDirectory();
        var store = Path.Combine(temp.Path, "store.db");
        var result = Support.Cli.Invoke(["codes", .. args.Replace("ROSTER", RepositoryPaths.SampleRoster, StringComparison.Ordinal).Split(' '), "--store", store]);

        Assert.Equal((int)ExitCode.UsageError, result.Exit);
        Assert.StartsWith("reports: 错误：", result.Stderr);
        Assert.False(File.Exists(store), "nothing issued, no store made");
    }

    [Fact]
    public void A_csv_path_on_the_store_or_a_foreign_file_is_refused_before_any_code_is_issued()
    {
        using var temp = new TempDirectory();
        var store = Path.Combine(temp.Path, "store.db");
        var first = Support.Cli.Invoke("codes", "issue", "--office", "--store", store);
        var code = first.Stdout.Split('\n').Select(l => l.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Single(p => p.Length == 3 && p[0] == "office")[2];
        var foreign = Path.Combine(temp.Path, "名单.csv");
        File.WriteAllText(foreign, "单位,电话\r\n");

        var onStore = Support.Cli.Invoke("codes", "issue", "--office", "--store", store, "--csv", store);
        var onForeign = Support.Cli.Invoke("codes", "issue", "--office", "--store", store, "--csv", foreign);

        Assert.Equal((int)ExitCode.UsageError, onStore.Exit);
        Assert.Equal((int)ExitCode.UsageError, onForeign.Exit);
        Assert.Equal("单位,电话\r\n", File.ReadAllText(foreign));
        using var opened = ReturnStore.Open(store, FixedClock.Default);
        Assert.Equal("ok", opened.IntegrityCheck());
        Assert.Equal(CodeRole.Office, new AccessCodes(opened, FixedClock.Default).Verify(code)?.Role); // not reissued
    }

    private static List<string[]> Rows(string csv) =>
        [.. File.ReadAllText(csv, Encoding.UTF8).Split("\r\n").Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))];

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
