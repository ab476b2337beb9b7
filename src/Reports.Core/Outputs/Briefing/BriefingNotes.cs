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

    public static BriefingNotes Empty { get; } = new([], []);

    public bool IsEmpty => Instruction.Count == 0 && Sections.Count == 0;

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
