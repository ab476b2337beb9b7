namespace Reports.Definitions;

/// <summary>The office's own definition file is broken: the run cannot start. Carries every problem found.</summary>
public sealed class DefinitionException(string path, IReadOnlyList<string> problems)
    : Exception($"{path}: 报表定义有 {problems.Count} 处错误：{Environment.NewLine}{string.Join(Environment.NewLine, problems.Select(p => "  " + p))}")
{
    public string DefinitionPath { get; } = path;
    public IReadOnlyList<string> Problems { get; } = problems;
}
