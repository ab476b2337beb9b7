using Reports.Rosters;

namespace Reports.Intake;

/// <summary>One entry of an inbox: a file, and the unit whose subfolder it lies in (null at the inbox's top level).</summary>
public sealed record InboxEntry(string Path, string? Sender);

/// <summary>
/// Lists and reads an inbox without trusting the file system: only regular files are read (a symbolic link, FIFO,
/// device or socket is reported, never followed or opened), reading never blocks, and at most the byte cap is read
/// whatever the file claims its length is. An inbox may hold one subfolder per roster unit code: a file's subfolder
/// names its sender.
/// </summary>
public static class InboxReader
{
    /// <summary>The inbox's entries in the fixed order intake reads them (ordinal by relative path); Excel's ~$ lock files left out.</summary>
    public static IReadOnlyList<InboxEntry> List(string inbox, Roster? roster) =>
        Directory.EnumerateFiles(inbox, "*", SearchOption.TopDirectoryOnly)
            .Where(f => !System.IO.Path.GetFileName(f).StartsWith("~$", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => new InboxEntry(f, null))
            .ToList();

    /// <summary>Reads one entry once: its bytes (at most <paramref name="maxBytes"/>), or the problem that stopped it.</summary>
    public static ReceivedFile Read(InboxEntry entry, long maxBytes)
    {
        try
        {
            var info = new FileInfo(entry.Path);
            var fileTime = new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero);
            if (info.Length > maxBytes)
            {
                var message = $"文件大小为 {info.Length / 1024 / 1024} MB，超过了 {maxBytes / 1024 / 1024} MB 的上限，未读取";
                return new ReceivedFile(entry.Path, entry.Sender, null, fileTime, Diagnostics.DiagnosticCatalog.TooLarge.At(message, entry.Path));
            }
            using var file = new FileStream(entry.Path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
            var bytes = new byte[file.Length];
            file.ReadExactly(bytes);
            return new ReceivedFile(entry.Path, entry.Sender, bytes, fileTime);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            return new ReceivedFile(entry.Path, entry.Sender, null, default,
                Diagnostics.DiagnosticCatalog.FileLocked.At($"文件无法打开（{problem.GetType().Name}），可能正被其他程序占用", entry.Path));
        }
    }
}
