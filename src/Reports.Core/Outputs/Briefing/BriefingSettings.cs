using Reports.Pdf;
using Reports.Periods;

namespace Reports.Outputs.Briefing;

/// <summary>The office's fixed parts of a briefing, from settings: 报头 (title, issue line, office, date),
/// 报尾 (distribution and copies) and how many units get full tables.</summary>
/// <param name="Office">The issuing office; empty: "{the roster's name}乡村振兴局", never another city's.</param>
/// <param name="IssueDate">The date printed in the masthead and written as the PDF's dates; null: the last day of
/// the period (never the clock, so the same inputs give the same bytes).</param>
/// <param name="FullTablesUpTo">Up to this many roster units a task's table lists every unit; beyond it the briefing
/// takes the leaders' form (first and last units, the lagging ones up to <see cref="LaggingListed"/>, a distribution
/// chart) and names the workbook for the full tables.</param>
public sealed record BriefingSettings(
    string MastheadTitle,
    string IssueLine,
    string Office,
    DateOnly? IssueDate = null,
    BriefingDistribution? Distribution = null,
    int FullTablesUpTo = BriefingSettings.DefaultFullTablesUpTo,
    int LaggingListed = BriefingSettings.DefaultLaggingListed)
{
    public const int DefaultFullTablesUpTo = 40;

    /// <summary>What the office wrote (<c>--notes</c>, Reports:Briefing:Notes): the sections after the generated ones and the 领导批示 box.</summary>
    public BriefingNotes Notes { get; init; } = BriefingNotes.Empty;

    /// <summary>The word that marks a briefing of a period not yet approved, in its 报头 and its file name.</summary>
    public const string DraftMark = "送审稿";
    public const int DefaultLaggingListed = 5;

    public DateOnly IssueDateFor(ReportingPeriod period) => IssueDate ?? period.LastDay;

    /// <summary>The issuing office: the setting, else the roster's own office.</summary>
    public string OfficeFor(Rosters.Roster roster) =>
        string.IsNullOrWhiteSpace(Office) ? $"{roster.Name}乡村振兴局" : Office.Trim();

    /// <summary>The issue date as an instant at midnight, China Standard Time (the offices' time zone).</summary>
    public DateTimeOffset IssuedAt(ReportingPeriod period) =>
        new(IssueDateFor(period).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
}

/// <summary>报尾: whom the briefing goes to (报 superiors, 送 peers, 抄送 copies) and how many copies are printed.</summary>
public sealed record BriefingDistribution(string? ReportTo, string? SendTo, string? CopyTo, int? Copies)
{
    public IReadOnlyList<string> Lines =>
        new[] { ("报", ReportTo), ("送", SendTo), ("抄送", CopyTo) }
            .Where(l => !string.IsNullOrWhiteSpace(l.Item2))
            .Select(l => $"{l.Item1}：{l.Item2!.Trim().TrimEnd('。')}。")
            .ToList();

    public string? CopiesLine => Copies is > 0 ? $"（共印{Copies}份）" : null;
}
