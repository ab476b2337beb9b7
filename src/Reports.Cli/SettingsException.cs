namespace Reports.Cli;

/// <summary>A setting has a bad value: the run stops before any work, naming the key and the value.</summary>
public sealed class SettingsException(string message) : Exception(message);
