using System.Text;
using Reports.Diagnostics;

namespace Reports.Outputs.Briefing;

/// <summary>
/// What the office writes into a briefing that no return says (存在问题, 下一步工作, a leader's instruction): a UTF-8
/// text file in which a line starting with "# " opens a section headed by the rest of the line and every other
/// non-empty line is a paragraph of it. The section "领导批示" is the instruction box under the 报头; the others follow
/// the generated sections, numbered on. The text is printed as written: no template runs in it; control characters
/// show as visible escapes (<see cref="ShownText"/>), as county text does.
/// </summary>
public sealed record BriefingNotes(IReadOnlyList<string> Instruction, IReadOnlyList<BriefingNoteSection> Sections)
{
    /// <summary>The heading whose section is set as the instruction box under the 报头.</summary>
    public const string InstructionHeading = "领导批示";

    /// <summary>A notes file is a page or two of text: more is not a notes file.</summary>
    public const int MaxBytes = 1 << 20;

    public static BriefingNotes Empty { get; } = new([], []);

    public bool IsEmpty => Instruction.Count == 0 && Sections.Count == 0;

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
            return Parse(text);
        }
        catch (FormatException e)
        {
            throw new BriefingNotesException(path, e.Message);
        }
    }

    /// <summary>The sections of <paramref name="text"/>: lines before the first "# " heading belong to no section and are
    /// dropped only if blank; otherwise they open an untitled section, which is refused (every paragraph needs its heading).</summary>
    public static BriefingNotes Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var instruction = new List<string>();
        var sections = new List<(string Heading, List<string> Paragraphs)>();
        List<string>? current = null;
        foreach (var raw in text.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                var heading = ShownText.Escape(line[2..].Trim());
                if (heading == InstructionHeading)
                {
                    current = instruction;
                }
                else
                {
                    sections.Add((heading, current = []));
                }
                continue;
            }
            if (current is null)
            {
                throw new FormatException($"第一段“{Shorten(line)}”之前没有“# 标题”行：每段文字都应在一个以“# ”开头的标题之下");
            }
            current.Add(ShownText.Escape(line));
        }
        return new BriefingNotes(instruction, sections.Select(s => new BriefingNoteSection(s.Heading, s.Paragraphs)).ToList());
    }

    private static string Shorten(string line) => line.Length <= 20 ? line : line[..20] + "…";
}

/// <summary>A section the office wrote: its heading (without a number: the briefing numbers it on) and its paragraphs.</summary>
public sealed record BriefingNoteSection(string Heading, IReadOnlyList<string> Paragraphs);

/// <summary>A notes file that cannot be used: missing, unreadable, not UTF-8, too large or malformed.</summary>
public sealed class BriefingNotesException(string path, string problem) : Exception($"简报补充内容文件 {path}：{problem}")
{
    public string Path { get; } = path;
}
