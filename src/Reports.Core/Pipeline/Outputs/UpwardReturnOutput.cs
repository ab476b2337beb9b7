using Reports.Outputs;
using Reports.Runs;

namespace Reports.Pipeline.Outputs;

/// <summary>--as-submission: the first return's merged result written as the city's own return of the same template.</summary>
public sealed class UpwardReturnOutput : IRunOutput
{
    public RunStage Stage => RunStage.WritingFiles;

    public string Timing => StageTiming.Json;

    public PreparedOutput Prepare(RunResult run) => (folder, writing) =>
    {
        if (run.Options.AsSubmission is not { } submission)
        {
            return new RenderedOutput([]);
        }
        var bytes = new UpwardReturnWriter(run.Clock).Write(run.Returns[0].Merge, submission.FilledBy, submission.Phone);
        return new RenderedOutput([OutputFile.Write(Path.GetFullPath(submission.Path), bytes, writing)]);
    };
}
