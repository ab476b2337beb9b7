namespace Reports.Rosters;

/// <summary>The office's roster file is unusable: a configuration error, the run cannot start.</summary>
public sealed class RosterException(string message) : Exception(message);
