namespace Reports.Definitions;

/// <summary>How a detail table must agree with a field of the fixed part.</summary>
public enum DetailCheckKind
{
    /// <summary>Σ of a column = the field, within the tolerance (Σ fund_matched = fund_matched ± 0.01万元).</summary>
    Sum,
    /// <summary>The number of filled rows = the field (rows = proj_planned).</summary>
    RowCount,
    /// <summary>The number of rows meeting a condition = the field (started = 是 rows = proj_started).</summary>
    CountWhere,
}

/// <summary>
/// A check between a detail table and the fixed part, declared in the return definition. <see cref="Diagnostic"/>:
/// the catalogue code a disagreement gets when not its kind's own (so that two checks of one kind are told apart).
/// </summary>
public sealed record DetailCheck(DetailCheckKind Kind, string Field, string? Column, DetailCondition? Where, decimal Tolerance, string? Diagnostic = null);
