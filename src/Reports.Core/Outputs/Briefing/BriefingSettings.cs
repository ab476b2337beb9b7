using Reports.Pdf;
using Reports.Periods;

namespace Reports.Outputs.Briefing;

/// <summary>The office's fixed parts of a briefing, from settings: 报头 (title, issue line, office, date),
/// 报尾 (distribution and copies) and the fonts.</summary>
/// <param name="IssueDate">The date printed in the masthead and written as the PDF's dates; null: the last day of
/// the period (never the clock, so the same inputs give the same bytes).</param>
/// <param name="BodyFont">The font of the body text (e.g. 仿宋); null: the bundled font.</param>
/// <param name="HeadingFont">The font of the masthead, title and headings (e.g. 黑体, 小标宋); null: the bundled font.</param>
public sealed record BriefingSettings(
    string MastheadTitle,
    string IssueLine,
    string Office,
    DateOnly? IssueDate = null,
    BriefingDistribution? Distribution = null,
    PdfFontFile? BodyFont = null,
    PdfFontFile? HeadingFont = null)
{
    public DateOnly IssueDateFor(ReportingPeriod period) => IssueDate ?? period.LastDay;

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
