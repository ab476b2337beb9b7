namespace Reports.Cli.Settings;

/// <summary>Who signs the city's own return when its merged result is sent upward (<c>run --as-submission</c>).</summary>
public sealed record SubmissionSettings(string FilledBy, string Phone);
