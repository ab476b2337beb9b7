using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Reports.Intake;

/// <summary>
/// An inbox entry's kind, size and times as the file system reports them for the entry itself, found without opening
/// it: open(2) on a FIFO blocks until a writer comes, and FileInfo follows a link (a link to /dev/zero or to a 10 GiB
/// file passes for a small file). On Linux and macOS this is lstat(2) through the .NET runtime's own native shim,
/// libSystem.Native, which every .NET process already loads and whose FileStatus layout and S_IF* values .NET defines
/// itself (src/native/libs/System.Native/pal_io.h), so no libc struct layout or constant is guessed per platform.
/// </summary>
internal readonly record struct EntryStatus(FileKind Kind, long Size, DateTimeOffset LastWriteUtc, DateTimeOffset ChangedUtc)
{
    private static readonly EntryStatus Missing = new(FileKind.Missing, 0, default, default);

    /// <summary>An inbox entry itself: by its path's bytes where its name is not UTF-8 (<see cref="InboxEntry.NativePath"/>).</summary>
    public static EntryStatus Of(InboxEntry entry) => entry.NativePath is { } native && !OperatingSystem.IsWindows() ? OfNative(native) : Of(entry.Path);

    /// <summary>The entry itself, never what a link points to.</summary>
    public static EntryStatus Of(string path) => OperatingSystem.IsWindows() ? OfWindowsEntry(path) : OfNative(Native.Utf8(path));

    private static EntryStatus OfNative(byte[] path)
    {
        try
        {
            return Native.LStat(path, out var status) == 0 ? From(status) : Missing;
        }
        catch (Exception problem) when (problem is DllNotFoundException or EntryPointNotFoundException)
        {
            // Without the shim the kind cannot be known: refuse rather than open something that may block.
            return new EntryStatus(FileKind.Other, 0, default, default);
        }
    }

    /// <summary>What an opened handle really is (fstat): null where that cannot be asked (Windows, which has no FIFOs).</summary>
    public static EntryStatus? Of(SafeFileHandle handle)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }
        try
        {
            return Native.FStat(handle, out var status) == 0 ? From(status) : Missing;
        }
        catch (Exception problem) when (problem is DllNotFoundException or EntryPointNotFoundException)
        {
            return new EntryStatus(FileKind.Other, 0, default, default);
        }
    }

    private static EntryStatus From(Native.FileStatus status) => new(
        (status.Mode & Native.S_IFMT) switch
        {
            Native.S_IFREG => FileKind.Regular,
            Native.S_IFDIR => FileKind.Directory,
            Native.S_IFLNK => FileKind.SymbolicLink,
            Native.S_IFIFO => FileKind.Fifo,
            Native.S_IFCHR => FileKind.CharacterDevice,
            Native.S_IFBLK => FileKind.BlockDevice,
            Native.S_IFSOCK => FileKind.Socket,
            _ => FileKind.Other,
        },
        status.Size,
        Time(status.MTime, status.MTimeNsec),
        Time(status.CTime, status.CTimeNsec));

    private static DateTimeOffset Time(long seconds, long nanoseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks(seconds * TimeSpan.TicksPerSecond + nanoseconds / 100);

    /// <summary>
    /// Windows has no FIFOs or device files in a folder; a symbolic link or junction is the one thing to refuse. Only a
    /// reparse point with a link target counts: OneDrive's cloud placeholders are reparse points too, and real files.
    /// </summary>
    private static EntryStatus OfWindowsEntry(string path)
    {
        try
        {
            FileSystemInfo info = File.GetAttributes(path).HasFlag(FileAttributes.Directory) ? new DirectoryInfo(path) : new FileInfo(path);
            var kind = info.LinkTarget is not null ? FileKind.SymbolicLink
                : info is DirectoryInfo ? FileKind.Directory
                : FileKind.Regular;
            var size = info is FileInfo file && kind == FileKind.Regular ? file.Length : 0;
            return new EntryStatus(kind, size, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero), default);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            return Missing;
        }
    }

    /// <summary>The runtime's shim, not libc: its FileStatus is .NET's own, the same on every Unix .NET runs on.</summary>
    private static class Native
    {
        public const int S_IFMT = 0xF000;
        public const int S_IFIFO = 0x1000;
        public const int S_IFCHR = 0x2000;
        public const int S_IFDIR = 0x4000;
        public const int S_IFBLK = 0x6000;
        public const int S_IFREG = 0x8000;
        public const int S_IFLNK = 0xA000;
        public const int S_IFSOCK = 0xC000;

        /// <summary>
        /// The leading fields of the shim's FileStatus, which have not moved since .NET 5; the runtime has appended
        /// fields since (birth time, dev, rdev, ino, user flags), so the struct is made far larger than any of them
        /// need: a later runtime's larger struct is written into room that is ours.
        /// </summary>
        [StructLayout(LayoutKind.Sequential, Size = 512)]
        public struct FileStatus
        {
            public int Flags;
            public int Mode;
            public uint Uid;
            public uint Gid;
            public long Size;
            public long ATime;
            public long ATimeNsec;
            public long MTime;
            public long MTimeNsec;
            public long CTime;
            public long CTimeNsec;
        }

        public static byte[] Utf8(string path) => System.Text.Encoding.UTF8.GetBytes(path + "\0");

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat")]
        public static extern int LStat(byte[] path, out FileStatus status);

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_FStat")]
        public static extern int FStat(SafeHandle fd, out FileStatus status);
    }
}
