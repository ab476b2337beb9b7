namespace Reports.Outputs.Briefing;

/// <summary>The office's briefing template has errors; carries every message with its file(line,col).</summary>
public sealed class BriefingTemplateException(string path, IReadOnlyList<string> messages)
    : Exception($"{path}: 简报模板有 {messages.Count} 处错误：{Environment.NewLine}{string.Join(Environment.NewLine, messages.Select(m => "  " + m))}")
{
    public IReadOnlyList<string> Messages { get; } = messages;
}
