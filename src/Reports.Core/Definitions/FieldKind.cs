namespace Reports.Definitions;

/// <summary>What a field holds, which decides its validation and how it is read.</summary>
public enum FieldKind
{
    /// <summary>A whole number ≥ 0 (人, 户, 个, 次 …).</summary>
    Count,
    /// <summary>An amount in 万元, ≥ 0, up to two decimals.</summary>
    Amount,
    /// <summary>A rate stored as a fraction (0.125 = 12.5%), ≥ 0; the template formats it as a percentage.</summary>
    Rate,
    /// <summary>Free text (names, phone numbers, remarks).</summary>
    Text,
}
