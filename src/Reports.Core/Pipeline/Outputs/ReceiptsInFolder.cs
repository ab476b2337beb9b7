using Reports.Results;

namespace Reports.Pipeline.Outputs;

/// <summary>
/// What a run's receipts came to in their folder: every receipt written, or left as it was issued, and the receipts an
/// earlier run issued that are no longer there — not written again (<see cref="ReceiptFolder.Write"/>).
/// </summary>
public sealed record ReceiptsInFolder(IReadOnlyList<string> Files, IReadOnlyList<ReceiptToIssue> Missing);
