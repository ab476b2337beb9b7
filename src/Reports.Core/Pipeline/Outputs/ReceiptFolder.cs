using Reports.Definitions;
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
    /// A run's receipts, each under the name the ledger gave it; one an earlier run issued and that lies in the folder
    /// already is left as it was issued (its path is still listed).
    /// </summary>
    /// <param name="roster">The roster the receipts name each unit from; <paramref name="period"/> the period checked.</param>
    public static IReadOnlyList<string> Write(IReadOnlyList<ReceiptToIssue> receipts, ReturnDefinition definition, string folder, TimeProvider clock, OutputWriting? writing = null,
        Roster? roster = null, ReportingPeriod? period = null)
    {
        OutputFile.CreateFolder(folder);
        var writer = new ReceiptWriter(clock, ReceiptPurpose.Reception, roster, period);
        var written = new string[receipts.Count];
        // Receipts are independent workbooks drawn from the result alone: written on every core.
        Parallel.For(0, receipts.Count, index =>
        {
            var receipt = receipts[index];
            var path = Path.Combine(folder, receipt.Name);
            written[index] = receipt.IssuedBefore && File.Exists(path) ? path : OutputFile.Write(path, writer.Write(receipt.File, receipt.Version, definition), writing);
        });
        return written;
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
