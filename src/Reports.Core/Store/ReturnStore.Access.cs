using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Reports.Store;

/// <summary>
/// The desk's records in the store (schema 5): the codes issued to units and the office, kept only as salted hashes
/// beside a short lookup key, and the audit of sign-ins, uploads and refusals. Read and written through
/// <c>Reports.Access</c> only.
/// </summary>
public sealed partial class ReturnStore
{
    private void CreateAccessTables(SqliteTransaction transaction) => Execute("""
        CREATE TABLE IF NOT EXISTS access_codes (
            id INTEGER PRIMARY KEY,
            unit_code TEXT NOT NULL,
            unit_name TEXT NOT NULL,
            role TEXT NOT NULL,
            lookup TEXT NOT NULL,
            salt BLOB NOT NULL,
            hash BLOB NOT NULL,
            iterations INTEGER NOT NULL,
            issued_at TEXT NOT NULL,
            revoked_at TEXT);
        CREATE INDEX IF NOT EXISTS access_codes_by_lookup ON access_codes(lookup);
        CREATE INDEX IF NOT EXISTS access_codes_by_unit ON access_codes(unit_code);
        CREATE TABLE IF NOT EXISTS desk_audit (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            unit_code TEXT,
            address TEXT,
            detail TEXT NOT NULL);
        """, transaction);

    /// <summary>Records a new code for a unit and revokes every code it held before, in one transaction. Returns its id.</summary>
    internal long IssueCode(AccessCodeRow code)
    {
        using var transaction = _connection.BeginTransaction(deferred: false);
        var now = Format(code.IssuedAt);
        Execute("UPDATE access_codes SET revoked_at = $t WHERE unit_code = $u AND revoked_at IS NULL;", transaction, ("$t", now), ("$u", code.Unit));
        var id = Convert.ToInt64(Scalar("""
            INSERT INTO access_codes (unit_code, unit_name, role, lookup, salt, hash, iterations, issued_at)
            VALUES ($u, $n, $r, $l, $s, $h, $i, $t) RETURNING id;
            """, transaction, ("$u", code.Unit), ("$n", code.Name), ("$r", code.Role), ("$l", code.Lookup), ("$s", code.Salt), ("$h", code.Hash),
            ("$i", code.Iterations), ("$t", now)), CultureInfo.InvariantCulture);
        transaction.Commit();
        return id;
    }

    /// <summary>Revokes every code in force of a unit; how many there were.</summary>
    internal int RevokeCodes(string unit) =>
        Use("UPDATE access_codes SET revoked_at = $t WHERE unit_code = $u AND revoked_at IS NULL;", null,
            [("$t", Format(_clock.GetUtcNow())), ("$u", unit)], command => command.ExecuteNonQuery());

    /// <summary>The codes in force whose lookup key is <paramref name="lookup"/> (almost always one, or none).</summary>
    internal IReadOnlyList<AccessCodeRow> CodesInForce(string lookup) =>
        ReadCodes("WHERE lookup = $l AND revoked_at IS NULL", ("$l", lookup));

    /// <summary>Whether the code recorded as <paramref name="id"/> is still in force (read on every request: a revocation by another process counts at once).</summary>
    internal bool CodeInForce(long id) =>
        Scalar("SELECT 1 FROM access_codes WHERE id = $i AND revoked_at IS NULL;", null, ("$i", id)) is not null;

    /// <summary>Every code ever issued, by unit and then in the order issued.</summary>
    internal IReadOnlyList<AccessCodeRow> Codes() => ReadCodes("ORDER BY unit_code, id");

    private List<AccessCodeRow> ReadCodes(string where, params (string Name, object? Value)[] parameters)
    {
        var list = new List<AccessCodeRow>();
        ReadAll($"SELECT id, unit_code, unit_name, role, lookup, salt, hash, iterations, issued_at, revoked_at FROM access_codes {where};", parameters,
            reader => list.Add(new AccessCodeRow(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                (byte[])reader.GetValue(5), (byte[])reader.GetValue(6), reader.GetInt32(7), Parse(reader.GetString(8)))
            {
                Id = reader.GetInt64(0),
                RevokedAt = reader.IsDBNull(9) ? null : Parse(reader.GetString(9)),
            }));
        return list;
    }

    /// <summary>Adds one line to the desk's audit.</summary>
    internal void RecordAudit(DeskAuditRow entry) =>
        Execute("INSERT INTO desk_audit (at, kind, unit_code, address, detail) VALUES ($t, $k, $u, $a, $d);", null,
            ("$t", Format(entry.At)), ("$k", entry.Kind), ("$u", entry.Unit), ("$a", entry.Address), ("$d", entry.Detail));

    /// <summary>The desk's audit in the order recorded; with <paramref name="last"/>, only that many of the newest.</summary>
    internal IReadOnlyList<DeskAuditRow> Audit(int? last)
    {
        var list = new List<DeskAuditRow>();
        ReadAll("""
            SELECT at, kind, unit_code, address, detail FROM
            (SELECT id, at, kind, unit_code, address, detail FROM desk_audit ORDER BY id DESC LIMIT $n) ORDER BY id;
            """, [("$n", last ?? -1)],
            reader => list.Add(new DeskAuditRow(Parse(reader.GetString(0)), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4))));
        return list;
    }
}
