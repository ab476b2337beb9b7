using Reports.Intake;

namespace Reports.Versions;

/// <summary>
/// Which file counts for each unit of one return and period, decided once and read by every stage: the merge,
/// status, history, validate and every output. <see cref="Files"/> holds every file and version seen, each decided
/// (superseded, withdrawn …); <see cref="Chosen"/> the one file that speaks for each unit that has one.
/// </summary>
public sealed record VersionDecision(IReadOnlyList<DecidedVersion> Files, IReadOnlyDictionary<string, DecidedVersion> Chosen)
{
    /// <summary>The office's approval in force for the period (less the units reopened since); null when not approved.</summary>
    public Freeze? Freeze { get; init; }

    public static VersionDecision Empty { get; } = new([], new Dictionary<string, DecidedVersion>(StringComparer.Ordinal));

    public DecidedVersion? For(string unitCode) => Chosen.GetValueOrDefault(unitCode);

    /// <summary>
    /// What the decision made of a file received: a version by its content (the one record the store keeps of it, under
    /// whatever name it came again), any other file (a duplicate, a file that could not be read, one not recorded) as
    /// the very file decided. Null for a file the decision never saw.
    /// </summary>
    public DecidedVersion? Of(IntakeFileResult received)
    {
        var index = _index ??= new Index(Files);
        return index.ByFile.GetValueOrDefault(received) ?? (IsVersion(received) ? index.ByContent.GetValueOrDefault(received.Sha256) : null);
    }

    private Index? _index;

    /// <summary>The decided files by the very file read, and the versions by their content (the first of each).</summary>
    private sealed class Index
    {
        public Index(IReadOnlyList<DecidedVersion> files)
        {
            foreach (var file in files)
            {
                ByFile.TryAdd(file.Version.Checked, file);
                if (IsVersion(file.Version.Checked))
                {
                    ByContent.TryAdd(file.Sha256, file);
                }
            }
        }

        public Dictionary<IntakeFileResult, DecidedVersion> ByFile { get; } = new(ReferenceEqualityComparer.Instance);

        public Dictionary<string, DecidedVersion> ByContent { get; } = new(StringComparer.Ordinal);
    }

    private static bool IsVersion(IntakeFileResult file) => file.Status is not (IntakeStatus.Duplicate or IntakeStatus.Ignored) && file.Sha256.Length > 0;

    public bool IsChosen(DecidedVersion file) => file.UnitCode is { } unit && Chosen.TryGetValue(unit, out var chosen) && ReferenceEquals(chosen, file);
}
