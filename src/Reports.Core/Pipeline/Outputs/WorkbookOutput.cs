using Reports.Outputs.Workbook;
using Reports.Runs;

namespace Reports.Pipeline.Outputs;

/// <summary>汇总表-….xlsx: the consolidated workbook of every return.</summary>
public sealed class WorkbookOutput : IRunOutput
{
    public RunStage Stage => RunStage.WritingExcel;

    public string Timing => StageTiming.Workbook;

    public PreparedOutput Prepare(RunResult run) => (folder, writing) =>
        new([OutputFile.Write(Path.Combine(folder, $"汇总表-{run.Stem}.xlsx"), stream => new ConsolidatedWorkbookWriter(run.Clock).Write(run.Returns, stream), writing)]);
}
