using Reports.Pipeline;
using Reports.Rosters;
using Reports.Tests.Support;

namespace Reports.Tests.Cli;

/// <summary>Issue 24, class 11: what used to end in a stack trace or be accepted ends in one Chinese line naming the file.</summary>
public sealed class LeftoverTracesTests
{
    [Fact]
    public void A_roster_with_a_lone_surrogate_is_refused_naming_the_file_and_the_unit()
    {
        using var temp = new TempDirectory();
        var roster = Path.Combine(temp.Path, "名册.json");
        File.WriteAllText(roster, """{"name": "长治市", "code": "140400", "units": [{"code": "140403", "name": "潞州\ud800区"}, {"code": "140404", "name": "上党区"}]}""");
        var problem = Assert.Throws<RosterException>(() => RosterLoader.Load(roster));
        Assert.Contains(roster, problem.Message, StringComparison.Ordinal);
        Assert.Contains("$.units[0].name", problem.Message, StringComparison.Ordinal);
        Assert.Contains("不成对的代理字符", problem.Message, StringComparison.Ordinal);

        var result = Support.Cli.Invoke("run", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", roster,
            "--inbox", RepositoryPaths.SampleInbox, "--out", Path.Combine(temp.Path, "out"), "--store", Path.Combine(temp.Path, "s.db"));
        Assert.Equal((int)ExitCode.UsageError, result.Exit);
        Assert.Contains("不成对的代理字符", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Reopening_a_unit_not_on_the_roster_is_refused_before_the_store_is_touched()
    {
        using var temp = new TempDirectory();
        var store = Path.Combine(temp.Path, "s.db");
        var result = Support.Cli.Invoke("reopen", "--return", Samples.ReturnCode, "--period", "2022-06", "--unit", "140499", "--why", "更正", "--store", store,
            "--setting", $"Reports:Roster={RepositoryPaths.SampleRoster}");
        Assert.Equal((int)ExitCode.UsageError, result.Exit);
        Assert.Contains("单位 140499 不在名册", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(store));
    }

    private static (TempDirectory Temp, string Store, string[] Common) StoreOfOneRun()
    {
        var temp = new TempDirectory();
        var store = Path.Combine(temp.Path, "s.db");
        string[] common = ["--return", Samples.ReturnCode, "--period", "2022-06", "--store", store];
        var run = Support.Cli.Invoke(["run", .. common, "--roster", RepositoryPaths.SampleRoster, "--inbox", RepositoryPaths.SampleInbox, "--out", Path.Combine(temp.Path, "out")]);
        Assert.Equal((int)ExitCode.Success, run.Exit);
        return (temp, store, common);
    }

    private static void Change(string store, string sql)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={store};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public void A_store_of_a_newer_schema_is_one_chinese_line_naming_it_and_is_left_alone()
    {
        var (temp, store, common) = StoreOfOneRun();
        using var _ = temp;
        Change(store, "PRAGMA user_version = 99;");
        var before = File.ReadAllBytes(store);
        var result = Support.Cli.Invoke(["history", .. common, "--unit", "140403"]);
        Assert.Equal((int)ExitCode.Failure, result.Exit);
        Assert.Contains($"存储库 {store} 的结构版本为 99", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("意外错误", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(store));
    }

    [Fact]
    public void A_tampered_store_row_is_one_chinese_line_naming_the_store()
    {
        var (temp, store, common) = StoreOfOneRun();
        using var _ = temp;
        Change(store, "UPDATE versions SET received_at = 'yesterday-ish' WHERE rowid = (SELECT min(rowid) FROM versions);");
        var result = Support.Cli.Invoke(["history", .. common, "--unit", "140403"]);
        Assert.Equal((int)ExitCode.Failure, result.Exit);
        Assert.Contains($"存储库 {store} 中有一条记录已损坏或被改动", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("yesterday-ish", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("FormatException", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }
}
