using System.Globalization;

namespace Reports.Tests.Support;

/// <summary>
/// Figures computed here from value sheets and ledgers (text as the office keeps it), independently of the pipeline:
/// the one place tests parse a figure and add a column up.
/// </summary>
public static class Figures
{
    public static decimal Number(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>Σ of the fields over the rows (a unit's values or a ledger's projects); several fields are added together.</summary>
    public static decimal Sum(IEnumerable<IReadOnlyDictionary<string, string>> rows, params string[] fields) =>
        rows.Sum(row => fields.Sum(field => Number(row[field])));
}
