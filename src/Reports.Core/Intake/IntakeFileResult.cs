using Reports.Diagnostics;

namespace Reports.Intake;

/// <summary>
/// One file read and checked (the second stage of a file's life, after <see cref="ReceivedFile"/>): its hash, the unit
/// it claims, intake's verdict on its content (accepted, rejected; duplicate of a file earlier in the inbox; ignored),
/// every diagnostic about its content and the figures read. It holds no bytes (they go from the received file to the
/// store, beside this), and knows nothing of the office's record: when the office received the content and what the
/// decision made of it are the later stages' (<see cref="Versions.StoredVersion"/>, <see cref="Versions.DecidedVersion"/>).
/// </summary>
public sealed record IntakeFileResult(
    string File,
    string Sha256,
    string? UnitCode,
    IntakeStatus Status,
    IReadOnlyList<Diagnostic> Diagnostics,
    CountySubmission? Submission)
{
    public int ErrorCount => Diagnostics.Count(d => d.IsError);
    public int WarningCount => Diagnostics.Count(d => d.Severity == Reports.Diagnostics.DiagnosticSeverity.Warning);
}
