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
    /// <summary>Byte for byte the same as a file already taken in; counted once.</summary>
    Duplicate,
    /// <summary>Not a return (neither a workbook by its bytes nor by its extension); listed so nothing in the inbox goes unmentioned.</summary>
    Ignored,
    /// <summary>Withdrawn by the office (<c>reports withdraw</c>), e.g. sent in another unit's name; kept, never counted.</summary>
    Withdrawn,
    /// <summary>Received after the office approved the period (<c>reports approve</c>): kept, counted only once the unit is reopened.</summary>
    Pending,
}
