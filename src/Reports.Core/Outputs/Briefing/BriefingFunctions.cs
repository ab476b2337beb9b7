using System.Collections;
using Reports.Numbers;
using Scriban.Runtime;

namespace Reports.Outputs.Briefing;

/// <summary>
/// The functions a briefing template may call (imported into Scriban as fmt_count, fmt_amount, top_n, …),
/// so the office's templates print figures in the briefing's number style and choose their phrasing without
/// arithmetic of their own.
/// </summary>
public static class BriefingFunctions
{
    public static string FmtCount(decimal value, string unit) => NumberStyle.Count(value, unit);

    public static string FmtAmount(decimal value) => NumberStyle.Amount(value);

    public static string FmtYoy(decimal? rate) => NumberStyle.Yoy(rate);

    public static string FmtRate(decimal? rate) => NumberStyle.Completion(rate);

    public static string FmtPercent(decimal? rate, int decimals) => NumberStyle.Percent(rate, decimals);

    public static string FmtPoints(decimal gap) => NumberStyle.Points(gap);

    /// <summary>"潞州区、上党区和沁县" from names, or from units (anything with a <c>name</c>); past
    /// <see cref="BriefingModel.Listed"/> names, those and the count ("…等120个"), so a large roster's list stays a line.</summary>
    public static string JoinNames(IEnumerable? names) =>
        names is null ? "" : NumberStyle.JoinNames(names.Cast<object?>().Select(NameOf), BriefingModel.Listed);

    /// <summary>The <paramref name="n"/> accepted units with the highest value of a field or indicator
    /// (<c>top_n units "loan_campaign_rate" 3</c>); units without a value are left out; ties keep roster order.</summary>
    public static ScriptArray TopN(IEnumerable units, string code, int n) => Ranked(units, code, n, descending: true);

    /// <summary>The <paramref name="n"/> accepted units with the lowest value, lowest first.</summary>
    public static ScriptArray BottomN(IEnumerable units, string code, int n) => Ranked(units, code, n, descending: false);

    /// <summary>"全部开工" when every planned project has started, else "开工1700个，开工率96.3%".</summary>
    public static string PhraseStarted(decimal started, decimal planned, string unit) =>
        planned > 0 && started >= planned
            ? "全部开工"
            : $"开工{NumberStyle.Count(started, unit)}，开工率{NumberStyle.Completion(planned > 0 ? SafeDecimal.Divide(started, planned) : null)}";

    /// <summary>"超额完成" when a completion rate passes 100%, "全面完成" at exactly 100%, else "" (nothing to add).</summary>
    public static string PhraseCompletion(decimal? rate) => rate switch
    {
        > 1m => "超额完成",
        1m => "全面完成",
        _ => "",
    };

    private static ScriptArray Ranked(IEnumerable units, string code, int n, bool descending)
    {
        var valued = units.OfType<ScriptObject>()
            .Select((u, order) => (Unit: u, Value: u[code] as decimal?, Order: order))
            .Where(x => Equals(x.Unit["status"], "accepted") && x.Value is not null)
            .Select(x => (x.Unit, Value: x.Value!.Value, x.Order));
        var sorted = descending
            ? valued.OrderByDescending(x => x.Value).ThenBy(x => x.Order)
            : valued.OrderBy(x => x.Value).ThenBy(x => x.Order);
        return new ScriptArray(sorted.Take(Math.Max(n, 0)).Select(x => x.Unit));
    }

    private static string NameOf(object? item) => item switch
    {
        ScriptObject unit when unit.ContainsKey("name") => unit["name"]?.ToString() ?? "",
        _ => item?.ToString() ?? "",
    };
}
