using Microsoft.Extensions.Configuration;

namespace Reports.Cli.Settings;

/// <summary>
/// The last configuration layer: settings given on the command line (<c>--window</c>, <c>--store</c>,
/// <c>--deadline</c>, <c>--setting KEY=VALUE</c>), each remembered with the option it came from so a bad value
/// can be traced back to it.
/// </summary>
public sealed class CommandLineSettings : IConfigurationSource
{
    private readonly Dictionary<string, (string Value, string Option)> _values = new(StringComparer.OrdinalIgnoreCase);

    public static CommandLineSettings Empty => new();

    public CommandLineSettings Set(string key, string? value, string option)
    {
        if (value is not null)
        {
            _values[key] = (value, option);
        }
        return this;
    }

    /// <summary>The option a key was set by, e.g. <c>--window</c>.</summary>
    public string? OptionOf(string key) => _values.TryGetValue(key, out var entry) ? entry.Option : null;

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(this);

    public sealed class Provider(CommandLineSettings settings) : ConfigurationProvider
    {
        public CommandLineSettings Settings { get; } = settings;

        public override void Load() =>
            Data = Settings._values.ToDictionary(p => p.Key, p => (string?)p.Value.Value, StringComparer.OrdinalIgnoreCase);
    }
}
