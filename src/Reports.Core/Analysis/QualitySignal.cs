using Reports.Rosters;

namespace Reports.Analysis;

/// <summary>
/// A data-quality signal (a warning, never a rejection and never a change to a figure): a value that looks made
/// up or mistyped, with the reason in Chinese. Codes are stable, like diagnostic codes.
/// </summary>
public sealed record QualitySignal(string Code, RosterUnit Unit, string Field, decimal Value, string Message);
