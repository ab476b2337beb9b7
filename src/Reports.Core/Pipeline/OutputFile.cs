namespace Reports.Pipeline;

/// <summary>
/// Writes an output through a temporary file moved into place, so an interrupted run never leaves a
/// half-written file where the last good one was.
/// </summary>
public static class OutputFile
{
    /// <summary>The suffix of a file being written; one left behind marks an interrupted run and is swept by the next.</summary>
    public const string TemporarySuffix = ".tmp";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> InFlight = new(StringComparer.Ordinal);

    /// <summary>A pause after the first half of each file is written; only interruption tests set it (from the CLI's
    /// REPORTS_OUTPUT_WRITE_DELAY_MS) to stop a run while a file is half written.</summary>
    public static TimeSpan PauseMidWrite { get; set; }

    /// <summary>The temporary files being written now: an interrupted process removes them on its way out.</summary>
    public static IReadOnlyCollection<string> Writing => [.. InFlight.Keys];

    public static string Write(string path, Action<Stream> write)
    {
        var temporary = path + TemporarySuffix;
        InFlight[temporary] = 0;
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.Delete))
            {
                if (PauseMidWrite > TimeSpan.Zero)
                {
                    using var buffer = new MemoryStream();
                    write(buffer);
                    stream.Write(buffer.GetBuffer(), 0, (int)buffer.Length / 2);
                    stream.Flush();
                    Thread.Sleep(PauseMidWrite);
                    stream.Write(buffer.GetBuffer(), (int)buffer.Length / 2, (int)buffer.Length - (int)buffer.Length / 2);
                }
                else
                {
                    write(stream);
                }
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            InFlight.TryRemove(temporary, out _);
        }
        return path;
    }

    public static string Write(string path, byte[] bytes) => Write(path, stream => stream.Write(bytes));
}
