using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Reports.Intake;

/// <summary>
/// A folder's entries with the names the file system really holds. On Linux a name is bytes, and a zip made on Chinese
/// Windows and unpacked here leaves names in GBK, not UTF-8: .NET shows such a name with U+FFFD in place of each invalid
/// byte, and the path it gives opens nothing. For those names the bytes are read with readdir(3) (through the runtime's
/// own shim, libSystem.Native, as <see cref="EntryStatus"/> does) and kept to open the file by; the name shown is the
/// bytes decoded as GBK where they decode (strictly, as GB18030, its superset: a byte GBK leaves undefined is no GBK),
/// else UTF-8 with each invalid byte written as \xHH.
/// </summary>
internal static class NativeNames
{
    private static readonly Encoding Gbk = CodePagesEncodingProvider.Instance.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
        ?? throw new InvalidOperationException("GB18030 (code page 54936) is not available");

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Every entry of <paramref name="folder"/> (one level): its path as shown, and the path's bytes where the name is not
    /// UTF-8 (null otherwise: the shown path opens it). Entries in the order the file system gives them.
    /// </summary>
    public static IReadOnlyList<(string Path, byte[]? Native)> Entries(string folder, EnumerationOptions options)
    {
        var paths = Directory.EnumerateFileSystemEntries(folder, "*", options).ToList();
        if (OperatingSystem.IsWindows() || !paths.Any(p => p.Contains('\uFFFD', StringComparison.Ordinal)))
        {
            return [.. paths.Select(p => (p, (byte[]?)null))];
        }
        // Some name is not UTF-8 (or holds U+FFFD itself): list the folder again as bytes.
        List<byte[]> names;
        try
        {
            names = RawNames(folder);
        }
        catch (Exception problem) when (problem is DllNotFoundException or EntryPointNotFoundException)
        {
            // A runtime whose shim lacks readdir: the names as .NET gives them (such a file is then reported unreadable).
            return [.. paths.Select(p => (p, (byte[]?)null))];
        }
        var listed = new List<(string, byte[]?)>();
        var prefix = Encoding.UTF8.GetBytes(Path.TrimEndingDirectorySeparator(folder) + "/");
        foreach (var name in names)
        {
            string text;
            try
            {
                text = StrictUtf8.GetString(name);
                listed.Add((Path.Combine(folder, text), null));
                continue;
            }
            catch (DecoderFallbackException)
            {
                text = Shown(name);
            }
            listed.Add((Path.Combine(folder, text), [.. prefix, .. name, 0]));
        }
        return listed;
    }

    /// <summary>A name that is not UTF-8 as shown: decoded from GBK where it decodes, else UTF-8 with each invalid byte as \xHH.</summary>
    public static string Shown(byte[] name)
    {
        try
        {
            return Gbk.GetString(name);
        }
        catch (DecoderFallbackException)
        {
            var shown = new StringBuilder(name.Length * 2);
            var rest = name.AsSpan();
            while (!rest.IsEmpty)
            {
                if (Rune.DecodeFromUtf8(rest, out var rune, out var used) == System.Buffers.OperationStatus.Done)
                {
                    shown.Append(rune.ToString());
                }
                else
                {
                    used = 1;
                    shown.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\x{rest[0]:x2}");
                }
                rest = rest[used..];
            }
            return shown.ToString();
        }
    }

    /// <summary>Opens a file by its path's bytes, read-only, not following a link; null if it cannot be opened.</summary>
    public static SafeFileHandle? OpenRead(byte[] nativePath)
    {
        var handle = Native.Open(nativePath, Native.O_RDONLY | Native.O_CLOEXEC | Native.O_NOFOLLOW, 0);
        if (handle.IsInvalid)
        {
            handle.Dispose();
            return null;
        }
        return handle;
    }

    private static List<byte[]> RawNames(string folder)
    {
        var names = new List<byte[]>();
        var dir = Native.OpenDir(Encoding.UTF8.GetBytes(folder + "\0"));
        if (dir == IntPtr.Zero)
        {
            throw new IOException($"无法读取文件夹 {folder}");
        }
        try
        {
            while (true)
            {
                // The entry's name points into the DIR stream: copied before the next call.
                var result = Native.ReadDir(dir, out var entry);
                if (result == -1)
                {
                    return names;
                }
                if (result != 0)
                {
                    throw new IOException($"无法读取文件夹 {folder}（错误 {result}）");
                }
                var length = entry.NameLength;
                if (length < 0)
                {
                    length = 0;
                    while (Marshal.ReadByte(entry.Name, length) != 0)
                    {
                        length++;
                    }
                }
                var name = new byte[length];
                Marshal.Copy(entry.Name, name, 0, length);
                if (!name.AsSpan().SequenceEqual("."u8) && !name.AsSpan().SequenceEqual(".."u8))
                {
                    names.Add(name);
                }
            }
        }
        finally
        {
            _ = Native.CloseDir(dir);
        }
    }

    /// <summary>The runtime's shim (src/native/libs/System.Native/pal_io.h): its flags and DirectoryEntry are .NET's own.</summary>
    private static class Native
    {
        public const int O_RDONLY = 0x0000;
        public const int O_CLOEXEC = 0x0010;
        public const int O_NOFOLLOW = 0x0200;

        [StructLayout(LayoutKind.Sequential)]
        public struct DirectoryEntry
        {
            public IntPtr Name;
            public int NameLength;
            public int InodeType;
        }

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Open", SetLastError = true)]
        public static extern SafeFileHandle Open(byte[] path, int flags, int mode);

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_OpenDir", SetLastError = true)]
        public static extern IntPtr OpenDir(byte[] path);

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_ReadDir")]
        public static extern int ReadDir(IntPtr dir, out DirectoryEntry entry);

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_CloseDir")]
        public static extern int CloseDir(IntPtr dir);
    }
}
