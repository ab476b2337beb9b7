using System.Text.Json;
using Reports.Cli.Settings;

namespace Reports.Cli;

/// <summary>
/// A path a verb is told to write (--timings, status --csv, --as-submission) is checked before any work: never a file
/// the run reads (the store, the roster, a prefill sheet, the settings, anything in the inbox), never an existing file
/// that is not what this option writes. The store is the office's only record: a typo must not overwrite it.
/// </summary>
public static class OutputTarget
{
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    /// <summary>Throws a <see cref="SettingsException"/> (exit 2, nothing done) when <paramref name="given"/> may not be written.</summary>
    /// <param name="isOurs">Whether an existing file at the path is one this option wrote before (then it may be replaced).</param>
    public static void Check(string? given, string option, IEnumerable<(string? Path, string What)> inputs, IEnumerable<string?> inboxes, Func<string, bool> isOurs)
    {
        if (given is null)
        {
            return;
        }
        var path = Resolved(given);
        foreach (var (input, what) in inputs)
        {
            if (input is not null && SameFile(path, Resolved(input)))
            {
                throw new SettingsException($"{option} 指向 {path}，这是本次运行读取的{what}，不能被覆盖；请另选一个输出文件");
            }
        }
        foreach (var inbox in inboxes.OfType<string>())
        {
            var folder = Resolved(inbox).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            if (path.StartsWith(folder, StringComparison.Ordinal))
            {
                throw new SettingsException($"{option} 指向收件箱 {inbox} 中的 {Path.GetFileName(path)}，收件箱中的文件是各单位的报送，不能被覆盖；请另选一个输出文件");
            }
        }
        if (Directory.Exists(path))
        {
            throw new SettingsException($"{option} 指向文件夹 {path}，应为一个文件");
        }
        if (File.Exists(path) && (IsSqlite(path) || !isOurs(path)))
        {
            throw new SettingsException($"{option} 指向已有的文件 {path}，它不是此选项写出的文件，为免覆盖未运行；请另选文件名或先移走它");
        }
    }

    /// <summary>What every verb reads besides its own files: the store, the roster, the settings files.</summary>
    public static List<(string? Path, string What)> Inputs(string? store, string? roster, params (string? Path, string What)[] more) =>
    [
        (store, "存储库"), (roster, "名册"),
        (Path.Combine(AppContext.BaseDirectory, "appsettings.json"), "设置文件"), (Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), "设置文件"),
        .. more,
    ];

    /// <summary>An existing --timings file: the JSON object this option writes (with its "stages").</summary>
    public static bool IsTimings(string path)
    {
        try
        {
            if (new FileInfo(path).Length > 1 << 20)
            {
                return false;
            }
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("stages", out var stages) && stages.ValueKind == JsonValueKind.Array;
        }
        catch (Exception problem) when (problem is JsonException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>An existing CSV whose first line is <paramref name="header"/> (after the BOM the writer puts first).</summary>
    public static bool StartsWith(string path, string header)
    {
        try
        {
            using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var buffer = new char[header.Length];
            return reader.ReadBlock(buffer, 0, buffer.Length) == header.Length && new string(buffer) == header;
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string Resolved(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            return File.Exists(full) && new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true) is { } target ? target.FullName : full;
        }
        catch (IOException)
        {
            return full;
        }
    }

    private static bool SameFile(string a, string b) =>
        string.Equals(a, b, OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static bool IsSqlite(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var head = new byte[SqliteHeader.Length];
            return stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && head.AsSpan().SequenceEqual(SqliteHeader);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
