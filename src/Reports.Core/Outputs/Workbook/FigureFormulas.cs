using Reports.Definitions;
using Reports.Outputs.Spreadsheet;

namespace Reports.Outputs.Workbook;

/// <summary>
/// The Excel formulas behind a table of figures, written so a reader can audit them: SUM for the total of a field,
/// the ratio of the totals for a rate (never an average of the units' rates), and "—" where a rate is undefined.
/// Fields a unit may leave blank (not required) are guarded, as the merge does: a unit missing one of an
/// indicator's fields takes no part in that indicator's sums.
/// </summary>
internal sealed class FigureFormulas(ReturnDefinition definition, IReadOnlyDictionary<string, int> fieldColumns, int firstRow, int lastRow)
{
    private const string Undefined = "\"" + WorkbookStyle.Undefined + "\"";

    /// <summary>The total of a field over the unit rows.</summary>
    public string FieldTotal(string fieldCode) => $"SUM({Range(fieldCode)})";

    /// <summary>An indicator of one unit row, from that row's field cells.</summary>
    public string UnitIndicator(IndicatorDefinition indicator, int row)
    {
        var core = Combine(indicator, code => Cell(code, row));
        var optional = Optional(indicator);
        return optional.Count == 0
            ? core
            : $"IF(COUNT({string.Join(",", optional.Select(code => Cell(code, row)))})<{optional.Count},{Undefined},{core})";
    }

    /// <summary>
    /// An indicator of the whole table as a ratio of sums. Without optional fields it divides the total row's own
    /// sums, which is easiest to read; with them it sums only the rows that have every optional field (SUMIFS).
    /// </summary>
    public string TotalIndicator(IndicatorDefinition indicator, int totalRow)
    {
        var optional = Optional(indicator);
        if (optional.Count == 0)
        {
            var core = Combine(indicator, code => Cell(code, totalRow));
            // With no unit in the table a sum indicator is undefined, as in the merge (a rate is, through its zero denominator).
            return indicator.IsRate ? core : $"IF(COUNT({Range(indicator.Numerator[0])})=0,{Undefined},{core})";
        }
        if (firstRow == lastRow)
        {
            // One unit: its own figures are the sums. (EPPlus's SUMIFS, which the tests calculate with, gives #VALUE! on a one-cell range.)
            return UnitIndicator(indicator, firstRow);
        }
        var criteria = string.Join(",", optional.Select(code => $"{Range(code)},\"<>\""));
        var guarded = Combine(indicator, code => $"SUMIFS({Range(code)},{criteria})");
        return indicator.IsRate ? guarded : $"IF(COUNTIFS({criteria})=0,{Undefined},{guarded})";
    }

    private static string Combine(IndicatorDefinition indicator, Func<string, string> term)
    {
        var numerator = Sum(indicator.Numerator, term);
        if (!indicator.IsRate)
        {
            return numerator;
        }
        var denominator = Sum(indicator.Denominator, term);
        return $"IF({denominator}=0,{Undefined},{Parenthesised(numerator)}/{Parenthesised(denominator)})";
    }

    private static string Sum(IReadOnlyList<string> codes, Func<string, string> term) => string.Join("+", codes.Select(term));

    private static string Parenthesised(string sum) => sum.Contains('+', StringComparison.Ordinal) ? $"({sum})" : sum;

    // Asked for every unit row: worked out once per indicator.
    private readonly Dictionary<string, List<string>> _optional = new(StringComparer.Ordinal);

    private List<string> Optional(IndicatorDefinition indicator)
    {
        if (!_optional.TryGetValue(indicator.Code, out var optional))
        {
            _optional[indicator.Code] = optional = indicator.Numerator.Concat(indicator.Denominator).Distinct(StringComparer.Ordinal)
                .Where(code => definition.FindField(code) is { Required: false })
                .ToList();
        }
        return optional;
    }

    private string Cell(string code, int row) => Ooxml.Cell(row, fieldColumns[code]);

    private string Range(string code) => $"{Ooxml.Cell(firstRow, fieldColumns[code])}:{Ooxml.Cell(lastRow, fieldColumns[code])}";
}
