using Microsoft.Data.Sqlite;
using Reports.Intake;
using Reports.Store;
using Reports.Tests.Support;

namespace Reports.Tests.Store;

/// <summary>A store written by the first schema opens, is upgraded in place, and keeps every version it held.</summary>
public sealed class SchemaUpgradeTests
{
    /// <summary>Schema 1 as the first release created it (tables that schema 2 changes or relies on).</summary>
    private const string SchemaOne = """
        CREATE TABLE runs (id INTEGER PRIMARY KEY, return_code TEXT NOT NULL, period TEXT NOT NULL, inbox TEXT NOT NULL, recorded_at TEXT NOT NULL, files INTEGER NOT NULL);
        CREATE TABLE originals (sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, bytes BLOB NOT NULL);
        CREATE TABLE versions (id INTEGER PRIMARY KEY, return_code TEXT NOT NULL, period TEXT NOT NULL, sha256 TEXT NOT NULL, unit_code TEXT,
            file_name TEXT NOT NULL, received_at TEXT NOT NULL, file_time TEXT NOT NULL, stamp TEXT, status TEXT NOT NULL,
            first_run INTEGER NOT NULL REFERENCES runs(id), UNIQUE (return_code, period, sha256));
        CREATE TABLE version_values (version_id INTEGER NOT NULL REFERENCES versions(id), field TEXT NOT NULL, number TEXT, text TEXT, PRIMARY KEY (version_id, field));
        CREATE TABLE version_diagnostics (version_id INTEGER NOT NULL REFERENCES versions(id), seq INTEGER NOT NULL, code TEXT NOT NULL, severity TEXT NOT NULL,
            message TEXT NOT NULL, sheet TEXT, cell TEXT, field TEXT, PRIMARY KEY (version_id, seq));
        CREATE TABLE run_files (run_id INTEGER NOT NULL REFERENCES runs(id), file_name TEXT NOT NULL, sha256 TEXT NOT NULL,
            version_id INTEGER REFERENCES versions(id), status TEXT NOT NULL, PRIMARY KEY (run_id, file_name));
        INSERT INTO runs VALUES (1, 'campaign-5plus1', '2022-06', '/inbox', '2022-07-03T10:00:00.000Z', 1);
        INSERT INTO versions VALUES (1, 'campaign-5plus1', '2022-06', 'abc', '140403', '140403.xlsx', '2022-07-03T10:00:00.000Z', '2022-07-03T09:00:00.000Z', NULL, 'accepted', 1);
        INSERT INTO version_values VALUES (1, 'emp_total', '5379', NULL);
        INSERT INTO version_values VALUES (1, 'remarks', NULL, '无');
        INSERT INTO version_diagnostics VALUES (1, 0, 'RPT037', 'Warning', '文本数字', '填报', 'D5', 'emp_total');
        PRAGMA user_version = 1;
        """;

    [Fact]
    public void A_schema_one_store_is_upgraded_and_keeps_its_versions()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "old.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = SchemaOne;
            command.ExecuteNonQuery();
        }

        using var store = ReturnStore.Open(path, FixedClock.Default);
        var version = Assert.Single(store.Versions(Samples.ReturnCode, Samples.Period));
        Assert.Equal("140403", version.UnitCode);
        Assert.Equal(IntakeStatus.Accepted, version.Verdict);
        Assert.Equal(5379m, version.Submission!.Values["emp_total"]);
        Assert.Equal("无", version.Submission.Texts["remarks"]);
        Assert.Empty(version.Submission.Cells); // schema 1 never recorded them
        Assert.Equal("RPT037", Assert.Single(version.Diagnostics).Code);
        Assert.Equal(1, version.FirstSeenRun);
        Assert.Equal("ok", store.IntegrityCheck());
        Assert.True(store.Withdraw(Samples.ReturnCode, Samples.Period, "abc", "测试", "tester"));
        Assert.NotNull(Assert.Single(store.Versions(Samples.ReturnCode, Samples.Period)).Withdrawal);
    }

    [Fact]
    public void A_schema_two_store_gains_approvals_in_place_and_keeps_its_withdrawals()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "two.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // Schema 2: schema 1 with the cells of a value, the ledger rows and the withdrawals.
            command.CommandText = SchemaOne.Replace("PRAGMA user_version = 1;", "", StringComparison.Ordinal) + """
                ALTER TABLE version_values ADD COLUMN sheet TEXT; ALTER TABLE version_values ADD COLUMN cell TEXT; ALTER TABLE version_values ADD COLUMN typed TEXT;
                CREATE TABLE version_details (version_id INTEGER NOT NULL REFERENCES versions(id), table_code TEXT NOT NULL, rows TEXT NOT NULL, PRIMARY KEY (version_id, table_code));
                CREATE TABLE withdrawals (id INTEGER PRIMARY KEY, return_code TEXT NOT NULL, period TEXT NOT NULL, sha256 TEXT NOT NULL,
                    withdrawn_at TEXT NOT NULL, withdrawn_by TEXT NOT NULL, reason TEXT NOT NULL);
                INSERT INTO versions VALUES (2, 'campaign-5plus1', '2022-06', 'def', '140404', '140404.xlsx', '2022-07-03T10:00:00.000Z', '2022-07-03T09:00:00.000Z', NULL, 'accepted', 1);
                INSERT INTO withdrawals VALUES (1, 'campaign-5plus1', '2022-06', 'def', '2022-07-04T10:00:00.000Z', 'clerk', '误报');
                PRAGMA user_version = 2;
                """;
            command.ExecuteNonQuery();
        }

        using (var store = ReturnStore.Open(path, FixedClock.Default))
        {
            Assert.NotNull(store.Versions(Samples.ReturnCode, Samples.Period).Single(v => v.Sha256 == "def").Withdrawal);
            Assert.Null(store.FreezeOf(Samples.ReturnCode, Samples.Period));
            store.Approve(Samples.ReturnCode, Samples.Period, new Dictionary<string, string> { ["140403"] = "abc" }, new Dictionary<string, string>(), "审定", "tester");
            Assert.True(store.Reopen(Samples.ReturnCode, Samples.Period, "140403", "更正", "tester"));
            Assert.Equal("ok", store.IntegrityCheck());
        }
        using (var reopened = ReturnStore.Open(path, FixedClock.Default))
        {
            var freeze = reopened.FreezeOf(Samples.ReturnCode, Samples.Period)!;
            Assert.Equal("abc", freeze.Approval.Versions["140403"]);
            Assert.False(freeze.Holds("140403"));
            Assert.Equal("更正", Assert.Single(reopened.Reopenings(Samples.ReturnCode, Samples.Period)).Reason);
        }
        using var check = new SqliteConnection($"Data Source={path};Pooling=False");
        check.Open();
        using var version = check.CreateCommand();
        version.CommandText = "PRAGMA user_version;";
        Assert.Equal(4L, version.ExecuteScalar());
    }
}
