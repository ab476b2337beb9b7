namespace Reports.Outputs.Spreadsheet;

/// <summary>
/// A rule that gives the cells of a range (written as "H4:H15") another fill and font colour where a formula, relative
/// to the range's first cell, is true; rules of lower <paramref name="Priority"/> win.
/// </summary>
public sealed record ConditionalFormat(string Range, int Priority, string Formula, string Fill, string FontColor);
