using System.Text.Json;
using Reports.Intake;

namespace Reports.Store;

/// <summary>
/// A detail table's parsed rows (台账) as the store keeps them, so a later run merges them without parsing the
/// county's file again: {"columns":{code:column},"rows":[{"row":n,"numbers":{…},"texts":{…},"unreadable":[…]}]}.
/// </summary>
internal static class DetailRowsJson
{
    private sealed record Stored(Dictionary<string, int> Columns, List<StoredRow> Rows);

    private sealed record StoredRow(int Row, Dictionary<string, decimal> Numbers, Dictionary<string, string> Texts, List<string> Unreadable);

    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string Write(IReadOnlyList<DetailRow> rows)
    {
        var columns = rows.Count == 0 ? [] : new Dictionary<string, int>(rows[0].ColumnNumbers, StringComparer.Ordinal);
        var stored = rows.Select(r => new StoredRow(r.Row,
            new Dictionary<string, decimal>(r.Numbers, StringComparer.Ordinal),
            new Dictionary<string, string>(r.Texts, StringComparer.Ordinal),
            r.Unreadable.Order(StringComparer.Ordinal).ToList())).ToList();
        return JsonSerializer.Serialize(new Stored(columns, stored), Options);
    }

    public static IReadOnlyList<DetailRow> Read(string json)
    {
        var stored = JsonSerializer.Deserialize<Stored>(json, Options) ?? new Stored([], []);
        var columns = new Dictionary<string, int>(stored.Columns, StringComparer.Ordinal);
        return stored.Rows.Select(r => new DetailRow(r.Row,
            new Dictionary<string, decimal>(r.Numbers, StringComparer.Ordinal),
            new Dictionary<string, string>(r.Texts, StringComparer.Ordinal),
            columns)
        {
            Unreadable = r.Unreadable.ToHashSet(StringComparer.Ordinal),
        }).ToList();
    }
}
