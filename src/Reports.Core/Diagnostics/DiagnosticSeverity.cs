namespace Reports.Diagnostics;

public enum DiagnosticSeverity
{
    /// <summary>Recorded for the file's history; the return is accepted.</summary>
    Info,
    /// <summary>The value was understood, but the clerk should look at it; the return is accepted.</summary>
    Warning,
    /// <summary>The return cannot be merged as it is; it is sent back with this reason.</summary>
    Error,
}
