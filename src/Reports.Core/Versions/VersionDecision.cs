using Reports.Intake;

namespace Reports.Versions;

/// <summary>
/// Which file counts for each unit of one return and period, decided once and read by every stage: the merge,
/// status, history, validate and every output. <see cref="Files"/> holds every file and version seen, each with its
/// status (superseded, withdrawn …); <see cref="Chosen"/> the one file that speaks for each unit that has one.
/// </summary>
public sealed record VersionDecision(IReadOnlyList<IntakeFileResult> Files, IReadOnlyDictionary<string, IntakeFileResult> Chosen)
{
    /// <summary>The office's approval in force for the period (less the units reopened since); null when not approved.</summary>
    public Freeze? Freeze { get; init; }

    public static VersionDecision Empty { get; } = new([], new Dictionary<string, IntakeFileResult>(StringComparer.Ordinal));

    public IntakeFileResult? For(string unitCode) => Chosen.GetValueOrDefault(unitCode);

    public bool IsChosen(IntakeFileResult file) => file.UnitCode is { } unit && Chosen.TryGetValue(unit, out var chosen) && ReferenceEquals(chosen, file);
}
