using Reports.Outputs.Receipts;
using Reports.Runs;

namespace Reports.Pipeline.Outputs;

/// <summary>
/// receipts/回执-….xlsx: one per version received in this run (as Reports:Receipts says), drawn from the result's
/// receipts (the file as decided, the name the ledger gave it). A receipt an earlier run issued is a record: where it
/// lies already, it is not written again.
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
        foreach (var result in run.Returns)
        {
            written.AddRange(ReceiptFolder.Write(result.Receipts, result.Definition, Path.Combine(folder, "receipts"), run.Clock, writing,
                result.Merge.Roster, result.Merge.Period));
        }
        return new RenderedOutput(written);
    };
}
