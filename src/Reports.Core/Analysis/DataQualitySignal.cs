using Reports.Rosters;

namespace Reports.Analysis;

/// <summary>
/// Something a reader of the figures should know about one unit's data (a warning at intake, and later the
/// plausibility checks of issue 4): where it came from, a short Chinese summary, and how serious it is.
/// The briefing's appendix lists these; it does not care which check produced them.
/// </summary>
public sealed record DataQualitySignal(RosterUnit Unit, string Source, string Summary, bool IsError);
