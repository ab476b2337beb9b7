using System.Collections;

namespace Reports.Outputs.Briefing;

/// <summary>
/// The functions a briefing template may call (imported into Scriban as fmt_count, fmt_amount, …),
/// so the office's templates print figures in the briefing's number style without arithmetic of their own.
/// </summary>
public static class BriefingFunctions
{
    public static string FmtCount(decimal value, string unit) => NumberStyle.Count(value, unit);

    public static string FmtAmount(decimal value) => NumberStyle.Amount(value);

    public static string FmtYoy(decimal? rate) => NumberStyle.Yoy(rate);

    public static string FmtRate(decimal? rate) => NumberStyle.Completion(rate);

    public static string FmtPercent(decimal? rate, int decimals) => NumberStyle.Percent(rate, decimals);

    public static string FmtPoints(decimal gap) => NumberStyle.Points(gap);

    public static string JoinNames(IEnumerable? names) =>
        names is null ? "" : NumberStyle.JoinNames(names.Cast<object?>().Select(n => n?.ToString() ?? ""));
}
