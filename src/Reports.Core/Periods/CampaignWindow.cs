using System.Globalization;

namespace Reports.Periods;

/// <summary>The days of a campaign (e.g. the hundred days 2022-03-22..2022-06-30), both ends included.</summary>
public readonly record struct CampaignWindow(DateOnly Start, DateOnly End)
{
    public int Days => End.DayNumber - Start.DayNumber + 1;

    public override string ToString() =>
        $"{Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}:{End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>Parses "2022-03-22:2022-06-30".</summary>
    public static bool TryParse(string? text, out CampaignWindow window)
    {
        window = default;
        var parts = text?.Split(':', StringSplitOptions.TrimEntries);
        if (parts is not { Length: 2 }
            || !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
            || end < start)
        {
            return false;
        }
        window = new CampaignWindow(start, end);
        return true;
    }

    /// <summary>
    /// Time progress (时序进度) at a day: days from the first day to that day, both counted, over the days of
    /// the window, both counted; 0 before the window, capped at 1.
    /// </summary>
    public decimal ProgressAt(DateOnly day)
    {
        if (day < Start)
        {
            return 0m;
        }
        var elapsed = day.DayNumber - Start.DayNumber + 1;
        return elapsed >= Days ? 1m : (decimal)elapsed / Days;
    }

    /// <summary>Time progress of a calendar year, for annual targets.</summary>
    public static CampaignWindow Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
}
