namespace Reports.Store;

/// <summary>
/// A code as the store keeps it: whose it is, its salted PBKDF2 hash with the salt and iteration count, and a short
/// lookup key (from the code's SHA-256) that narrows a sign-in to one row. Never the code itself.
/// </summary>
internal sealed record AccessCodeRow(string Unit, string Name, string Role, string Lookup, byte[] Salt, byte[] Hash, int Iterations, DateTimeOffset IssuedAt)
{
    public long Id { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }
}
