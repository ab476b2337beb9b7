namespace Reports.Templates;

/// <summary>The workbook-level defined names that identify a return; part of the template contract.</summary>
public static class MetaNames
{
    public const string Return = "meta_return";
    public const string Version = "meta_version";
    public const string Unit = "meta_unit";
    public const string Period = "meta_period";

    public static IReadOnlyList<string> All { get; } = [Return, Version, Unit, Period];
}
