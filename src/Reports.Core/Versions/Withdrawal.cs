namespace Reports.Versions;

/// <summary>The office's withdrawal of one version (by its SHA-256): when, by whom (the OS user) and why.</summary>
public sealed record Withdrawal(string Sha256, DateTimeOffset At, string By, string Reason);
