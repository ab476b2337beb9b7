using System.Globalization;

namespace Reports.Templates;

/// <summary>A cell's A1 name from its 1-based row and column: (3, 4) is "D3".</summary>
internal static class CellName
{
    public static string Of(int row, int column) => Column(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>An absolute reference on a sheet, as a defined name holds it: '填报'!$D$3.</summary>
    public static string Absolute(string sheet, int row, int column, int? lastRow = null, int? lastColumn = null)
    {
        var first = $"${Column(column)}${row.ToString(CultureInfo.InvariantCulture)}";
        var last = lastRow is null ? "" : $":${Column(lastColumn ?? column)}${lastRow.Value.ToString(CultureInfo.InvariantCulture)}";
        return $"'{sheet.Replace("'", "''", StringComparison.Ordinal)}'!{first}{last}";
    }

    public static string Column(int column)
    {
        var name = "";
        for (var n = column; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }
        return name;
    }
}
