using Reports.Intake;

namespace Reports.Results;

/// <summary>
/// A receipt (回执) a run issues for a file it received: the file as decided (accepted, superseded, pending …), the
/// receipt's name (it carries the version's hash: one receipt per version, never overwritten) and whether an earlier
/// run already issued it (then it is a record, and is not written again where it lies).
/// </summary>
public sealed record ReceiptToIssue(IntakeFileResult File, string Name, bool IssuedBefore);
