using System.Text.RegularExpressions;
using Reports.Store;

namespace Reports.Access;

/// <summary>
/// The desk's audit in the store: every sign-in, upload and refusal with the server's time, whose code, and the address
/// it came from. A code never goes in: anything in a detail shaped like one (a run of the codes' characters as long as a
/// code) is blanked before it is written, so a careless caller cannot leak one either. Thread-safe as <see cref="AccessCodes"/>.
/// </summary>
public sealed partial class DeskAudit(ReturnStore store, TimeProvider clock)
{
    /// <summary>What stands in the audit where a detail held something shaped like a code.</summary>
    public const string Blanked = "［已隐去］";

    /// <summary>Records one event: <paramref name="kind"/> (signin, upload, refused …), the unit of the code used (null before one is known), the client's address.</summary>
    public void Record(string kind, string? unit, string? address, string detail)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        var row = new DeskAuditRow(clock.GetUtcNow(), kind, unit, address, Blank(detail ?? ""));
        lock (store)
        {
            store.RecordAudit(row);
        }
    }

    /// <summary>The audit in the order recorded; with <paramref name="last"/>, only that many of the newest.</summary>
    public IReadOnlyList<AuditEntry> Read(int? last = null)
    {
        lock (store)
        {
            return [.. store.Audit(last).Select(r => new AuditEntry(r.At, r.Kind, r.Unit, r.Address, r.Detail))];
        }
    }

    /// <summary>
    /// The detail with every code-shaped run blanked: at least a code's length of the codes' characters in a row, in
    /// either case, with a letter beyond F in it — a SHA-256 in hex (which the desk does record) has none.
    /// </summary>
    public static string Blank(string detail) =>
        CodeShaped().Replace(detail, run => run.Value.Any(c => char.ToUpperInvariant(c) is > 'F' and <= 'Z') ? Blanked : run.Value);

    [GeneratedRegex("[2-9A-HJKMNP-Za-hjkmnp-z]{24,}")]
    private static partial Regex CodeShaped();
}
