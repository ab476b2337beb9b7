namespace Reports.Rosters;

/// <summary>A county-level unit (县/市/区) that must report: its GB/T 2260 code and name.</summary>
public sealed record RosterUnit(string Code, string Name);
