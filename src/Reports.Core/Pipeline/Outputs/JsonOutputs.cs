using Reports.Outputs;
using Reports.Runs;

namespace Reports.Pipeline.Outputs;

/// <summary>summary.json (summary-CODE.json with several returns): the merged result and its analysis.</summary>
public sealed class SummaryJsonOutput : IRunOutput
{
    public RunStage Stage => RunStage.WritingFiles;

    public string Timing => StageTiming.Json;

    public PreparedOutput Prepare(RunResult run) => (folder, writing) =>
        new([.. run.Returns.Select(r => OutputFile.Write(Path.Combine(folder, $"summary{run.SuffixOf(r)}.json"), s => SummaryJsonWriter.Write(r, s), writing))]);
}

/// <summary>intake.json (intake-CODE.json): every file and version seen, with its status and diagnostics.</summary>
public sealed class IntakeJsonOutput : IRunOutput
{
    public RunStage Stage => RunStage.WritingFiles;

    public string Timing => StageTiming.Json;

    public PreparedOutput Prepare(RunResult run) => (folder, writing) =>
        new([.. run.Returns.Select(r => OutputFile.Write(Path.Combine(folder, $"intake{run.SuffixOf(r)}.json"), s => IntakeJsonWriter.Write(r.Files, s), writing))]);
}
