using Reports.Numbers;
namespace Reports.Analysis;

/// <summary>
/// A figure against last year: from the store's same period last year when it holds one (<c>store</c>), else from
/// the last-year reference field the return carries (<c>return</c>). Null where last year's figure is 0 or unknown, or
/// the ratio is too large to hold.
/// </summary>
public sealed record YearOnYear(string Field, string Source, string? LastYearPeriod, decimal? LastYear, decimal Current)
{
    public decimal? Ratio => LastYear is { } last ? SafeDecimal.Divide(Current, last) : null;
}
