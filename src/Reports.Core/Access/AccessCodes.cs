using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Reports.Rosters;
using Reports.Store;

namespace Reports.Access;

/// <summary>
/// The desk's codes: one per roster unit and one for the office. A code is shown once, when issued; the store keeps only
/// its salted PBKDF2 hash (SHA-256), beside a lookup key from the code's plain SHA-256 that narrows a sign-in to one row,
/// so a wrong code costs one indexed read and never a PBKDF2. A new code for a unit revokes its old one.
/// <para>
/// Verifying is cheap after the first time: a verified code is remembered in memory (by its SHA-256, never the code),
/// and every call still asks the store whether it is in force, so a revocation — by this desk or by
/// <c>reports codes revoke</c> in another process — takes effect on the next request. Thread-safe: calls into the store
/// are serialized on the store object (lock it too when sharing one store across threads).
/// </para>
/// </summary>
public sealed class AccessCodes(ReturnStore store, TimeProvider clock)
{
    /// <summary>The office's unit in the store and in <see cref="CodeHolder.Unit"/>.</summary>
    public const string OfficeUnit = "office";

    /// <summary>The office's name as the desk greets it.</summary>
    public const string OfficeName = "市级汇总办公室";

    /// <summary>Digits and capitals without the look-alikes 0/O, 1/I/L: a clerk copies the code from paper without doubt.</summary>
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>Random characters in a code: 24 of 31 are about 119 bits.</summary>
    public const int Length = 24;

    /// <summary>
    /// PBKDF2 rounds. A code is 119 random bits, not a password a person chose, so the rounds guard no guessable secret:
    /// they make a stolen store's hashes costly to test, while a sign-in of 200 counties at once stays well under a
    /// second of CPU each. Stored per code, so a later count changes only new codes.
    /// </summary>
    public const int Iterations = 20_000;

    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private const int LookupHexDigits = 10;

    private readonly ConcurrentDictionary<string, (long Id, CodeHolder Holder)> _verified = new(StringComparer.Ordinal);

    /// <summary>Issues a new code for a roster unit, revoking the one it held; the plain code is returned once and kept nowhere.</summary>
    public string Issue(RosterUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (unit.Code == OfficeUnit)
        {
            throw new ArgumentException($"单位代码 {OfficeUnit} 留给市级汇总办公室", nameof(unit));
        }
        return Issue(unit.Code, unit.Name, CodeRole.County);
    }

    /// <summary>Issues a new code for the office, revoking the one it held.</summary>
    public string IssueOffice() => Issue(OfficeUnit, OfficeName, CodeRole.Office);

    private string Issue(string unit, string name, CodeRole role)
    {
        var code = RandomNumberGenerator.GetString(Alphabet, Length);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var row = new AccessCodeRow(unit, name, RoleText(role), Lookup(code), salt, Hash(code, salt, Iterations), Iterations, clock.GetUtcNow());
        lock (store)
        {
            store.IssueCode(row);
        }
        return code;
    }

    /// <summary>Revokes the code in force of a unit (<see cref="OfficeUnit"/>: the office's); false when it held none.</summary>
    public bool Revoke(string unit)
    {
        lock (store)
        {
            return store.RevokeCodes(unit) > 0;
        }
    }

    /// <summary>Every code issued, by unit and then in the order issued: whose, when issued and revoked. Never a code.</summary>
    public IReadOnlyList<IssuedCode> List()
    {
        lock (store)
        {
            return [.. store.Codes().Select(c => new IssuedCode(c.Unit, c.Name, ParseRole(c.Role), c.IssuedAt, c.RevokedAt))];
        }
    }

    /// <summary>
    /// Who holds <paramref name="code"/>, or null when it is no code in force. Case, spaces and hyphens are forgiven
    /// (a code read from paper); anything else outside the alphabet is refused without a read of the store.
    /// </summary>
    public CodeHolder? Verify(string? code)
    {
        if (Normalized(code) is not { } plain)
        {
            return null;
        }
        var digest = SHA256.HashData(Encoding.ASCII.GetBytes(plain));
        var key = Convert.ToHexString(digest);
        if (_verified.TryGetValue(key, out var known))
        {
            lock (store)
            {
                if (store.CodeInForce(known.Id))
                {
                    return known.Holder;
                }
            }
            _verified.TryRemove(key, out _);
            return null;
        }
        IReadOnlyList<AccessCodeRow> candidates;
        lock (store)
        {
            candidates = store.CodesInForce(key[..LookupHexDigits]);
        }
        foreach (var row in candidates)
        {
            // PBKDF2 outside the lock: other requests go on meanwhile.
            if (CryptographicOperations.FixedTimeEquals(Hash(plain, row.Salt, row.Iterations), row.Hash))
            {
                var holder = new CodeHolder(row.Unit, row.Name, ParseRole(row.Role));
                _verified[key] = (row.Id, holder);
                return holder;
            }
        }
        return null;
    }

    /// <summary>The code as issued (capitals, no separators), or null when it cannot be one.</summary>
    private static string? Normalized(string? code)
    {
        if (code is null || code.Length > 4 * Length)
        {
            return null;
        }
        var plain = new StringBuilder(Length);
        foreach (var c in code)
        {
            if (c is ' ' or '-' or '\t')
            {
                continue;
            }
            var upper = char.ToUpperInvariant(c);
            if (!Alphabet.Contains(upper, StringComparison.Ordinal))
            {
                return null;
            }
            plain.Append(upper);
        }
        return plain.Length == Length ? plain.ToString() : null;
    }

    /// <summary>The first hex digits of the code's SHA-256: picks the row to check and, at 40 bits of 119, tells nothing usable about the code.</summary>
    private static string Lookup(string code) => Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(code)))[..LookupHexDigits];

    private static byte[] Hash(string code, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.ASCII.GetBytes(code), salt, iterations, HashAlgorithmName.SHA256, HashBytes);

    private static string RoleText(CodeRole role) => role == CodeRole.Office ? "office" : "county";

    private static CodeRole ParseRole(string text) => text == "office" ? CodeRole.Office : CodeRole.County;
}
