namespace Reports.Intake;

/// <summary>What became of one file in the inbox.</summary>
public enum IntakeStatus
{
    /// <summary>Read and checked without errors; merged.</summary>
    Accepted,
    /// <summary>Read, but with errors; sent back to the county with its diagnostics.</summary>
    Rejected,
    /// <summary>A later file from the same unit took its place; kept, not merged.</summary>
    Superseded,
    /// <summary>Not a return (not .xlsx); listed so nothing in the inbox goes unmentioned.</summary>
    Ignored,
}
