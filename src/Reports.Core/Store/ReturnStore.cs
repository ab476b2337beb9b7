using System.Globalization;
using Microsoft.Data.Sqlite;
using Reports.Diagnostics;
using Reports.Intake;
using Reports.Periods;

namespace Reports.Store;

/// <summary>
/// The history store: a SQLite file holding every version of every return received (the original bytes, values,
/// file name, SHA-256, time received, diagnostics) and every run. A version is a distinct content of one return
/// and period: a byte-identical resend is the same version. Each run is recorded in one transaction, so a run
/// killed at any point leaves the store as before or as after; WAL and a busy timeout let two runs share it.
/// </summary>
public sealed class ReturnStore : IDisposable
{
    private const int SchemaVersion = 1;
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _clock;

    /// <summary>A pause between row writes inside a run's transaction; only crash tests set it, to be killed mid-write.</summary>
    public TimeSpan WriteDelay { get; set; }

    private ReturnStore(SqliteConnection connection, TimeProvider clock)
    {
        _connection = connection;
        _clock = clock;
    }

    public static ReturnStore Open(string path, TimeProvider clock)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false, // a closed store leaves no handle behind (tests delete it; a second run may open it)
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        var store = new ReturnStore(connection, clock);
        store.Execute("PRAGMA busy_timeout = 30000;");
        store.Execute("PRAGMA journal_mode = WAL;");
        store.Execute("PRAGMA synchronous = FULL;");
        store.Execute("PRAGMA foreign_keys = ON;");
        store.CreateSchema();
        return store;
    }

    private void CreateSchema()
    {
        using var transaction = _connection.BeginTransaction();
        var version = Convert.ToInt32(Scalar("PRAGMA user_version;", transaction), CultureInfo.InvariantCulture);
        if (version > SchemaVersion)
        {
            throw new InvalidOperationException($"存储库的结构版本为 {version}，高于本程序支持的 {SchemaVersion}，请升级程序");
        }
        Execute("""
            CREATE TABLE IF NOT EXISTS runs (
                id INTEGER PRIMARY KEY,
                return_code TEXT NOT NULL,
                period TEXT NOT NULL,
                inbox TEXT NOT NULL,
                recorded_at TEXT NOT NULL,
                files INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS originals (
                sha256 TEXT PRIMARY KEY,
                size INTEGER NOT NULL,
                bytes BLOB NOT NULL);
            CREATE TABLE IF NOT EXISTS versions (
                id INTEGER PRIMARY KEY,
                return_code TEXT NOT NULL,
                period TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                unit_code TEXT,
                file_name TEXT NOT NULL,
                received_at TEXT NOT NULL,
                file_time TEXT NOT NULL,
                stamp TEXT,
                status TEXT NOT NULL,
                first_run INTEGER NOT NULL REFERENCES runs(id),
                UNIQUE (return_code, period, sha256));
            CREATE INDEX IF NOT EXISTS versions_by_unit ON versions(return_code, period, unit_code);
            CREATE TABLE IF NOT EXISTS version_values (
                version_id INTEGER NOT NULL REFERENCES versions(id),
                field TEXT NOT NULL,
                number TEXT,
                text TEXT,
                PRIMARY KEY (version_id, field));
            CREATE TABLE IF NOT EXISTS version_diagnostics (
                version_id INTEGER NOT NULL REFERENCES versions(id),
                seq INTEGER NOT NULL,
                code TEXT NOT NULL,
                severity TEXT NOT NULL,
                message TEXT NOT NULL,
                sheet TEXT,
                cell TEXT,
                field TEXT,
                PRIMARY KEY (version_id, seq));
            CREATE TABLE IF NOT EXISTS run_files (
                run_id INTEGER NOT NULL REFERENCES runs(id),
                file_name TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                version_id INTEGER REFERENCES versions(id),
                status TEXT NOT NULL,
                PRIMARY KEY (run_id, file_name));
            """, transaction);
        Execute($"PRAGMA user_version = {SchemaVersion};", transaction);
        transaction.Commit();
    }

    /// <summary>
    /// Records one run and every file it took in, in one transaction: new contents become versions (with a copy
    /// of their bytes), contents already held are only noted as seen again. Returns the run's id.
    /// </summary>
    public long RecordRun(string returnCode, ReportingPeriod period, string inbox, IReadOnlyList<IntakeFileResult> intake, Func<IntakeFileResult, byte[]?> originalOf)
    {
        var now = Format(_clock.GetUtcNow());
        using var transaction = _connection.BeginTransaction(deferred: false);
        var runId = Convert.ToInt64(Scalar("INSERT INTO runs (return_code, period, inbox, recorded_at, files) VALUES ($r, $p, $i, $t, $n) RETURNING id;",
            transaction, ("$r", returnCode), ("$p", period.ToString()), ("$i", inbox), ("$t", now), ("$n", intake.Count)), CultureInfo.InvariantCulture);
        foreach (var file in intake)
        {
            Pause();
            long? versionId = null;
            if (file.Status != IntakeStatus.Ignored && file.Sha256.Length > 0)
            {
                versionId = Scalar("SELECT id FROM versions WHERE return_code = $r AND period = $p AND sha256 = $s;", transaction,
                    ("$r", returnCode), ("$p", period.ToString()), ("$s", file.Sha256)) is long existing
                    ? existing
                    : InsertVersion(returnCode, period, file, runId, now, originalOf(file), transaction);
            }
            Execute("INSERT OR REPLACE INTO run_files (run_id, file_name, sha256, version_id, status) VALUES ($run, $f, $s, $v, $st);", transaction,
                ("$run", runId), ("$f", Path.GetFileName(file.File)), ("$s", file.Sha256), ("$v", versionId), ("$st", Status(file.Status)));
        }
        transaction.Commit();
        return runId;
    }

    private long InsertVersion(string returnCode, ReportingPeriod period, IntakeFileResult file, long runId, string now, byte[]? original, SqliteTransaction transaction)
    {
        if (original is not null)
        {
            Execute("INSERT OR IGNORE INTO originals (sha256, size, bytes) VALUES ($s, $n, $b);", transaction,
                ("$s", file.Sha256), ("$n", original.LongLength), ("$b", original));
        }
        // A rejected-then-superseded decision is the run's; the version keeps what its own content deserves.
        var status = file.Diagnostics.Any(d => d.IsError) || file.Submission is null ? IntakeStatus.Rejected : IntakeStatus.Accepted;
        var id = Convert.ToInt64(Scalar("""
            INSERT INTO versions (return_code, period, sha256, unit_code, file_name, received_at, file_time, stamp, status, first_run)
            VALUES ($r, $p, $s, $u, $f, $t, $ft, $st, $status, $run) RETURNING id;
            """, transaction,
            ("$r", returnCode), ("$p", period.ToString()), ("$s", file.Sha256), ("$u", file.UnitCode), ("$f", Path.GetFileName(file.File)), ("$t", now),
            ("$ft", Format(file.Submission?.FileTime ?? _clock.GetUtcNow())), ("$st", file.Submission?.Stamp is { } stamp ? Format(stamp) : null),
            ("$status", Status(status)), ("$run", runId)), CultureInfo.InvariantCulture);
        if (file.Submission is { } submission)
        {
            foreach (var (field, number) in submission.Values)
            {
                Pause();
                Execute("INSERT INTO version_values (version_id, field, number) VALUES ($v, $f, $n);", transaction,
                    ("$v", id), ("$f", field), ("$n", number.ToString(CultureInfo.InvariantCulture)));
            }
            foreach (var (field, text) in submission.Texts)
            {
                Execute("INSERT INTO version_values (version_id, field, text) VALUES ($v, $f, $x);", transaction, ("$v", id), ("$f", field), ("$x", text));
            }
        }
        var seq = 0;
        foreach (var d in file.Diagnostics.Where(d => d.Code is not "RPT050" and not "RPT052")) // run decisions, not properties of the content
        {
            Execute("INSERT INTO version_diagnostics (version_id, seq, code, severity, message, sheet, cell, field) VALUES ($v, $q, $c, $sev, $m, $sh, $ce, $fi);", transaction,
                ("$v", id), ("$q", seq++), ("$c", d.Code), ("$sev", d.Severity.ToString()), ("$m", d.Message), ("$sh", d.Sheet), ("$ce", d.Cell), ("$fi", d.Field));
        }
        return id;
    }

    /// <summary>
    /// Every version received for a return and period, as intake results in the order received: what a merge
    /// decides among (the newest submission of each unit wins, across every run).
    /// </summary>
    public IReadOnlyList<IntakeFileResult> Versions(string returnCode, ReportingPeriod period)
    {
        var versions = new List<(long Id, IntakeFileResult Result)>();
        using (var command = Command("""
            SELECT id, sha256, unit_code, file_name, file_time, stamp, status FROM versions
            WHERE return_code = $r AND period = $p ORDER BY id;
            """, null, ("$r", returnCode), ("$p", period.ToString())))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var status = Enum.Parse<IntakeStatus>(reader.GetString(6), ignoreCase: true);
                versions.Add((reader.GetInt64(0), new IntakeFileResult(reader.GetString(3), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), status, [], null)));
                if (!reader.IsDBNull(2))
                {
                    var stamp = reader.IsDBNull(5) ? (DateTimeOffset?)null : Parse(reader.GetString(5));
                    var last = versions[^1];
                    versions[^1] = (last.Id, last.Result with
                    {
                        Submission = new CountySubmission(reader.GetString(2), reader.GetString(3), reader.GetString(1), Parse(reader.GetString(4)), stamp,
                            new Dictionary<string, decimal>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal)),
                    });
                }
            }
        }
        return versions.Select(v => v.Result with
        {
            Diagnostics = DiagnosticsOf(v.Id, v.Result.File),
            Submission = v.Result.Submission is { } s ? WithValues(s, v.Id) : null,
        }).ToList();
    }

    /// <summary>The original bytes of a version, as received.</summary>
    public byte[]? Original(string sha256) => Scalar("SELECT bytes FROM originals WHERE sha256 = $s;", null, ("$s", sha256)) as byte[];

    /// <summary>How many runs the store has recorded (a killed run is not one of them).</summary>
    public long RunCount => Convert.ToInt64(Scalar("SELECT count(*) FROM runs;", null), CultureInfo.InvariantCulture);

    /// <summary>SQLite's own consistency check: "ok" when the file is sound.</summary>
    public string IntegrityCheck() => Convert.ToString(Scalar("PRAGMA integrity_check;", null), CultureInfo.InvariantCulture) ?? "";

    private CountySubmission WithValues(CountySubmission submission, long versionId)
    {
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        using var command = Command("SELECT field, number, text FROM version_values WHERE version_id = $v ORDER BY field;", null, ("$v", versionId));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (!reader.IsDBNull(1))
            {
                values[reader.GetString(0)] = decimal.Parse(reader.GetString(1), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
            }
            else if (!reader.IsDBNull(2))
            {
                texts[reader.GetString(0)] = reader.GetString(2);
            }
        }
        return submission with { Values = values, Texts = texts };
    }

    private List<Diagnostic> DiagnosticsOf(long versionId, string fileName)
    {
        var list = new List<Diagnostic>();
        using var command = Command("SELECT code, severity, message, sheet, cell, field FROM version_diagnostics WHERE version_id = $v ORDER BY seq;", null, ("$v", versionId));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            list.Add(new Diagnostic(reader.GetString(0), Enum.Parse<DiagnosticSeverity>(reader.GetString(1)), reader.GetString(2), fileName, Text(3), Text(4), Text(5)));
        }
        return list;
    }

    private void Pause()
    {
        if (WriteDelay > TimeSpan.Zero)
        {
            Thread.Sleep(WriteDelay);
        }
    }

    private static string Status(IntakeStatus status) => status.ToString().ToLowerInvariant();

    private static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private SqliteCommand Command(string sql, SqliteTransaction? transaction, params (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return command;
    }

    private void Execute(string sql, SqliteTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, transaction, parameters);
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql, SqliteTransaction? transaction, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, transaction, parameters);
        return command.ExecuteScalar();
    }

    public void Dispose() => _connection.Dispose();
}
