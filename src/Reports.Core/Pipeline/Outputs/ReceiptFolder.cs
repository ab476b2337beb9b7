using Reports.Definitions;
using Reports.Diagnostics;
using Reports.Intake;
using Reports.Ledger;
using Reports.Outputs.Receipts;
using Reports.Periods;
using Reports.Results;
using Reports.Rosters;
using Reports.Runs;
using Reports.Versions;

namespace Reports.Pipeline.Outputs;

/// <summary>
/// Writes receipts into one folder: a run's (named by the ledger, one per version), or a county's self-checks — the
/// pipeline's part of the receipts (files, names in the folder); the receipts themselves know no pipeline.
/// </summary>
public static class ReceiptFolder
{
    /// <summary>
    /// A run's receipts, each under the name the ledger gave it. One an earlier run issued is a record of what the county
    /// was told then: where it lies in the folder it is left as it was issued (its path is still listed); where it is
    /// missing it is not written again from this run's decision, which may tell something else (the version may have been
    /// superseded, withdrawn or approved since), but returned as missing, for run.log to say so.
    /// </summary>
    /// <param name="roster">The roster the receipts name each unit from; <paramref name="period"/> the period checked.</param>
    public static ReceiptsInFolder Write(IReadOnlyList<ReceiptToIssue> receipts, ReturnDefinition definition, string folder, TimeProvider clock, OutputWriting? writing = null,
        Roster? roster = null, ReportingPeriod? period = null)
    {
        OutputFile.CreateFolder(folder);
        var writer = new ReceiptWriter(clock, ReceiptPurpose.Reception, roster, period);
        var written = new string?[receipts.Count];
        // Receipts are independent workbooks drawn from the result alone: written on every core.
        Parallel.For(0, receipts.Count, index =>
        {
            var receipt = receipts[index];
            var path = Path.Combine(folder, receipt.Name);
            written[index] = !receipt.IssuedBefore ? OutputFile.Write(path, writer.Write(receipt.File, receipt.Version, definition), writing)
                : File.Exists(path) ? path
                : null;
        });
        return new ReceiptsInFolder([.. written.OfType<string>()], [.. receipts.Where((_, i) => written[i] is null)]);
    }

    /// <summary>
    /// The office's notice of issued receipts no longer in <paramref name="folder"/> (RPT059): how many, and the first
    /// names; null when none is missing.
    /// </summary>
    public static Diagnostic? MissingNotice(IReadOnlyList<ReceiptToIssue> missing, string folder)
    {
        if (missing.Count == 0)
        {
            return null;
        }
        const int Named = 5;
        var names = string.Join("、", missing.Take(Named).Select(r => r.Name)) + (missing.Count > Named ? " 等" : "");
        return DiagnosticCatalog.ReceiptMissing.At(
            $"{missing.Count} 份此前已发出的回执不在 {folder} 中，未按本次结果重新生成：{names}", folder);
    }

    /// <summary>Self-checks (<c>validate --receipts</c>): one per file looked at (ignored non-workbooks excepted), named for the file.</summary>
    public static IReadOnlyList<string> WriteSelfChecks(IEnumerable<DecidedVersion> intake, ReturnDefinition definition, string folder, TimeProvider clock, OutputWriting? writing = null,
        Roster? roster = null, ReportingPeriod? period = null)
    {
        OutputFile.CreateFolder(folder);
        var writer = new ReceiptWriter(clock, ReceiptPurpose.SelfCheck, roster, period);
        var files = intake.Where(f => f.Status != IntakeStatus.Ignored).ToList();
        // One name per file, unique however the file system compares names: no two parallel writes share a path.
        var names = ReceiptNames.Assign([.. files.Select(f => (f.File, f.Sha256))], selfCheck: true);
        var written = new string[files.Count];
        Parallel.For(0, files.Count, index =>
        {
            written[index] = OutputFile.Write(Path.Combine(folder, names[index]), writer.Write(files[index].File, files[index], definition), writing);
        });
        return written;
    }
}
