using Microsoft.Win32.SafeHandles;
using Reports.Diagnostics;
using Reports.Rosters;

namespace Reports.Intake;

/// <summary>
/// Lists and reads an inbox without trusting the file system: only regular files are read (a symbolic link, FIFO,
/// device or socket is reported, never followed or opened), reading never blocks, and at most the byte cap is read
/// whatever the file claims its length is. An inbox may hold one subfolder per roster unit code: a file's subfolder
/// names its sender.
/// </summary>
public static class InboxReader
{
    private static readonly EnumerationOptions OneLevel = new()
    {
        RecurseSubdirectories = false,
        AttributesToSkip = 0,
        MatchType = MatchType.Simple,
        IgnoreInaccessible = false,
    };

    /// <summary>
    /// The inbox's entries in the fixed order intake reads them (ordinal by path relative to the inbox): every entry of
    /// the inbox that is not a folder (links, FIFOs and devices included, so that each is reported), and the entries
    /// of each subfolder named exactly as a roster unit's code, one level down, sent by that unit. Other folders are
    /// not looked into, nor is a link to a folder. Excel's ~$ lock files are listed (intake says why it did not read them).
    /// </summary>
    public static IReadOnlyList<InboxEntry> List(string inbox, Roster? roster)
    {
        var entries = new List<(string Relative, InboxEntry Entry)>();
        foreach (var (path, native) in NativeNames.Entries(inbox, OneLevel))
        {
            var name = Path.GetFileName(path);
            var entry = new InboxEntry(path, null) { NativePath = native };
            if (EntryStatus.Of(entry).Kind != FileKind.Directory)
            {
                entries.Add((name, entry));
            }
            else if (roster?.Find(name) is not null)
            {
                entries.AddRange(UnitFolder(path, name));
            }
        }
        return entries.OrderBy(e => e.Relative, StringComparer.Ordinal).Select(e => e.Entry).ToList();
    }

    private static IEnumerable<(string Relative, InboxEntry Entry)> UnitFolder(string folder, string unit)
    {
        IReadOnlyList<(string Path, byte[]? Native)> paths;
        try
        {
            paths = NativeNames.Entries(folder, OneLevel);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            // Listed as it is, so that reading it reports the folder that could not be read instead of losing it.
            return [(unit, new InboxEntry(folder, unit))];
        }
        return paths
            .Select(p => new InboxEntry(p.Path, unit) { NativePath = p.Native })
            .Where(e => EntryStatus.Of(e).Kind != FileKind.Directory)
            .Select(e => ($"{unit}/{Path.GetFileName(e.Path)}", e));
    }

    /// <summary>Excel's and WPS's owner file (~$name.xlsx) beside a workbook someone has open: listed, never read.</summary>
    public static bool IsLockFile(string path) => Path.GetFileName(path).StartsWith("~$", StringComparison.Ordinal);

    /// <summary>Reads one entry once: its bytes (at most <paramref name="maxBytes"/>), or the problem that stopped it.</summary>
    public static ReceivedFile Read(InboxEntry entry, long maxBytes)
    {
        var path = entry.Path;
        ReceivedFile Refused(Diagnostic problem, DateTimeOffset fileTime = default) => new(path, entry.Sender, null, fileTime, problem) { ByDesk = entry.ByDesk };

        // Decided on the entry itself before anything opens it: opening a FIFO or a device may block or never end.
        var status = EntryStatus.Of(entry);
        switch (status.Kind)
        {
            case FileKind.Regular:
                break;
            case FileKind.Missing:
                return Refused(DiagnosticCatalog.FileLocked.At("文件无法打开（已被移走或没有读取权限）", path));
            case FileKind.Directory:
                return Refused(DiagnosticCatalog.FileLocked.At("这是一个文件夹，其中的文件无法读取（没有读取权限）", path));
            default:
                return Refused(NotRegular(status.Kind, path), status.LastWriteUtc);
        }
        if (status.Size > maxBytes)
        {
            return Refused(TooLarge($"文件大小为 {Show(status.Size)}，超过了 {Show(maxBytes)} 的上限，未读取", path), status.LastWriteUtc);
        }
        try
        {
            using var handle = entry.NativePath is { } native
                ? NativeNames.OpenRead(native) ?? throw new IOException("open failed")
                : File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
            // What was opened must be what was checked: the entry may have been swapped for another (a link, a device)
            // in between. Where fstat is not available (Windows) the byte cap below still bounds the read.
            if (EntryStatus.Of(handle) is { } opened)
            {
                if (opened.Kind != FileKind.Regular)
                {
                    return Refused(NotRegular(opened.Kind, path), status.LastWriteUtc);
                }
                if (opened.Size != status.Size || opened.LastWriteUtc != status.LastWriteUtc || opened.ChangedUtc != status.ChangedUtc)
                {
                    return Refused(DiagnosticCatalog.FileLocked.At("文件在读取时被替换或改动，未读取；请在文件复制完成后重新运行", path), status.LastWriteUtc);
                }
            }
            return ReadCapped(handle, status.Size, maxBytes) is { } bytes
                ? new ReceivedFile(path, entry.Sender, bytes, status.LastWriteUtc) { ByDesk = entry.ByDesk }
                : Refused(TooLarge($"文件超过了 {Show(maxBytes)} 的上限，未读取", path), status.LastWriteUtc);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            return Refused(DiagnosticCatalog.FileLocked.At($"文件无法打开（{problem.GetType().Name}），可能正被其他程序占用", path));
        }
    }

    /// <summary>
    /// Reads from the start until the end of the file, but never more than <paramref name="maxBytes"/> + 1 bytes: the
    /// length the file claims only sizes the first buffer (never beyond the cap), it decides nothing. Null when the
    /// file holds more than the cap.
    /// </summary>
    private static byte[]? ReadCapped(SafeFileHandle handle, long claimed, long maxBytes)
    {
        var limit = (int)Math.Clamp(maxBytes, 0, Array.MaxLength);
        var buffer = new byte[(int)Math.Clamp(claimed, 0, limit)];
        var total = 0;
        Span<byte> probe = stackalloc byte[1];
        while (true)
        {
            if (total < buffer.Length)
            {
                var read = RandomAccess.Read(handle, buffer.AsSpan(total), total);
                if (read == 0)
                {
                    break; // shorter than it claimed
                }
                total += read;
                continue;
            }
            // The buffer is full: is there more than the file claimed?
            if (RandomAccess.Read(handle, probe, total) == 0)
            {
                break;
            }
            if (total >= limit)
            {
                return null;
            }
            Array.Resize(ref buffer, (int)Math.Min(Math.Max(2L * buffer.Length, 64 * 1024), limit));
        }
        return total == buffer.Length ? buffer : buffer[..total];
    }

    private static Diagnostic NotRegular(FileKind kind, string path) => DiagnosticCatalog.NotARegularFile.At(kind switch
    {
        FileKind.SymbolicLink => "收件箱中的这一项是符号链接（指向别处的链接），不是报表文件本身；链接未被跟随，它指向的内容未读取",
        FileKind.Fifo => "收件箱中的这一项是命名管道（FIFO），不是普通文件，未打开、未读取",
        FileKind.CharacterDevice => "收件箱中的这一项是字符设备，不是普通文件，未打开、未读取",
        FileKind.BlockDevice => "收件箱中的这一项是块设备，不是普通文件，未打开、未读取",
        FileKind.Socket => "收件箱中的这一项是套接字，不是普通文件，未打开、未读取",
        FileKind.Directory => "收件箱中的这一项是文件夹，不是普通文件，未读取",
        _ => "收件箱中的这一项不是普通文件（无法确认其类型），未打开、未读取",
    }, path);

    private static Diagnostic TooLarge(string message, string path) => DiagnosticCatalog.TooLarge.At(message, path);

    private static string Show(long bytes) => bytes switch
    {
        >= 1 << 20 => $"{bytes >> 20} MB",
        >= 1 << 10 => $"{bytes >> 10} KB",
        _ => $"{bytes} 字节",
    };
}
