namespace Reports.Cli;

/// <summary>
/// The language of help and messages: Chinese, or English with <c>--lang en</c> or REPORTS_LANG=en. Decided before
/// the command line is parsed, since the help text is built from it.
/// </summary>
public sealed record UiText(bool English)
{
    public static UiText From(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--lang" && i + 1 < args.Length)
            {
                return new UiText(IsEnglish(args[i + 1]));
            }
            if (args[i].StartsWith("--lang=", StringComparison.Ordinal))
            {
                return new UiText(IsEnglish(args[i]["--lang=".Length..]));
            }
        }
        return new UiText(IsEnglish(Environment.GetEnvironmentVariable("REPORTS_LANG")));
    }

    private static bool IsEnglish(string? language) => language?.Trim().StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The Chinese or the English text.</summary>
    public string T(string chinese, string english) => English ? english : chinese;
}
