namespace Reports.Outputs.Spreadsheet;

/// <summary>One cell: a string (always stored as text, never a formula), a number, or nothing, and its look.</summary>
public readonly record struct SheetCell(string? Text, decimal? Number, CellStyle Style);
