namespace Reports.Outputs.Spreadsheet;

/// <summary>
/// A chart on a streamed sheet: its chart part's XML (a c:chartSpace, written by the caller) and where it sits, from a
/// cell's corner plus an offset to another's (columns and rows 0-based, offsets in pixels at 96 dpi).
/// </summary>
public sealed record SheetChart(string Name, string Xml, (int Column, int Offset, int Row) From, (int Column, int Offset, int Row) To);
