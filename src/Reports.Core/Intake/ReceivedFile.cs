using Reports.Diagnostics;

namespace Reports.Intake;

/// <summary>
/// One file as the office received it, read once: its path, the unit whose inbox subfolder it came from (null for the
/// inbox itself), its bytes (capped; null when it could not or must not be read) and the file's time. A file that is no
/// regular file, is too large or cannot be opened carries the <see cref="Problem"/> instead of bytes. Everything
/// downstream — parsing, hashing, the store, receipts — works from these bytes; nothing opens the file again.
/// </summary>
public sealed record ReceivedFile(string Path, string? Sender, byte[]? Bytes, DateTimeOffset FileTime, Diagnostic? Problem = null)
{
    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>Uploaded through the reception desk with the sender's code (<see cref="InboxEntry.ByDesk"/>).</summary>
    public bool ByDesk { get; init; }
}
