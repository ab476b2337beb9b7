namespace Reports.Definitions;

/// <summary>
/// A detail table of a return (项目台账): one row per item, as many rows as the county has, on its own sheet.
/// The template names its header row <see cref="HeaderName"/> (a workbook-level defined name) and makes it an
/// Excel table <see cref="TableName"/>; intake finds the header by the name and reads every row below it.
/// </summary>
public sealed record DetailTableDefinition(
    string Code,
    string Title,
    IReadOnlyList<DetailColumnDefinition> Columns,
    IReadOnlyList<DetailCheck> Checks)
{
    public string HeaderName => Code + "_header";

    public string TableName => "tbl_" + Code;

    /// <summary>The sheet name in the template (Excel allows 31 characters).</summary>
    public string SheetName => Title.Length > 31 ? Title[..31] : Title;

    public DetailColumnDefinition? FindColumn(string code) => Columns.FirstOrDefault(c => c.Code == code);
}
