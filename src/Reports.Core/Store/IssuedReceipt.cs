namespace Reports.Store;

/// <summary>A receipt (回执) issued to a county: its file name, the version (SHA-256) it speaks of, and when it was issued.</summary>
public sealed record IssuedReceipt(string Name, string Sha256, DateTimeOffset IssuedAt);
