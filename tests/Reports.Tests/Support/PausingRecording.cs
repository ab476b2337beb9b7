using Reports.Intake;

namespace Reports.Tests.Support;

/// <summary>Told as a run records each file in the store (<see cref="Reports.Pipeline.RunPipeline.Recorded"/>): holds the open transaction a while.</summary>
public sealed class PausingRecording(TimeSpan pause) : IProgress<IntakeFileResult>
{
    public void Report(IntakeFileResult value) => Thread.Sleep(pause);
}
