namespace Reports.Runs;

/// <summary>
/// How a verb's outputs are written, handed to each writer (<see cref="OutputFile"/>): <see cref="Interrupted"/> is
/// cancelled on Ctrl-C, and each file being written is then deleted before the process ends; <see cref="Open"/> opens
/// the temporary file an output is written into (the program's is a plain file; a crash test's stops midway).
/// </summary>
public sealed record OutputWriting(CancellationToken Interrupted)
{
    public static OutputWriting Default { get; } = new(CancellationToken.None);

    public Func<string, Stream> Open { get; init; } = OpenFile;

    /// <summary>The temporary file, open for deletion too, so Ctrl-C can remove it while it is being written.</summary>
    public static Stream OpenFile(string path) => new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Delete);
}
