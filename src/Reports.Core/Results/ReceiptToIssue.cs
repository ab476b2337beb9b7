using Reports.Versions;

namespace Reports.Results;

/// <summary>
/// A receipt (回执) a run issues for a file it received: the file's name as received, its version as decided
/// (accepted, superseded, pending …: the decision on that very version, whatever came later), the receipt's name (it
/// carries the version's hash: one receipt per version, never overwritten) and whether an earlier run already issued
/// it (then it is a record, and is not written again where it lies).
/// </summary>
public sealed record ReceiptToIssue(string File, DecidedVersion Version, string Name, bool IssuedBefore);
