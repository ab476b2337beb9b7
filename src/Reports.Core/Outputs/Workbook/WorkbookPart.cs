using Reports.Analysis;
using Reports.Intake;
using Reports.Merge;

namespace Reports.Outputs.Workbook;

/// <summary>One return's share of the consolidated workbook: its merge, its intake, who sent what when, and the
/// analysis's data-quality signals.</summary>
public sealed record WorkbookPart(MergeResult Merge, IReadOnlyList<IntakeFileResult> Intake, SubmissionOverview Submissions, IReadOnlyList<QualitySignal>? Signals = null);
