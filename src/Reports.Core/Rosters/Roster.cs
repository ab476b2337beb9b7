namespace Reports.Rosters;

/// <summary>The units a city collects returns from, in the order its tables list them.</summary>
public sealed record Roster(string Code, string Name, IReadOnlyList<RosterUnit> Units)
{
    // Looked up once per file and per signal: a dictionary keeps a national roster (tens of thousands) linear.
    private readonly Dictionary<string, int> _positions = Units
        .Select((unit, index) => (unit.Code, index))
        .DistinctBy(p => p.Code)
        .ToDictionary(p => p.Code, p => p.index, StringComparer.Ordinal);

    public RosterUnit? Find(string code) => _positions.TryGetValue(code, out var index) ? Units[index] : null;

    /// <summary>The unit's place in roster order; units not in the roster sort last.</summary>
    public int PositionOf(string code) => _positions.TryGetValue(code, out var index) ? index : int.MaxValue;
}
