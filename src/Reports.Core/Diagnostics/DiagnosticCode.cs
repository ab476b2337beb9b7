namespace Reports.Diagnostics;

/// <summary>An entry of the diagnostic catalogue: the stable code, its severity, and what the clerk should do.</summary>
public sealed record DiagnosticCode(string Code, DiagnosticSeverity Severity, string Title, string Advice)
{
    public Diagnostic At(string message, string? file = null, string? sheet = null, string? cell = null, string? field = null) =>
        new(Code, Severity, message, file, sheet, cell, field);

    /// <summary>A finding about a unit's figures rather than a spot in a file (a data-quality signal).</summary>
    public Diagnostic ForUnit(string unit, string message, string? field = null, string? file = null) =>
        new(Code, Severity, message, file, Field: field) { Unit = unit };
}
