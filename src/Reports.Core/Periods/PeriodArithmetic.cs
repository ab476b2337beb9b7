namespace Reports.Periods;

/// <summary>Periods before and after a reporting period.</summary>
public static class PeriodArithmetic
{
    /// <summary>Months before and after a monthly period; for any frequency use <see cref="ReportingPeriod.Previous"/> and <see cref="ReportingPeriod.YearBefore"/>.</summary>
    public static ReportingPeriod AddMonths(this ReportingPeriod period, int months)
    {
        if (period.Frequency != Frequency.Month)
        {
            throw new InvalidOperationException($"AddMonths is for monthly periods, not {period}");
        }
        var date = new DateOnly(period.Year, period.Number, 1).AddMonths(months);
        return new ReportingPeriod(date.Year, date.Month);
    }

    /// <summary>The periods of <paramref name="last"/>'s frequency from the one holding the window's first day up to <paramref name="last"/>, in order.</summary>
    public static IReadOnlyList<ReportingPeriod> PeriodsOf(CampaignWindow window, ReportingPeriod last)
    {
        var periods = new List<ReportingPeriod>();
        for (var p = ReportingPeriod.Containing(last.Frequency, window.Start); p.LastDay <= last.LastDay; p = p.Next())
        {
            periods.Add(p);
        }
        return periods;
    }
}
