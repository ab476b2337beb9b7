namespace Reports.Intake;

/// <summary>
/// Where a field was read and what the cell held as typed: the number or text as stored, a formula's text
/// ("=SUM(C5:C7)") when it had no value, or null for a blank cell. Receipts quote it; provenance names it.
/// </summary>
public sealed record FieldReading(string Sheet, string Cell, string? Typed);
