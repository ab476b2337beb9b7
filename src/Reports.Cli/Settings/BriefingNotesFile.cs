using System.Text;
using Reports.Outputs.Briefing;

namespace Reports.Cli.Settings;

/// <summary>
/// The office's notes file for the briefing (Reports:Briefing:Notes, <c>--notes</c>), read once when the settings are
/// checked, before any work: the briefing renders the parsed <see cref="BriefingNotes"/>, never the file.
/// </summary>
public static class BriefingNotesFile
{
    /// <summary>A notes file is a page or two of text: more is not a notes file.</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>Reads a notes file; a missing, unreadable, oversized or non-UTF-8 file is a <see cref="BriefingNotesException"/>.</summary>
    public static BriefingNotes Load(string path)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new BriefingNotesException(path, "文件不存在");
            }
            if (info.Length > MaxBytes)
            {
                throw new BriefingNotesException(path, $"文件过大（{info.Length} 字节，至多 {MaxBytes} 字节）");
            }
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BriefingNotesException(path, $"无法读取：{e.Message}");
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new BriefingNotesException(path, "不是 UTF-8 编码的文本（请在记事本或 WPS 中另存为 UTF-8）");
        }
        try
        {
            return BriefingNotes.Parse(text);
        }
        catch (FormatException e)
        {
            throw new BriefingNotesException(path, e.Message);
        }
    }
}

/// <summary>A notes file that cannot be used: missing, unreadable, not UTF-8, too large or malformed.</summary>
public sealed class BriefingNotesException(string path, string problem) : Exception($"简报补充内容文件 {path}：{problem}")
{
    public string Path { get; } = path;
}
