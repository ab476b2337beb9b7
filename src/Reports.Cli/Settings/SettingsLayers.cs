using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;

namespace Reports.Cli.Settings;

/// <summary>
/// The configuration in the usual .NET order, later layers winning: appsettings.json (beside the program, then in
/// the working folder), appsettings.{Environment}.json (same two places; the environment from REPORTS_ENVIRONMENT
/// or DOTNET_ENVIRONMENT), environment variables (<c>REPORTS__BRIEFING__OFFICE</c> is Reports:Briefing:Office),
/// then the command line. Knows which layer each value came from.
/// </summary>
public sealed class SettingsLayers(IConfigurationRoot root)
{
    public IConfigurationRoot Root { get; } = root;

    public static string? EnvironmentName =>
        new[] { "REPORTS_ENVIRONMENT", "DOTNET_ENVIRONMENT" }.Select(Environment.GetEnvironmentVariable).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    public static SettingsLayers Build(CommandLineSettings commandLine)
    {
        var folders = new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() }
            .Select(f => Path.TrimEndingDirectorySeparator(Path.GetFullPath(f)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var builder = new ConfigurationBuilder();
        var names = EnvironmentName is { } environment ? new[] { "appsettings.json", $"appsettings.{environment}.json" } : ["appsettings.json"];
        foreach (var name in names)
        {
            foreach (var folder in folders)
            {
                var path = Path.Combine(folder, name);
                Check(path);
                builder.AddJsonFile(path, optional: true, reloadOnChange: false);
            }
        }
        builder.AddEnvironmentVariables();
        builder.Add(commandLine);
        return new SettingsLayers(builder.Build());
    }

    /// <summary>
    /// A settings file that is there must be JSON (comments and trailing commas allowed, as the configuration reader
    /// allows them) with an object at the top: otherwise a <see cref="SettingsException"/> naming the file and the line.
    /// </summary>
    private static void Check(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }
        var options = new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true };
        using var document = Reports.Configuration.OfficeJson.Parse(path, options, problem => new SettingsException($"设置文件 {path}：{problem}"));
        if (document.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            throw new SettingsException($"设置文件 {path}：应为一个对象 {{\"Reports\": {{…}}}}，文件中是{Reports.Configuration.OfficeJson.KindOf(document.RootElement)}");
        }
    }

    public string? this[string key] => Root[key];

    /// <summary>Where the value of a key comes from: the file, the environment variable or the command-line option.</summary>
    public string SourceOf(string key)
    {
        foreach (var provider in Root.Providers.Reverse())
        {
            if (!provider.TryGet(key, out _))
            {
                continue;
            }
            return provider switch
            {
                FileConfigurationProvider file => $"文件 {file.Source.FileProvider?.GetFileInfo(file.Source.Path ?? "").PhysicalPath ?? file.Source.Path}",
                EnvironmentVariablesConfigurationProvider => $"环境变量 {EnvironmentVariableOf(key)}",
                CommandLineSettings.Provider commandLine => $"命令行 {commandLine.Settings.OptionOf(key)}",
                _ => provider.ToString() ?? "?",
            };
        }
        return "默认值";
    }

    private static string EnvironmentVariableOf(string key) =>
        Environment.GetEnvironmentVariables().Keys.Cast<object>().Select(k => k.ToString()!)
            .FirstOrDefault(name => string.Equals(name.Replace("__", ":", StringComparison.Ordinal), key, StringComparison.OrdinalIgnoreCase))
        ?? key.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>The error for a bad value: key, value, what was expected and where the value came from.</summary>
    public SettingsException Invalid(string key, string? value, string expected) =>
        new($"设置 {key} 的值“{value}”无效，应为{expected}（来自{SourceOf(key)}）");

    public string Text(string key, string fallback) => string.IsNullOrWhiteSpace(Root[key]) ? fallback : Root[key]!.Trim();

    public string? OptionalText(string key) => string.IsNullOrWhiteSpace(Root[key]) ? null : Root[key]!.Trim();

    public int NonNegativeInteger(string key, int fallback)
    {
        var text = OptionalText(key);
        if (text is null)
        {
            return fallback;
        }
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(key, text, "非负整数");
    }

    /// <summary>A value parsed by <paramref name="parse"/> (null: not understood); null when the key is unset or empty.</summary>
    public T? Parsed<T>(string key, Func<string, T?> parse, string expected) where T : struct
    {
        var text = OptionalText(key);
        return text is null ? null : parse(text) ?? throw Invalid(key, text, expected);
    }
}
