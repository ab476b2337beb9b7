namespace Reports.Versions;

/// <summary>The office lifting an approval's freeze for one unit (or, with no unit, for all): when, by whom and why.</summary>
public sealed record Reopening(long Sequence, string? Unit, DateTimeOffset At, string By, string Reason);
