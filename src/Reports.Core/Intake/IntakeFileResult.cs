using Reports.Diagnostics;

namespace Reports.Intake;

/// <summary>One file seen in the inbox: its hash, the unit it claims, its status and every diagnostic about it.</summary>
public sealed record IntakeFileResult(
    string File,
    string Sha256,
    string? UnitCode,
    IntakeStatus Status,
    IReadOnlyList<Diagnostic> Diagnostics,
    CountySubmission? Submission)
{
    /// <summary>
    /// The bytes as received, carried from intake to the store only (then dropped): the store records exactly the
    /// bytes that were parsed and hashed. Null for a file that could not be read, and for versions from the store.
    /// </summary>
    public byte[]? Original { get; init; }

    /// <summary>
    /// The store's run that first received this content (0: this run, without a store, or not yet recorded). A version
    /// received in a later run is newer, whatever its stamp says.
    /// </summary>
    public long FirstSeenRun { get; init; }

    /// <summary>When the office first received this content (the store's record; else the run's clock); null when unknown.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    public int ErrorCount => Diagnostics.Count(d => d.IsError);
    public int WarningCount => Diagnostics.Count(d => d.Severity == Reports.Diagnostics.DiagnosticSeverity.Warning);
}
