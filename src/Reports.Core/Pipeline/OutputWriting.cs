namespace Reports.Pipeline;

/// <summary>
/// How a verb's outputs are written (see <see cref="OutputFile.Use"/>): <see cref="Interrupted"/> is cancelled on
/// Ctrl-C, and each file being written is then deleted before the process ends; <see cref="PauseMidWrite"/> stops
/// after the first half of each file, only for interruption tests (the CLI's REPORTS_OUTPUT_WRITE_DELAY_MS).
/// </summary>
public sealed record OutputWriting(CancellationToken Interrupted, TimeSpan PauseMidWrite = default)
{
    public static OutputWriting Default { get; } = new(CancellationToken.None);
}
