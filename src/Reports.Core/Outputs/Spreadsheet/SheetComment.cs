namespace Reports.Outputs.Spreadsheet;

/// <summary>A note (comment) on one cell, shown beside it in a box <paramref name="Lines"/> lines high.</summary>
public sealed record SheetComment(int Row, int Column, string Author, string Text, int Lines);
