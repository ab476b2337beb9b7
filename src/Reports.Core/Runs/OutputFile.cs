namespace Reports.Runs;

/// <summary>
/// Writes an output through a temporary file moved into place, so an interrupted or failed run never leaves a
/// half-written file where the last good one was, nor the temporary file itself. A full disk, a missing permission
/// or a folder in the way ends in an <see cref="OutputException"/> naming the output.
/// </summary>
public static class OutputFile
{
    /// <summary>The suffix of a file being written; one left behind marks a killed run and is swept by the next.</summary>
    public const string TemporarySuffix = ".tmp";

    /// <summary>Writes the file through <paramref name="writing"/> (the verb's: Ctrl-C deletes the file being written); the default is never interrupted.</summary>
    public static string Write(string path, Action<Stream> write, OutputWriting? writing = null)
    {
        writing ??= OutputWriting.Default;
        var interrupted = writing.Interrupted;
        interrupted.ThrowIfCancellationRequested();
        var temporary = path + TemporarySuffix;
        try
        {
            // Ctrl-C ends the process without unwinding this thread: the token's callback removes the file first.
            using (interrupted.Register(() => TryDelete(temporary)))
            {
                using (var stream = writing.Open(temporary))
                {
                    write(stream);
                }
                interrupted.ThrowIfCancellationRequested();
                File.Move(temporary, path, overwrite: true);
            }
        }
        catch (Exception problem)
        {
            // Whatever went wrong (a full disk, a folder in the way, a writer's bug), nothing half-written stays behind.
            TryDelete(temporary);
            if (problem is not OperationCanceledException && interrupted.IsCancellationRequested)
            {
                throw new OperationCanceledException(interrupted);
            }
            if (problem is IOException or UnauthorizedAccessException)
            {
                throw OutputException.Writing(path, problem);
            }
            throw;
        }
        return path;
    }

    public static string Write(string path, byte[] bytes, OutputWriting? writing = null) => Write(path, stream => stream.Write(bytes), writing);

    /// <summary>Creates an output folder (and its parents); a failure is an <see cref="OutputException"/> naming it.</summary>
    public static string CreateFolder(string path)
    {
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            throw OutputException.Folder(path, problem);
        }
        return path;
    }

    private static void TryDelete(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            // Still held (Windows) or not a file: the next run's sweep removes what is left.
        }
    }
}
