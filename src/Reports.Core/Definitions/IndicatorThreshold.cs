namespace Reports.Definitions;

/// <summary>
/// A level the plan requires of an indicator (fund_match_rate = 100%, yulu_rate ≥ 90%, industry_share ≥ 65% in
/// 2024 and ≥ 70% from 2025), declared in the return definition rather than in code. A year's level is the one
/// set for that year or, failing that, for the latest earlier year; <see cref="Minimum"/> applies otherwise.
/// </summary>
public sealed record IndicatorThreshold(decimal? Minimum, IReadOnlyDictionary<int, decimal> ByYear)
{
    public decimal? For(int year)
    {
        var earlier = ByYear.Keys.Where(y => y <= year).DefaultIfEmpty(int.MinValue).Max();
        return earlier != int.MinValue ? ByYear[earlier] : Minimum;
    }
}
