using Reports.Analysis;
using Reports.Intake;
using Reports.Merge;

namespace Reports.Outputs.Briefing;

/// <summary>One return's share of a briefing: its merge, intake, data-quality signals and rendered narrative.</summary>
public sealed record BriefingPart(
    MergeResult Merge,
    IReadOnlyList<IntakeFileResult> Intake,
    IReadOnlyList<DataQualitySignal> Signals,
    IReadOnlyList<BriefingElement> Narrative);
