using Reports.Definitions;

namespace Reports.Templates;

/// <summary>
/// Where the template's 填报 sheet puts things: the title (row 1), the period (row 2), the identification rows (3–4),
/// the header (row 5), then per section a heading row and a row per field, and the submission stamp last. Receipts
/// rebuild a county's return in this layout, so a field's cell there is the cell of that name in the template
/// (a test holds <see cref="TemplateGenerator"/> to it).
/// </summary>
public static class TemplateLayout
{
    public const int ColumnIndex = 1, ColumnLabel = 2, ColumnUnit = 3, ColumnValue = 4, ColumnCode = 5, ColumnNote = 6;
    public const int HeaderRow = 5;

    public static IReadOnlyList<TemplateRow> Rows(ReturnDefinition definition)
    {
        var rows = new List<TemplateRow>();
        var row = HeaderRow + 1;
        var number = 1;
        foreach (var section in definition.Sections)
        {
            rows.Add(new TemplateRow(row++, section, null, 0));
            number = 1;
            foreach (var field in section.Fields)
            {
                rows.Add(new TemplateRow(row++, section, field, number++));
            }
        }
        // The stamp is an input row too: numbered on from the last section's fields (填报信息).
        rows.Add(new TemplateRow(row, null, null, number));
        return rows;
    }

    /// <summary>The (row, column) of every name of the template contract: each field, the meta names and the stamp.</summary>
    public static IReadOnlyDictionary<string, (int Row, int Column)> Cells(ReturnDefinition definition)
    {
        var cells = new Dictionary<string, (int Row, int Column)>(StringComparer.Ordinal)
        {
            [MetaNames.Unit] = (3, ColumnValue),
            [MetaNames.Period] = (3, ColumnNote),
            [MetaNames.Return] = (4, ColumnLabel),
            [MetaNames.Version] = (4, ColumnValue),
        };
        foreach (var row in Rows(definition))
        {
            if (row.Field is { } field)
            {
                cells[field.Code] = (row.Row, ColumnValue);
            }
            else if (row.IsStamp)
            {
                cells[MetaNames.Submitted] = (row.Row, ColumnValue);
            }
        }
        return cells;
    }
}
