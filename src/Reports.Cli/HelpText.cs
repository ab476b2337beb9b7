using System.CommandLine;
using System.Text;
using System.Text.RegularExpressions;
using Reports.Cli.Console;

namespace Reports.Cli;

/// <summary>
/// The command's help and the parser's errors, in our own words. System.CommandLine 2.0.15 offers no way to replace
/// its texts (its resources are internal and its zh-Hans translation is partly English and stilted: “未识别命令或参数
/// “'x'”.”), and its help pads columns by string length, so they slip after every Chinese character. So the parser
/// runs under the invariant culture, its English errors are put into Chinese here by their fixed forms, and the help
/// is written here from the command tree, its columns measured as a terminal shows them (a Chinese character is two).
/// </summary>
internal static partial class HelpText
{
    /// <summary>The help of <paramref name="command"/>, lines of at most <paramref name="width"/> columns (0: no limit).</summary>
    public static string Of(Command command, IReadOnlyList<Command> ancestors, UiText t, int width)
    {
        var text = new StringBuilder();
        var path = string.Join(" ", ancestors.Append(command).Skip(1).Select(c => c.Name).Prepend("reports"));
        if (command.Description is { Length: > 0 } description)
        {
            text.Append(t.T("说明：", "Description:")).Append('\n');
            foreach (var line in TextColumns.Wrap(description, width > 0 ? width - 2 : 0))
            {
                text.Append("  ").Append(line).Append('\n');
            }
            text.Append('\n');
        }
        text.Append(t.T("用法：", "Usage:")).Append('\n').Append("  ").Append(path);
        foreach (var argument in command.Arguments.Where(a => !a.Hidden))
        {
            text.Append(' ').Append(Placeholder(argument));
        }
        if (command.Subcommands.Count > 0)
        {
            text.Append(' ').Append(t.T("[命令]", "[command]"));
        }
        text.Append(' ').Append(t.T("[选项]", "[options]")).Append("\n\n");

        var arguments = command.Arguments.Where(a => !a.Hidden).Select(a => (First: $"<{a.Name}>", Second: a.Description ?? "")).ToList();
        Section(text, t.T("参数：", "Arguments:"), arguments, width);

        var options = command.Options
            .Concat(ancestors.Reverse().SelectMany(a => a.Options.Where(o => o.Recursive)))
            .Where(o => !o.Hidden)
            .DistinctBy(o => o.Name)
            .OrderBy(o => o is System.CommandLine.Help.HelpOption or VersionOption) // the verb's own options first
            .Select(o => (First: Names(o), Second: (o.Required ? t.T("（必填）", "(required) ") : "") + (o.Description ?? "")))
            .ToList();
        Section(text, t.T("选项：", "Options:"), options, width);

        var commands = command.Subcommands.Where(c => !c.Hidden)
            .Select(c => (First: string.Join(" ", c.Arguments.Where(a => !a.Hidden).Select(a => $"<{a.Name}>").Prepend(c.Name)), Second: c.Description ?? ""))
            .ToList();
        Section(text, t.T("命令：", "Commands:"), commands, width);
        return text.ToString().TrimEnd('\n') + "\n\n";
    }

    /// <summary>Two columns: names padded to the widest as a terminal counts columns, the text wrapped under itself.</summary>
    private static void Section(StringBuilder text, string title, IReadOnlyList<(string First, string Second)> rows, int width)
    {
        if (rows.Count == 0)
        {
            return;
        }
        text.Append(title).Append('\n');
        var first = rows.Max(r => TextColumns.Width(r.First));
        var indent = 2 + first + 2;
        foreach (var (name, description) in rows)
        {
            var lines = TextColumns.Wrap(description, width > 0 ? Math.Max(20, width - indent) : 0);
            text.Append("  ").Append(TextColumns.Pad(name, first)).Append("  ").Append(lines[0]).Append('\n');
            foreach (var line in lines.Skip(1))
            {
                text.Append(' ', indent).Append(line).Append('\n');
            }
        }
        text.Append('\n');
    }

    private static string Names(Option option)
    {
        // The Windows spellings (/?, /h) work but are not advertised, as the package's own help does not either.
        var names = string.Join(", ", option.Aliases.Prepend(option.Name).Where(n => !n.StartsWith('/')).Distinct().OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal));
        return option.Arity.MaximumNumberOfValues == 0 || option.ValueType == typeof(bool) ? names : $"{names} <{option.HelpName ?? option.Name.TrimStart('-')}>";
    }

    private static string Placeholder(Argument argument) =>
        argument.Arity.MaximumNumberOfValues > 1 ? $"<{argument.Name}>..." : $"<{argument.Name}>";

    /// <summary>One of the parser's errors (produced in English, its fixed forms) in the interface's language.</summary>
    public static string Error(string message, Command root, UiText t)
    {
        if (t.English)
        {
            return message;
        }
        foreach (var (pattern, chinese) in Errors)
        {
            var match = pattern.Match(message);
            if (match.Success)
            {
                return chinese(match.Groups, root);
            }
        }
        // A form this table does not know yet (a newer package): still one line, and never a stack trace.
        return $"命令行有误：{message}";
    }

    private static readonly (Regex Pattern, Func<GroupCollection, Command, string> Chinese)[] Errors =
    [
        (new(@"^Required argument missing for command: '(.+)'\.$"), (g, root) => MissingArgument(g[1].Value, root)),
        (new(@"^Required argument missing for option: '(.+)'\.$"), (g, _) => $"选项 {g[1].Value} 后面缺少它的值"),
        (new(@"^Option '(.+)' is required\.$"), (g, _) => $"缺少必填的选项 {g[1].Value}"),
        (new(@"^Unrecognized command or argument '(.*)'\.$"), (g, _) => $"无法识别的命令或参数：{g[1].Value}"),
        (new(@"^Argument '(.*)' not recognized\. Must be one of:(.*)$", RegexOptions.Singleline), (g, _) => $"无法识别的参数：{g[1].Value}；应为以下之一：{Listed(g[2].Value)}"),
        (new(@"^Option '(.+)' expects a single argument but (\d+) were provided\.$"), (g, _) => $"选项 {g[1].Value} 只能给一个值，现在给了 {g[2].Value} 个"),
        (new(@"^Cannot parse argument '(.*)' for option '(.+)' as expected type '(.+)'\.", RegexOptions.Singleline), (g, _) => $"选项 {g[2].Value} 的值“{g[1].Value}”无效"),
        (new(@"^Cannot parse argument '(.*)' for command '(.+)' as expected type '(.+)'\.", RegexOptions.Singleline), (g, _) => $"命令 {g[2].Value} 的参数“{g[1].Value}”无效"),
        (new(@"^Cannot parse argument '(.*)' as expected type '(.+)'\.$"), (g, _) => $"参数“{g[1].Value}”无效"),
        (new(@"^'(.*)' was not matched\. Did you mean one of the following\?(.*)$", RegexOptions.Singleline), (g, _) => $"无法识别：{g[1].Value}；是否想写以下之一：{Listed(g[2].Value)}"),
        (new(@"^Required command was not provided\.$"), (_, _) => "缺少命令"),
        (new(@"^Response file not found '(.*)'\.$"), (g, _) => $"找不到响应文件：{g[1].Value}"),
        (new(@"^Error reading response file '(.*)': (.*)$", RegexOptions.Singleline), (g, _) => $"读取响应文件 {g[1].Value} 时出错：{g[2].Value}"),
        (new(@"^File does not exist: '(.*)'\.$"), (g, _) => $"文件不存在：{g[1].Value}"),
        (new(@"^Directory does not exist: '(.*)'\.$"), (g, _) => $"文件夹不存在：{g[1].Value}"),
        (new(@"^File or directory does not exist: '(.*)'\.$"), (g, _) => $"文件或文件夹不存在：{g[1].Value}"),
        (new(@"^Character not allowed in a path: '(.*)'\.$"), (g, _) => $"路径中有不允许的字符：{g[1].Value}"),
        (new(@"^Character not allowed in a file name: '(.*)'\.$"), (g, _) => $"文件名中有不允许的字符：{g[1].Value}"),
        (new(@"^(.+) option cannot be combined with other arguments\.$"), (g, _) => $"{g[1].Value} 不能与其他参数同时使用"),
    ];

    /// <summary>What the verb needs and did not get, named as its help names it: “validate 缺少参数 FILE（要检查的报表文件）”.</summary>
    private static string MissingArgument(string verb, Command root)
    {
        var command = root.Name == verb ? root : root.Subcommands.FirstOrDefault(c => c.Name == verb);
        var argument = command?.Arguments.FirstOrDefault();
        return argument is null ? $"{verb} 缺少参数" : $"{verb} 缺少参数 {argument.Name}" + (argument.Description is { Length: > 0 } d ? $"（{d}）" : "");
    }

    private static string Listed(string lines) =>
        string.Join("、", lines.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
