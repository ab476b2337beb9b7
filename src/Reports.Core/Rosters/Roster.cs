namespace Reports.Rosters;

/// <summary>The units a city collects returns from, in the order its tables list them.</summary>
public sealed record Roster(string Code, string Name, IReadOnlyList<RosterUnit> Units)
{
    public RosterUnit? Find(string code) => Units.FirstOrDefault(u => u.Code == code);
}
