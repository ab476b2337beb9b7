namespace Reports.Definitions;

/// <summary>How a briefing prints an indicator (see the number style in the spec).</summary>
public enum IndicatorStyle
{
    /// <summary>A ratio against last year, two decimals: 105.28%.</summary>
    Yoy,
    /// <summary>A completion or coverage rate, one decimal: 121.9%; exactly 100% prints as 100%.</summary>
    Completion,
    /// <summary>An amount in 万元 (a sum or a per-household average).</summary>
    Amount,
}
