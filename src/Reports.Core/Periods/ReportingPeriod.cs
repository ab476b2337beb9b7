using System.Globalization;

namespace Reports.Periods;

/// <summary>A monthly reporting period, written "2022-06"; returns are cumulative to its last day.</summary>
public readonly record struct ReportingPeriod(int Year, int Month)
{
    public DateOnly LastDay => new(Year, Month, DateTime.DaysInMonth(Year, Month));

    /// <summary>"2022年6月底", as a briefing dates cumulative figures.</summary>
    public string ChineseEnd => $"{Year}年{Month}月底";

    public override string ToString() => $"{Year:D4}-{Month:D2}";

    public static bool TryParse(string? text, out ReportingPeriod period)
    {
        period = default;
        if (text is null || !DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }
        period = new ReportingPeriod(date.Year, date.Month);
        return true;
    }
}
