namespace Reports.Access;

/// <summary>A code as the office may see it after it was issued: whose, when issued, when revoked (null: in force). Never the code.</summary>
public sealed record IssuedCode(string Unit, string Name, CodeRole Role, DateTimeOffset IssuedAt, DateTimeOffset? RevokedAt)
{
    public bool InForce => RevokedAt is null;
}
