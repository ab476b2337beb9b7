using System.Text.RegularExpressions;

namespace Reports.Cli;

/// <summary>
/// The few words of System.CommandLine's help and parse errors that its zh-Hans resources (2.0.15) leave in English,
/// put into Chinese so a clerk's screen speaks one language. English text passes through unchanged.
/// </summary>
internal static partial class HelpText
{
    public static string Translate(string text, UiText ui)
    {
        if (ui.English)
        {
            return text;
        }
        text = RequiredOption().Replace(text, "缺少必填的选项 $1");
        return text
            .Replace("Description:", "说明:", StringComparison.Ordinal)
            .Replace("(REQUIRED)", "（必填）", StringComparison.Ordinal)
            .Replace("[options]", "[选项]", StringComparison.Ordinal)
            .Replace("[command]", "[命令]", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"Option '([^']+)' is required\.", RegexOptions.CultureInvariant)]
    private static partial Regex RequiredOption();
}
