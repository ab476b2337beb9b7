namespace Reports.Outputs.Spreadsheet;

/// <summary>A text cell's shared string (-1: no text, a blank styled cell) and look, to write again in other rows.</summary>
public readonly record struct SharedText(int Index, int Style);
