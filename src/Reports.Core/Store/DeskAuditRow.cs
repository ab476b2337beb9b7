namespace Reports.Store;

/// <summary>One line of the desk's audit as the store keeps it: when, what happened, whose code, from which address, and what it was.</summary>
internal sealed record DeskAuditRow(DateTimeOffset At, string Kind, string? Unit, string? Address, string Detail);
