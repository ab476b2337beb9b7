namespace Reports.Results;

/// <summary>
/// Where one of a unit's figures came from: the field, the file and its SHA-256 (the version in the store), the sheet
/// and cell it was read from, and what the clerk typed there (null for a blank cell). The value itself is the merge's.
/// </summary>
public sealed record FieldSource(string Field, string File, string Sha256, string Sheet, string Cell, string? Typed);
