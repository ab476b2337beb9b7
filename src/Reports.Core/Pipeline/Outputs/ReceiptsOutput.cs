using Reports.Results;
using Reports.Runs;

namespace Reports.Pipeline.Outputs;

/// <summary>
/// receipts/回执-….xlsx: one per version received in this run (as Reports:Receipts says), drawn from the result's
/// receipts (the file as decided, the name the ledger gave it). A receipt an earlier run issued is a record: where it
/// lies already, it is not written again; where it is missing, it is not rendered again from this run's decision, and
/// run.log says so (RPT059).
/// </summary>
public sealed class ReceiptsOutput : IRunOutput
{
    public RunStage Stage => RunStage.WritingFiles;

    public string Timing => StageTiming.Receipts;

    /// <summary>Thousands of small files from the intake results alone: may be written while the workbook, JSON and briefing are.</summary>
    public bool WrittenBeside => true;

    public PreparedOutput Prepare(RunResult run) => (folder, writing) =>
    {
        var written = new List<string>();
        var missing = new List<ReceiptToIssue>();
        var receipts = Path.Combine(folder, "receipts");
        foreach (var result in run.Returns)
        {
            var inFolder = ReceiptFolder.Write(result.Receipts, result.Definition, receipts, run.Clock, writing, result.Merge.Roster, result.Merge.Period);
            written.AddRange(inFolder.Files);
            missing.AddRange(inFolder.Missing);
        }
        return new RenderedOutput(written, ReceiptFolder.MissingNotice(missing, receipts) is { } notice ? [notice] : null);
    };
}
