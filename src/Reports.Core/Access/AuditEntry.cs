namespace Reports.Access;

/// <summary>One line of the desk's audit: when, what happened (sign-in, upload, refusal …), whose code, from which address, and what it was.</summary>
public sealed record AuditEntry(DateTimeOffset At, string Kind, string? Unit, string? Address, string Detail);
