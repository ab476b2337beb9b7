namespace Reports.Merge;

/// <summary>The figures of a group of units (the city): summed fields and ratio-of-sums indicators.</summary>
public sealed record GroupTotal(
    IReadOnlyDictionary<string, decimal> Values,
    IReadOnlyDictionary<string, decimal?> Indicators);
