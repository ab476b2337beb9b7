using System.Globalization;
using Microsoft.Data.Sqlite;
using Reports.Diagnostics;
using Reports.Intake;
using Reports.Periods;
using Reports.Versions;

namespace Reports.Store;

/// <summary>
/// The history store: a SQLite file holding every version of every return received (the original bytes, values,
/// file name, SHA-256, time received, diagnostics), every run, and the office's withdrawals, approvals and reopenings. A version is a distinct content of one return
/// and period: a byte-identical resend is the same version. A run writes in short transactions (the write lock is held
/// only while it writes, never while files are read) and counts only once marked complete: a run killed at any point
/// leaves nothing that counts, and what it left is removed by the next run. Runs of different periods share the store
/// side by side; two runs of one period take turns (<see cref="RunLock"/>). Readers never wait (WAL).
/// </summary>
public sealed partial class ReturnStore : IDisposable
{
    private const int SchemaVersion = 5;
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _clock;

    private ReturnStore(SqliteConnection connection, TimeProvider clock)
    {
        _connection = connection;
        _clock = clock;
    }

    /// <summary>
    /// Opens the store to read and write (a run, approve, reopen, withdraw). The write lock is taken only to create or
    /// upgrade the schema, and then by each write: readers are never held up (WAL).
    /// </summary>
    public static ReturnStore Open(string path, TimeProvider clock) => Open(path, clock, readOnly: false);

    /// <summary>
    /// Opens the store only to read (status, history, explain, validate): no lock is taken, a running intake is not
    /// waited for, and a store the office may only read (a read-only file or folder) is read all the same.
    /// </summary>
    public static ReturnStore OpenToRead(string path, TimeProvider clock) => Open(path, clock, readOnly: true);

    private static ReturnStore Open(string path, TimeProvider clock, bool readOnly)
    {
        if (!readOnly)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        }
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false, // a closed store leaves no handle behind (tests delete it; a second run may open it)
            DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        var store = new ReturnStore(connection, clock);
        store.Execute($"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds};");
        int version;
        try
        {
            version = store.SchemaOnDisk();
        }
        catch (SqliteException problem) when (readOnly && problem.SqliteErrorCode is 8 or 14)
        {
            // A store in WAL mode on a medium the office may only read (its folder not writable, no -shm beside it):
            // read as immutable — nobody can be writing to it.
            connection.Dispose();
            connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = new Uri(Path.GetFullPath(path)).AbsoluteUri + "?immutable=1",
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
            }.ToString());
            connection.Open();
            store = new ReturnStore(connection, clock);
            version = store.SchemaOnDisk();
        }
        if (version > SchemaVersion)
        {
            connection.Dispose();
            throw new StoreException($"存储库 {path} 的结构版本为 {version}，高于本程序支持的 {SchemaVersion}：它由更新的程序写过，请升级程序后再用，存储库未作改动");
        }
        if (readOnly)
        {
            if (version < SchemaVersion)
            {
                connection.Dispose();
                if (version == 0)
                {
                    throw new StoreException($"{path} 不是报表存储库（没有任何记录）");
                }
                // An older store is upgraded by the first verb that writes (a run); a reader of it upgrades it first.
                using (Open(path, clock, readOnly: false))
                {
                }
                return Open(path, clock, readOnly: true);
            }
            return store;
        }
        store.Execute("PRAGMA journal_mode = WAL;");
        store.Execute("PRAGMA synchronous = FULL;");
        store.Execute("PRAGMA foreign_keys = ON;");
        if (version < SchemaVersion)
        {
            store.CreateSchema();
        }
        return store;
    }

    /// <summary>The schema version the file holds (0: a new file), read without taking any lock.</summary>
    private int SchemaOnDisk() => Convert.ToInt32(Scalar("PRAGMA user_version;", null), CultureInfo.InvariantCulture);

    private void CreateSchema()
    {
        using var transaction = _connection.BeginTransaction();
        // Read again under the write lock: another program may have upgraded it meanwhile.
        var version = Convert.ToInt32(Scalar("PRAGMA user_version;", transaction), CultureInfo.InvariantCulture);
        if (version >= SchemaVersion)
        {
            return;
        }
        Execute("""
            CREATE TABLE IF NOT EXISTS runs (
                id INTEGER PRIMARY KEY,
                return_code TEXT NOT NULL,
                period TEXT NOT NULL,
                inbox TEXT NOT NULL,
                recorded_at TEXT NOT NULL,
                files INTEGER NOT NULL,
                complete INTEGER NOT NULL DEFAULT 1);
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
                sheet TEXT,
                cell TEXT,
                typed TEXT,
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
            CREATE TABLE IF NOT EXISTS version_details (
                version_id INTEGER NOT NULL REFERENCES versions(id),
                table_code TEXT NOT NULL,
                rows TEXT NOT NULL,
                PRIMARY KEY (version_id, table_code));
            CREATE TABLE IF NOT EXISTS withdrawals (
                id INTEGER PRIMARY KEY,
                return_code TEXT NOT NULL,
                period TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                withdrawn_at TEXT NOT NULL,
                withdrawn_by TEXT NOT NULL,
                reason TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS run_files (
                run_id INTEGER NOT NULL REFERENCES runs(id),
                file_name TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                version_id INTEGER REFERENCES versions(id),
                status TEXT NOT NULL,
                PRIMARY KEY (run_id, file_name));
            CREATE TABLE IF NOT EXISTS approvals (
                id INTEGER PRIMARY KEY,
                return_code TEXT NOT NULL,
                period TEXT NOT NULL,
                seq INTEGER NOT NULL,
                approved_at TEXT NOT NULL,
                approved_by TEXT NOT NULL,
                note TEXT);
            CREATE TABLE IF NOT EXISTS approved_versions (
                approval_id INTEGER NOT NULL REFERENCES approvals(id),
                unit_code TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                accepted INTEGER NOT NULL DEFAULT 1,
                PRIMARY KEY (approval_id, unit_code));
            CREATE TABLE IF NOT EXISTS reopenings (
                id INTEGER PRIMARY KEY,
                return_code TEXT NOT NULL,
                period TEXT NOT NULL,
                seq INTEGER NOT NULL,
                unit_code TEXT,
                reopened_at TEXT NOT NULL,
                reopened_by TEXT NOT NULL,
                reason TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS receipts (
                return_code TEXT NOT NULL,
                period TEXT NOT NULL,
                name TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                run_id INTEGER NOT NULL REFERENCES runs(id),
                PRIMARY KEY (return_code, period, name));
            """, transaction);
        if (version is > 0 and < 4 && !Columns("approved_versions", transaction).Contains("accepted"))
        {
            // Schema 3 froze whatever version the rule chose, a rejected one included; such a row stays as it was.
            Execute("ALTER TABLE approved_versions ADD COLUMN accepted INTEGER NOT NULL DEFAULT 1;", transaction);
        }
        if (version is > 0 and < 5 && !Columns("runs", transaction).Contains("complete"))
        {
            // Schema 4 recorded a run in one transaction: every run it holds is complete.
            Execute("ALTER TABLE runs ADD COLUMN complete INTEGER NOT NULL DEFAULT 1;", transaction);
        }
        if (version == 1)
        {
            // Schema 1 kept no cell of a value: where it was read and what was typed there.
            Execute("ALTER TABLE version_values ADD COLUMN sheet TEXT; ALTER TABLE version_values ADD COLUMN cell TEXT; ALTER TABLE version_values ADD COLUMN typed TEXT;", transaction);
        }
        // Schema 2 had no approvals or reopenings, schema 3 no receipts: CREATE TABLE IF NOT EXISTS above adds them, empty.
        // Schema 4 had no runs.complete (above).
        CreateAccessTables(transaction); // schema 5: the desk's codes and audit (ReturnStore.Access.cs), added empty to older stores
        Execute($"PRAGMA user_version = {SchemaVersion};", transaction);
        transaction.Commit();
    }

    private HashSet<string> Columns(string table, SqliteTransaction transaction)
    {
        var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        ReadAll($"PRAGMA table_info({table});", [], reader => columns.Add(reader.GetString(1)), transaction);
        return columns;
    }

    /// <summary>
    /// Records one run and every file it took in: new contents become versions (with a copy of their bytes), contents
    /// already held are only noted as seen again. Returns the run's id.
    /// </summary>
    internal long RecordRun(string returnCode, ReportingPeriod period, string inbox, IReadOnlyList<(IntakeFileResult File, byte[]? Bytes)> intake)
    {
        using var recording = BeginRun(returnCode, period, inbox, intake.Count);
        foreach (var (file, bytes) in intake)
        {
            recording.Add(file, bytes);
        }
        return recording.Complete();
    }

    /// <summary>
    /// Begins recording a run of <paramref name="files"/> files, to which intake adds each file as it is read (its
    /// bytes then need not be kept). The run claims its period first (a run of the same period still recording is
    /// waited for, as long as the busy timeout), removes what a killed run of the period left, and writes its row marked
    /// incomplete; <see cref="RunRecording.Complete"/> marks it complete. The write lock is taken only for each write.
    /// </summary>
    internal RunRecording BeginRun(string returnCode, ReportingPeriod period, string inbox, int files)
    {
        if (_prepared is not null)
        {
            throw new InvalidOperationException("存储库正在记录另一次运行");
        }
        var claim = RunLock.Take(_connection.DataSource, returnCode, period.ToString(), BusyTimeout)
            ?? throw new StoreException($"存储库 {_connection.DataSource} 正在记录 {returnCode} {period} 的另一次运行，等了 {BusyTimeout.TotalSeconds:0} 秒仍未结束：同一期一次只能有一次运行，请等它结束后再运行（存储库未作改动）");
        try
        {
            var now = Format(_clock.GetUtcNow());
            long runId;
            using (var transaction = _connection.BeginTransaction(deferred: false))
            {
                // No live run of this period exists (the claim says so): an incomplete one was killed.
                DiscardIncomplete("SELECT id FROM runs WHERE complete = 0 AND return_code = $r AND period = $p", transaction, ("$r", returnCode), ("$p", period.ToString()));
                runId = Convert.ToInt64(Scalar("INSERT INTO runs (return_code, period, inbox, recorded_at, files, complete) VALUES ($r, $p, $i, $t, $n, 0) RETURNING id;",
                    transaction, ("$r", returnCode), ("$p", period.ToString()), ("$i", inbox), ("$t", now), ("$n", files)), CultureInfo.InvariantCulture);
                transaction.Commit();
            }
            DiscardDeadRunsOfOtherPeriods(runId);
            // Tens of thousands of rows through a handful of statements: each prepared once and reused for the run.
            _prepared = new Dictionary<string, SqliteCommand>(StringComparer.Ordinal);
            return new RunRecording(this, claim, returnCode, period, now, runId);
        }
        catch
        {
            claim.Dispose();
            throw;
        }
    }

    /// <summary>How long a writer waits for another: SQLite's busy timeout, and a run for another run of its period.</summary>
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Incomplete runs of other periods whose claim nobody holds were killed: what they left is removed too.</summary>
    private void DiscardDeadRunsOfOtherPeriods(long current)
    {
        var periods = new List<(string Code, string Period)>();
        ReadAll("SELECT DISTINCT return_code, period FROM runs WHERE complete = 0 AND id <> $id;", [("$id", current)],
            reader => periods.Add((reader.GetString(0), reader.GetString(1))));
        foreach (var (code, period) in periods)
        {
            using var claim = RunLock.TryTake(_connection.DataSource, code, period);
            if (claim is null)
            {
                continue; // a live run of that period: it completes or is cleaned up later
            }
            using var transaction = _connection.BeginTransaction(deferred: false);
            DiscardIncomplete("SELECT id FROM runs WHERE complete = 0 AND return_code = $r AND period = $p", transaction, ("$r", code), ("$p", period));
            transaction.Commit();
        }
    }

    /// <summary>
    /// Removes every row of the runs <paramref name="runs"/> selects (incomplete ones): their receipts, files, versions
    /// with their values, findings and details, the originals no other version holds, and the runs themselves.
    /// </summary>
    private void DiscardIncomplete(string runs, SqliteTransaction transaction, params (string Name, object? Value)[] parameters)
    {
        var versions = $"SELECT id FROM versions WHERE first_run IN ({runs})";
        Execute($"""
            DELETE FROM receipts WHERE run_id IN ({runs});
            DELETE FROM run_files WHERE run_id IN ({runs}) OR version_id IN ({versions});
            DELETE FROM version_values WHERE version_id IN ({versions});
            DELETE FROM version_diagnostics WHERE version_id IN ({versions});
            DELETE FROM version_details WHERE version_id IN ({versions});
            DELETE FROM originals WHERE sha256 IN (SELECT sha256 FROM versions WHERE first_run IN ({runs}))
                AND sha256 NOT IN (SELECT sha256 FROM versions WHERE first_run NOT IN ({runs}));
            DELETE FROM versions WHERE first_run IN ({runs});
            DELETE FROM runs WHERE id IN ({runs});
            """, transaction, parameters);
    }

    /// <summary>Writes a batch of the run's files in one short transaction: a new content becomes a version, one already held is noted as seen again.</summary>
    internal void RecordBatch(RunRecording run, IReadOnlyList<(IntakeFileResult File, byte[]? Original, DateTimeOffset? ReceivedAt)> files)
    {
        using var transaction = _connection.BeginTransaction(deferred: false);
        foreach (var (file, original, receivedAt) in files)
        {
            long? versionId = null;
            if (file.Status != IntakeStatus.Ignored && file.Sha256.Length > 0)
            {
                versionId = Scalar("SELECT id FROM versions WHERE return_code = $r AND period = $p AND sha256 = $s;", transaction,
                    ("$r", run.ReturnCode), ("$p", run.Period.ToString()), ("$s", file.Sha256)) is long existing
                    ? existing
                    : InsertVersion(run.ReturnCode, run.Period, file, run.RunId, receivedAt is { } at ? Format(at) : run.Now, original, transaction);
            }
            Execute("INSERT OR REPLACE INTO run_files (run_id, file_name, sha256, version_id, status) VALUES ($run, $f, $s, $v, $st);", transaction,
                ("$run", run.RunId), ("$f", Path.GetFileName(file.File)), ("$s", file.Sha256), ("$v", versionId), ("$st", Status(file.Status)));
        }
        transaction.Commit();
    }

    /// <summary>Marks the run complete: from this commit on, everything it recorded counts.</summary>
    internal void CompleteRun(RunRecording run)
    {
        using var transaction = _connection.BeginTransaction(deferred: false);
        Execute("UPDATE runs SET complete = 1 WHERE id = $id;", transaction, ("$id", run.RunId));
        transaction.Commit();
    }

    /// <summary>
    /// Ends the run being recorded: its statements are released; a run that did not complete (it failed) has what it
    /// wrote removed at once — if even that fails, the next run of the period removes it.
    /// </summary>
    internal void EndRun(RunRecording run, bool completed)
    {
        foreach (var command in _prepared?.Values.ToList() ?? [])
        {
            command.Dispose();
        }
        _prepared = null;
        if (!completed)
        {
            try
            {
                using var transaction = _connection.BeginTransaction(deferred: false);
                DiscardIncomplete("SELECT id FROM runs WHERE complete = 0 AND id = $id", transaction, ("$id", run.RunId));
                transaction.Commit();
            }
            catch (SqliteException)
            {
                // A full disk, a busy store: the run's rows stay marked incomplete and count for nobody.
            }
        }
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
            foreach (var field in submission.Values.Keys.Concat(submission.Texts.Keys).Concat(submission.Cells.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var cell = submission.Cells.GetValueOrDefault(field);
                Execute("INSERT INTO version_values (version_id, field, number, text, sheet, cell, typed) VALUES ($v, $f, $n, $x, $sh, $c, $ty);", transaction,
                    ("$v", id), ("$f", field),
                    ("$n", submission.Values.TryGetValue(field, out var number) ? number.ToString(CultureInfo.InvariantCulture) : null),
                    ("$x", submission.Texts.GetValueOrDefault(field)), ("$sh", cell?.Sheet), ("$c", cell?.Cell), ("$ty", cell?.Typed));
            }
            foreach (var (table, rows) in submission.Details)
            {
                Execute("INSERT INTO version_details (version_id, table_code, rows) VALUES ($v, $t, $r);", transaction,
                    ("$v", id), ("$t", table), ("$r", DetailRowsJson.Write(rows)));
            }
        }
        var seq = 0;
        foreach (var d in file.Diagnostics.Where(d => !DiagnosticCatalog.Decisions.Contains(d.Code))) // a decision is the run's, not the content's
        {
            Execute("INSERT INTO version_diagnostics (version_id, seq, code, severity, message, sheet, cell, field) VALUES ($v, $q, $c, $sev, $m, $sh, $ce, $fi);", transaction,
                ("$v", id), ("$q", seq++), ("$c", d.Code), ("$sev", d.Severity.ToString()), ("$m", d.Message), ("$sh", d.Sheet), ("$ce", d.Cell), ("$fi", d.Field));
        }
        return id;
    }

    /// <summary>A version counts once the run that first received it is complete (a run still recording, or killed, is not).</summary>
    private const string Counted = "first_run IN (SELECT id FROM runs WHERE complete = 1)";

    /// <summary>
    /// Every version received for a return and period, in the order received, each with the run that first received it
    /// and when, its values with their cells, its detail rows, its diagnostics and the office's withdrawal of it (if any).
    /// </summary>
    internal IReadOnlyList<StoredVersion> Versions(string returnCode, ReportingPeriod period) =>
        WithFigures(returnCode, period, VersionsWithoutFigures(returnCode, period), _ => true);

    /// <summary>
    /// Every version as <see cref="Versions(string, ReportingPeriod)"/> gives it, but without its figures (values,
    /// cells, detail rows): the run that first received it and when, its stamp and file time, its diagnostics and
    /// withdrawal — what <see cref="Versions.VersionSelector"/> decides by. A version's <see cref="CountySubmission"/>
    /// holds only its 情况说明 until <see cref="WithFigures"/> reads the figures of the versions that need them.
    /// </summary>
    internal IReadOnlyList<StoredVersion> VersionsWithoutFigures(string returnCode, ReportingPeriod period) => Heads(returnCode, period, false, null);

    /// <summary>The versions of one unit only (null: those whose unit could not be read), with their figures.</summary>
    internal IReadOnlyList<StoredVersion> VersionsOf(string returnCode, ReportingPeriod period, string? unit) =>
        WithFigures(returnCode, period, Heads(returnCode, period, true, unit), _ => true);

    /// <summary>The findings of the counted versions <paramref name="key"/> ($r, $p and $u) names, by version id, in their order.</summary>
    private Dictionary<long, List<Diagnostic>> Findings((string Name, object? Value)[] key, string ofUnit = "")
    {
        var findings = new Dictionary<long, List<Diagnostic>>();
        ReadAll($"""
            SELECT vd.version_id, vd.code, vd.severity, vd.message, vd.sheet, vd.cell, vd.field, v.file_name FROM version_diagnostics vd
            JOIN versions v ON v.id = vd.version_id WHERE v.return_code = $r AND v.period = $p AND {Counted}{ofUnit} ORDER BY vd.version_id, vd.seq;
            """, key, reader =>
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            var id = reader.GetInt64(0);
            if (!findings.TryGetValue(id, out var list))
            {
                list = [];
                findings[id] = list;
            }
            list.Add(new Diagnostic(reader.GetString(1), Enum.Parse<DiagnosticSeverity>(reader.GetString(2)), reader.GetString(3), reader.GetString(7), Text(4), Text(5), Text(6)));
        });
        return findings;
    }

    private IReadOnlyList<StoredVersion> Heads(string returnCode, ReportingPeriod period, bool oneUnit, string? unit)
    {
        var key = new (string Name, object? Value)[] { ("$r", returnCode), ("$p", period.ToString()), ("$u", unit) };
        var ofUnit = oneUnit ? " AND v.unit_code IS $u" : "";
        var diagnostics = Findings(key, ofUnit);
        var withdrawn = Withdrawals(returnCode, period).GroupBy(w => w.Sha256, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var noFigures = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var noTexts = new Dictionary<string, string>(StringComparer.Ordinal);

        var versions = new List<StoredVersion>();
        ReadAll($"""
            SELECT v.id, v.sha256, v.unit_code, v.file_name, v.file_time, v.stamp, v.status, v.first_run, v.received_at, note.text FROM versions v
            LEFT JOIN version_values note ON note.version_id = v.id AND note.field = $note
            WHERE v.return_code = $r AND v.period = $p AND {Counted}{ofUnit} ORDER BY v.id;
            """, [.. key, ("$note", Definitions.ReturnDefinition.VerifyNoteField)], reader =>
        {
            var id = reader.GetInt64(0);
            var sha256 = reader.GetString(1);
            var unit = reader.IsDBNull(2) ? null : reader.GetString(2);
            var file = reader.GetString(3);
            var status = Enum.Parse<IntakeStatus>(reader.GetString(6), ignoreCase: true);
            var findings = diagnostics.GetValueOrDefault(id) ?? [];
            CountySubmission? submission = null;
            if (unit is not null)
            {
                var texts = reader.IsDBNull(9) ? noTexts : new Dictionary<string, string>(StringComparer.Ordinal) { [Definitions.ReturnDefinition.VerifyNoteField] = reader.GetString(9) };
                submission = new CountySubmission(unit, file, sha256, Parse(reader.GetString(4)), reader.IsDBNull(5) ? null : Parse(reader.GetString(5)), noFigures, texts);
            }
            // The store keeps the 情况说明 as the version's text; the must-explain findings it answers get it back here.
            findings = [.. DeclaredChecks.AttachExplanation(findings, submission)];
            versions.Add(new StoredVersion(new IntakeFileResult(file, sha256, unit, status, findings, submission), reader.GetInt64(7), Parse(reader.GetString(8)))
            {
                Withdrawal = withdrawn.GetValueOrDefault(sha256),
                FiguresRead = submission is null,
            });
        });
        return versions;
    }

    /// <summary>
    /// <paramref name="versions"/> (as <see cref="Versions(string, ReportingPeriod)"/> gave them) with the figures read —
    /// values, texts, the cells they were read from and the detail rows — of those <paramref name="wanted"/> says; the
    /// others as they were. Only the wanted versions' rows become objects: a period's superseded versions cost nothing.
    /// </summary>
    internal IReadOnlyList<StoredVersion> WithFigures(string returnCode, ReportingPeriod period, IReadOnlyList<StoredVersion> versions, Func<StoredVersion, bool> wanted)
    {
        var shas = versions.Where(v => !v.FiguresRead && v.FirstSeenRun != 0 && wanted(v)).Select(v => v.Sha256).ToHashSet(StringComparer.Ordinal);
        if (shas.Count == 0)
        {
            return versions;
        }
        var key = new (string Name, object? Value)[] { ("$r", returnCode), ("$p", period.ToString()) };
        var bySha = new Dictionary<string, long>(StringComparer.Ordinal);
        ReadAll($"SELECT v.id, v.sha256 FROM versions v WHERE v.return_code = $r AND v.period = $p AND {Counted};", key, reader =>
        {
            if (shas.Contains(reader.GetString(1)))
            {
                bySha[reader.GetString(1)] = reader.GetInt64(0);
            }
        });
        var ids = bySha.Values.ToHashSet();
        // Only the wanted versions' rows: named in SQL when few (one unit's), else read in one pass and the rest skipped.
        var few = ids.Count <= 256;
        var only = few ? $" AND v.id IN ({string.Join(",", ids.Order())})" : "";
        var figures = new Dictionary<long, (IReadOnlyDictionary<string, decimal> Numbers, IReadOnlyDictionary<string, string> Texts, IReadOnlyDictionary<string, FieldReading> Cells)>();
        var tables = new FigureTables();
        ReadAll($"""
            SELECT vv.version_id, vv.field, vv.number, vv.text, vv.sheet, vv.cell, vv.typed FROM version_values vv
            JOIN versions v ON v.id = vv.version_id WHERE v.return_code = $r AND v.period = $p AND {Counted}{only} ORDER BY vv.version_id, vv.field;
            """, key, reader =>
        {
            var id = reader.GetInt64(0);
            if (!few && !ids.Contains(id))
            {
                return;
            }
            if (id != tables.Version)
            {
                tables.Finish(figures);
                tables.Version = id;
            }
            var field = tables.Named(reader.GetString(1));
            if (!reader.IsDBNull(2))
            {
                tables.Numbers.Add((field, decimal.Parse(reader.GetString(2), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture)));
            }
            if (!reader.IsDBNull(3))
            {
                tables.Texts[field] = reader.GetString(3);
            }
            if (!reader.IsDBNull(4) && !reader.IsDBNull(5))
            {
                tables.Cells.Add((field, tables.Named(reader.GetString(4)), tables.Named(reader.GetString(5)), reader.IsDBNull(6) ? null : reader.GetString(6)));
            }
        });
        tables.Finish(figures);
        var details = new Dictionary<long, Dictionary<string, IReadOnlyList<DetailRow>>>();
        ReadAll($"""
            SELECT vd.version_id, vd.table_code, vd.rows FROM version_details vd
            JOIN versions v ON v.id = vd.version_id WHERE v.return_code = $r AND v.period = $p AND {Counted}{only} ORDER BY vd.version_id, vd.table_code;
            """, key, reader =>
        {
            var id = reader.GetInt64(0);
            if (!few && !ids.Contains(id))
            {
                return;
            }
            if (!details.TryGetValue(id, out var ofVersion))
            {
                ofVersion = new Dictionary<string, IReadOnlyList<DetailRow>>(StringComparer.Ordinal);
                details[id] = ofVersion;
            }
            ofVersion[reader.GetString(1)] = DetailRowsJson.Read(reader.GetString(2));
        });
        return [.. versions.Select(version =>
        {
            if (version.FiguresRead || version.Submission is not { } head || !bySha.TryGetValue(version.Sha256, out var id))
            {
                return version;
            }
            var (numbers, texts, cells) = figures.TryGetValue(id, out var read) ? read
                : (new Dictionary<string, decimal>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal), new Dictionary<string, FieldReading>(StringComparer.Ordinal));
            var submission = head with
            {
                Values = numbers,
                Texts = texts,
                Cells = cells,
                Details = details.GetValueOrDefault(id) ?? new Dictionary<string, IReadOnlyList<DetailRow>>(StringComparer.Ordinal),
            };
            return version with { Checked = version.Checked with { Submission = submission }, FiguresRead = true };
        })];
    }

    /// <summary>
    /// Withdraws a version of a return and period (e.g. sent in another unit's name), recorded with time, who and why;
    /// from then on it never counts. False when the store holds no such version.
    /// </summary>
    internal bool Withdraw(string returnCode, ReportingPeriod period, string sha256, string reason, string by, string? reopenUnit = null)
    {
        using var transaction = _connection.BeginTransaction(deferred: false);
        if (Scalar($"SELECT id FROM versions WHERE return_code = $r AND period = $p AND sha256 = $s AND {Counted};", transaction,
                ("$r", returnCode), ("$p", period.ToString()), ("$s", sha256)) is not long)
        {
            return false;
        }
        var now = Format(_clock.GetUtcNow());
        if (reopenUnit is not null)
        {
            // The unit is reopened with the same reason, in the same transaction: never a withdrawn version still approved.
            Execute("INSERT INTO reopenings (return_code, period, seq, unit_code, reopened_at, reopened_by, reason) VALUES ($r, $p, $q, $u, $t, $b, $why);", transaction,
                ("$r", returnCode), ("$p", period.ToString()), ("$q", NextSequence(transaction)), ("$u", reopenUnit), ("$t", now), ("$b", by), ("$why", reason));
        }
        Execute("INSERT INTO withdrawals (return_code, period, sha256, withdrawn_at, withdrawn_by, reason) VALUES ($r, $p, $s, $t, $b, $why);", transaction,
            ("$r", returnCode), ("$p", period.ToString()), ("$s", sha256), ("$t", now), ("$b", by), ("$why", reason));
        transaction.Commit();
        return true;
    }

    /// <summary>Every withdrawal recorded for a return and period, in order.</summary>
    internal IReadOnlyList<Withdrawal> Withdrawals(string returnCode, ReportingPeriod period)
    {
        var list = new List<Withdrawal>();
        ReadAll("SELECT sha256, withdrawn_at, withdrawn_by, reason FROM withdrawals WHERE return_code = $r AND period = $p ORDER BY id;",
            [("$r", returnCode), ("$p", period.ToString())],
            reader => list.Add(new Withdrawal(reader.GetString(0), Parse(reader.GetString(1)), reader.GetString(2), reader.GetString(3))));
        return list;
    }

    /// <summary>
    /// Approves a return's period: records the version each unit's figures come from (unit → SHA-256), with time, who
    /// and the note. From then on that period's decision uses exactly these versions (see <see cref="Freeze"/>).
    /// </summary>
    internal Approval Approve(string returnCode, ReportingPeriod period, IReadOnlyDictionary<string, string> accepted, IReadOnlyDictionary<string, string> sentBack, string? note, string by)
    {
        var now = _clock.GetUtcNow();
        using var transaction = _connection.BeginTransaction(deferred: false);
        var seq = NextSequence(transaction);
        var id = Convert.ToInt64(Scalar("INSERT INTO approvals (return_code, period, seq, approved_at, approved_by, note) VALUES ($r, $p, $q, $t, $b, $n) RETURNING id;",
            transaction, ("$r", returnCode), ("$p", period.ToString()), ("$q", seq), ("$t", Format(now)), ("$b", by), ("$n", note)), CultureInfo.InvariantCulture);
        foreach (var (unit, sha256, isAccepted) in accepted.Select(v => (v.Key, v.Value, true)).Concat(sentBack.Select(v => (v.Key, v.Value, false))).OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            Execute("INSERT INTO approved_versions (approval_id, unit_code, sha256, accepted) VALUES ($a, $u, $s, $ok);", transaction,
                ("$a", id), ("$u", unit), ("$s", sha256), ("$ok", isAccepted ? 1 : 0));
        }
        transaction.Commit();
        return Approvals(returnCode, period).Single(a => a.Sequence == seq);
    }

    /// <summary>
    /// Lifts the approval's freeze for one unit (null: every unit), recorded with time, who and why; the next run takes
    /// the newest version again. False when no approval is in force for the unit (nothing recorded).
    /// </summary>
    internal bool Reopen(string returnCode, ReportingPeriod period, string? unit, string reason, string by)
    {
        using var transaction = _connection.BeginTransaction(deferred: false);
        var freeze = Freeze.Of(ReadApprovals(returnCode, period, transaction), ReadReopenings(returnCode, period, transaction));
        if (freeze is null || unit is not null && !freeze.Holds(unit))
        {
            return false;
        }
        Execute("INSERT INTO reopenings (return_code, period, seq, unit_code, reopened_at, reopened_by, reason) VALUES ($r, $p, $q, $u, $t, $b, $why);", transaction,
            ("$r", returnCode), ("$p", period.ToString()), ("$q", NextSequence(transaction)), ("$u", unit), ("$t", Format(_clock.GetUtcNow())), ("$b", by), ("$why", reason));
        transaction.Commit();
        return true;
    }

    /// <summary>Every approval of a return's period, in order, each with its versions.</summary>
    internal IReadOnlyList<Approval> Approvals(string returnCode, ReportingPeriod period) => ReadApprovals(returnCode, period, null);

    /// <summary>
    /// The periods of a return in <paramref name="year"/> that have been approved, in the order of their first approval
    /// (a period approved again, or reopened since, keeps its place).
    /// </summary>
    internal IReadOnlyList<string> ApprovedPeriods(string returnCode, int year)
    {
        var list = new List<string>();
        ReadAll("SELECT period FROM approvals WHERE return_code = $r AND substr(period, 1, 5) = $y GROUP BY period ORDER BY min(seq);",
            [("$r", returnCode), ("$y", year.ToString("0000", CultureInfo.InvariantCulture) + "-")], reader => list.Add(reader.GetString(0)), null);
        return list;
    }

    /// <summary>Every reopening of a return's period, in order.</summary>
    internal IReadOnlyList<Reopening> Reopenings(string returnCode, ReportingPeriod period) => ReadReopenings(returnCode, period, null);

    /// <summary>The approval in force for a return's period, less the units reopened since; null when the period is not approved.</summary>
    internal Freeze? FreezeOf(string returnCode, ReportingPeriod period) => Freeze.Of(Approvals(returnCode, period), Reopenings(returnCode, period));

    /// <summary>Approvals and reopenings share one sequence, so their order is kept even when the clock does not move.</summary>
    private long NextSequence(SqliteTransaction transaction) => Convert.ToInt64(Scalar(
        "SELECT coalesce(max(seq), 0) + 1 FROM (SELECT seq FROM approvals UNION ALL SELECT seq FROM reopenings);", transaction), CultureInfo.InvariantCulture);

    private List<Approval> ReadApprovals(string returnCode, ReportingPeriod period, SqliteTransaction? transaction)
    {
        (string, object?)[] key = [("$r", returnCode), ("$p", period.ToString())];
        var versions = new Dictionary<long, (Dictionary<string, string> Accepted, Dictionary<string, string> SentBack)>();
        ReadAll("""
            SELECT av.approval_id, av.unit_code, av.sha256, av.accepted FROM approved_versions av JOIN approvals a ON a.id = av.approval_id
            WHERE a.return_code = $r AND a.period = $p ORDER BY av.approval_id, av.unit_code;
            """, key, reader =>
        {
            var id = reader.GetInt64(0);
            if (!versions.TryGetValue(id, out var units))
            {
                units = (new Dictionary<string, string>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal));
                versions[id] = units;
            }
            (reader.GetInt64(3) != 0 ? units.Accepted : units.SentBack)[reader.GetString(1)] = reader.GetString(2);
        }, transaction);
        var list = new List<Approval>();
        ReadAll("SELECT id, seq, approved_at, approved_by, note FROM approvals WHERE return_code = $r AND period = $p ORDER BY seq;", key, reader =>
        {
            var units = versions.GetValueOrDefault(reader.GetInt64(0));
            list.Add(new Approval(reader.GetInt64(1), Parse(reader.GetString(2)), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                units.Accepted ?? new Dictionary<string, string>(StringComparer.Ordinal))
            {
                SentBack = units.SentBack ?? new Dictionary<string, string>(StringComparer.Ordinal),
            });
        }, transaction);
        return list;
    }

    private List<Reopening> ReadReopenings(string returnCode, ReportingPeriod period, SqliteTransaction? transaction)
    {
        var list = new List<Reopening>();
        ReadAll("SELECT seq, unit_code, reopened_at, reopened_by, reason FROM reopenings WHERE return_code = $r AND period = $p ORDER BY seq;",
            [("$r", returnCode), ("$p", period.ToString())],
            reader => list.Add(new Reopening(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), Parse(reader.GetString(2)), reader.GetString(3), reader.GetString(4))),
            transaction);
        return list;
    }

    /// <summary>
    /// Records the receipts this run issues (name → version), each name once: returns, for each name, the run that
    /// first issued it (this run's id for a new one). A receipt once issued is a record: it is never issued again.
    /// </summary>
    internal IReadOnlyDictionary<string, long> IssueReceipts(RunRecording run, IReadOnlyList<(string Name, string Sha256)> receipts)
    {
        run.Flush();
        var issued = new Dictionary<string, long>(StringComparer.Ordinal);
        // Written with the run, counted once it completes; no other run of the period records meanwhile (its claim).
        using var transaction = _connection.BeginTransaction(deferred: false);
        foreach (var (name, sha256) in receipts)
        {
            Execute("INSERT OR IGNORE INTO receipts (return_code, period, name, sha256, run_id) VALUES ($r, $p, $n, $s, $run);", transaction,
                ("$r", run.ReturnCode), ("$p", run.Period.ToString()), ("$n", name), ("$s", sha256), ("$run", run.RunId));
            issued[name] = Convert.ToInt64(Scalar("SELECT run_id FROM receipts WHERE return_code = $r AND period = $p AND name = $n;", transaction,
                ("$r", run.ReturnCode), ("$p", run.Period.ToString()), ("$n", name)), CultureInfo.InvariantCulture);
        }
        transaction.Commit();
        return issued;
    }

    /// <summary>Every receipt issued for a return and period: its name, the version (SHA-256) it was issued for and when.</summary>
    internal IReadOnlyList<IssuedReceipt> Receipts(string returnCode, ReportingPeriod period)
    {
        var list = new List<IssuedReceipt>();
        ReadAll("""
            SELECT rc.name, rc.sha256, r.recorded_at FROM receipts rc JOIN runs r ON r.id = rc.run_id AND r.complete = 1
            WHERE rc.return_code = $r AND rc.period = $p ORDER BY rc.run_id, rc.name;
            """, [("$r", returnCode), ("$p", period.ToString())],
            reader => list.Add(new IssuedReceipt(reader.GetString(0), reader.GetString(1), Parse(reader.GetString(2)))));
        return list;
    }

    /// <summary>The original bytes of a version, as received.</summary>
    public byte[]? Original(string sha256) => Scalar("SELECT bytes FROM originals WHERE sha256 = $s;", null, ("$s", sha256)) as byte[];

    /// <summary>
    /// SQLite's data_version of this connection: it changes when another connection (another process: a run, an
    /// approval) commits, not for this connection's own writes. What a long-lived reader caches is fresh while it holds.
    /// </summary>
    public long DataVersion => Convert.ToInt64(Scalar("PRAGMA data_version;", null), CultureInfo.InvariantCulture);

    /// <summary>How many runs the store has recorded (a killed run is not one of them).</summary>
    public long RunCount => Convert.ToInt64(Scalar("SELECT count(*) FROM runs WHERE complete = 1;", null), CultureInfo.InvariantCulture);

    /// <summary>SQLite's own consistency check: "ok" when the file is sound.</summary>
    public string IntegrityCheck() => Convert.ToString(Scalar("PRAGMA integrity_check;", null), CultureInfo.InvariantCulture) ?? "";

    private static string Status(IntakeStatus status) => status.ToString().ToLowerInvariant();

    private static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private void ReadAll(string sql, (string Name, object? Value)[] parameters, Action<SqliteDataReader> row, SqliteTransaction? transaction = null)
    {
        using var command = Command(sql, transaction, parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            try
            {
                row(reader);
            }
            catch (Exception problem) when (problem is FormatException or InvalidCastException or OverflowException or ArgumentException or System.Text.Json.JsonException)
            {
                // A row this program wrote always reads back: one that does not was changed outside it.
                throw new StoreException($"存储库 {_connection.DataSource} 中有一条记录已损坏或被改动，无法读取（{Shown(reader)}）；请从备份恢复存储库", problem);
            }
        }
    }

    private static string Shown(SqliteDataReader reader) =>
        string.Join("，", Enumerable.Range(0, Math.Min(reader.FieldCount, 12)).Select(i => reader.IsDBNull(i) ? "空" : Diagnostics.ShownText.Cut(Diagnostics.ShownText.Escape(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? ""), 40, "已截断")));

    /// <summary>The statements of the run being recorded, by text; null unless a run is being recorded (<see cref="BeginRun"/>).</summary>
    private Dictionary<string, SqliteCommand>? _prepared;

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

    private void Execute(string sql, SqliteTransaction? transaction = null, params (string Name, object? Value)[] parameters) =>
        Use(sql, transaction, parameters, command => command.ExecuteNonQuery());

    private object? Scalar(string sql, SqliteTransaction? transaction, params (string Name, object? Value)[] parameters) =>
        Use(sql, transaction, parameters, command => command.ExecuteScalar());

    /// <summary>Runs a statement: while a run is recorded, through its prepared command (new values bound), else a command of its own.</summary>
    private T Use<T>(string sql, SqliteTransaction? transaction, (string Name, object? Value)[] parameters, Func<SqliteCommand, T> use)
    {
        if (_prepared is null || transaction is null)
        {
            using var own = Command(sql, transaction, parameters);
            return use(own);
        }
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = Command(sql, transaction, parameters);
            command.Prepare();
            _prepared[sql] = command;
        }
        else
        {
            command.Transaction = transaction; // each batch of the run is a transaction of its own
            foreach (var (name, value) in parameters)
            {
                command.Parameters[name].Value = value ?? DBNull.Value;
            }
        }
        return use(command);
    }

    public void Dispose() => _connection.Dispose();
}
