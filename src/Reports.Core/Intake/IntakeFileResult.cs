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
    public int ErrorCount => Diagnostics.Count(d => d.IsError);
    public int WarningCount => Diagnostics.Count(d => d.Severity == Reports.Diagnostics.DiagnosticSeverity.Warning);
}
