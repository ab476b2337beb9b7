namespace Reports.Outputs.Briefing;

/// <summary>
/// How much of a return the briefing lists: every unit (a city's counties), or the leaders' form for a large roster
/// (<see cref="LeadersForm"/>): the first and last units, the lagging ones up to <see cref="LaggingListed"/> with the
/// count of the rest, a distribution chart, and the workbook (<see cref="WorkbookName"/>) named for the full tables.
/// </summary>
public sealed record BriefingScale(bool LeadersForm, int LaggingListed, string? WorkbookName)
{
    public static readonly BriefingScale Full = new(false, BriefingSettings.DefaultLaggingListed, null);

    /// <summary>How many units head and close a ranked table in the leaders' form.</summary>
    public const int Ends = 3;

    /// <summary>"汇总表（汇总表-….xlsx）", or "汇总表".</summary>
    public string Workbook => WorkbookName is null ? "汇总表" : $"汇总表（{WorkbookName}）";
}
