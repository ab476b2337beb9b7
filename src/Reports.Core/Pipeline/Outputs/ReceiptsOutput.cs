using Reports.Diagnostics;
using Reports.Intake;
using Reports.Outputs.Receipts;

namespace Reports.Pipeline.Outputs;

/// <summary>receipts/回执-….xlsx: one per file received in this run (as Reports:Receipts says), drawn from its intake result.</summary>
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
            // This run's files, with the status the decision gave them (a file received now may be superseded).
            var decided = result.Files.Where(f => f.Sha256.Length > 0).GroupBy(f => f.Sha256, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var files = result.Received
                .Select(f => f.Status == IntakeStatus.Duplicate || f.Sha256.Length == 0 ? f : decided.GetValueOrDefault(f.Sha256) is { } d ? d with { File = f.File } : f)
                .Where(f => run.Options.Receipts switch
                {
                    ReceiptScope.None => false,
                    ReceiptScope.Findings => f.Diagnostics.Any(d => d.Severity != DiagnosticSeverity.Info),
                    _ => true,
                });
            written.AddRange(ReceiptFolder.Write(files, result.Definition, Path.Combine(folder, "receipts"), run.Clock, writing: writing));
        }
        return new RenderedOutput(written);
    };
}
