namespace Reports.Intake;

/// <summary>
/// One filled row of a detail table (台账) as read: its row number on the sheet, numbers by column code and texts
/// by column code (choices and 是/否 as written, dates as yyyy-MM-dd). Blank cells are absent.
/// <see cref="ColumnNumbers"/>: the sheet column of each column code (one map shared by a table's rows), so a
/// finding can name its cell.
/// </summary>
public sealed record DetailRow(int Row, IReadOnlyDictionary<string, decimal> Numbers, IReadOnlyDictionary<string, string> Texts, IReadOnlyDictionary<string, int> ColumnNumbers)
{
    public string CellOf(string column) => Xlsx.XlsxCellRef.Format(Row, ColumnNumbers[column]);

    public string? Text(string column) => Texts.GetValueOrDefault(column);

    /// <summary>Columns whose cell held something that could not be read (already reported): not blank, no value.</summary>
    public IReadOnlySet<string> Unreadable { get; init; } = new HashSet<string>();

    public bool IsBlank(string column) => !Numbers.ContainsKey(column) && !Texts.ContainsKey(column) && !Unreadable.Contains(column);
}
