namespace Reports.Definitions;

/// <summary>What a declared check compares (each kind has its diagnostic code in the catalogue).</summary>
public enum ReturnCheckKind
{
    /// <summary>A unit's indicator within [<see cref="ReturnCheck.Min"/>, <see cref="ReturnCheck.Max"/>] (务工总人数占上年度 0.7–1.5; 户均投放 ≤ 5万元): RPT043.</summary>
    Range,
    /// <summary>A unit's indicator at least the level its definition requires for the period's year (雨露计划就业率 ≥ 90%): RPT044.</summary>
    Threshold,
    /// <summary>A field above 0 needs another above 0 (a loan amount needs households): RPT042.</summary>
    Needs,
    /// <summary>Each cumulative figure at least the unit's accepted figure of the previous period, from the store: RPT045.</summary>
    NotBelowPrevious,
}

/// <summary>
/// A check a return definition declares besides its field rules (required, ≤, sums: always must-fix), with its
/// <see cref="CheckClass"/>. <see cref="Reason"/>: why the figure is unusual, in the clerk's words (shown in the
/// message and the template's 情况说明 note).
/// </summary>
public sealed record ReturnCheck(
    ReturnCheckKind Kind,
    CheckClass Class,
    string? Indicator = null,
    decimal? Min = null,
    decimal? Max = null,
    string? Field = null,
    string? Needs = null,
    string? Reason = null);
