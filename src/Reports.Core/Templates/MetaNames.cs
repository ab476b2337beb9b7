namespace Reports.Templates;

/// <summary>The workbook-level defined names that identify a return; part of the template contract.</summary>
public static class MetaNames
{
    public const string Return = "meta_return";
    public const string Version = "meta_version";
    public const string Unit = "meta_unit";
    public const string Period = "meta_period";

    /// <summary>
    /// Optional: the cell where the clerk writes when this submission was made. The newest submission of a unit
    /// wins; without a readable stamp the file's time decides.
    /// </summary>
    public const string Submitted = "meta_submitted";

    public static IReadOnlyList<string> All { get; } = [Return, Version, Unit, Period];
}
