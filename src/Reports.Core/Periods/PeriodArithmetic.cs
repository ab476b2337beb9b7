namespace Reports.Periods;

/// <summary>Months before and after a reporting period.</summary>
public static class PeriodArithmetic
{
    public static ReportingPeriod AddMonths(this ReportingPeriod period, int months)
    {
        var date = new DateOnly(period.Year, period.Month, 1).AddMonths(months);
        return new ReportingPeriod(date.Year, date.Month);
    }

    /// <summary>The periods from the one holding the window's first day up to <paramref name="last"/>, in order.</summary>
    public static IReadOnlyList<ReportingPeriod> PeriodsOf(CampaignWindow window, ReportingPeriod last)
    {
        var periods = new List<ReportingPeriod>();
        for (var p = new ReportingPeriod(window.Start.Year, window.Start.Month); p.LastDay <= last.LastDay; p = p.AddMonths(1))
        {
            periods.Add(p);
        }
        return periods;
    }
}
