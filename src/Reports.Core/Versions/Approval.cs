namespace Reports.Versions;

/// <summary>
/// The office's approval (审定) of a return's period: the accepted version (SHA-256) each unit's figures came from at
/// that moment (<see cref="Versions"/>: only accepted versions are frozen), when, by whom (the OS user) and the note.
/// A unit in <see cref="SentBack"/> had only a rejected version then (未通过, its hash kept so the record says which);
/// a unit in neither had sent nothing (未报送).
/// </summary>
public sealed record Approval(long Sequence, DateTimeOffset At, string By, string? Note, IReadOnlyDictionary<string, string> Versions)
{
    /// <summary>Units whose version at the approval was rejected (未通过): unit → that version's SHA-256. None of it counts.</summary>
    public IReadOnlyDictionary<string, string> SentBack { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>"采用 1a2b3c4d5e6f", "未通过（1a2b3c4d5e6f 已退回）" or "未报送": what the approval recorded for a unit.</summary>
    public string Describe(string unit) =>
        Versions.TryGetValue(unit, out var accepted) ? $"采用 {Short(accepted)}"
        : SentBack.TryGetValue(unit, out var rejected) ? $"未通过（{Short(rejected)} 已退回）"
        : "未报送";

    private static string Short(string sha256) => sha256[..Math.Min(12, sha256.Length)];
}
