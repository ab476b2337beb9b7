namespace Reports.Pipeline;

/// <summary>
/// Writes an output through a temporary file moved into place, so an interrupted run never leaves a
/// half-written file where the last good one was.
/// </summary>
public static class OutputFile
{
    public static string Write(string path, Action<Stream> write)
    {
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            write(stream);
        }
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    public static string Write(string path, byte[] bytes) => Write(path, stream => stream.Write(bytes));
}
