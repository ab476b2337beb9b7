namespace Reports.Cli.Settings;

/// <summary>A setting has a bad value: the run stops before any work, naming the key, the value and where it came from.</summary>
public sealed class SettingsException(string message) : Exception(message);
