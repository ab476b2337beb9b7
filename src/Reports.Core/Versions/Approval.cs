namespace Reports.Versions;

/// <summary>
/// The office's approval (审定) of a return's period: the version (SHA-256) each unit's figures came from at that
/// moment, when, by whom (the OS user) and the note. A unit absent from <see cref="Versions"/> had nothing that counted.
/// </summary>
public sealed record Approval(long Sequence, DateTimeOffset At, string By, string? Note, IReadOnlyDictionary<string, string> Versions);
