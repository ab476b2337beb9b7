using System.Globalization;
using System.Text.RegularExpressions;

namespace Reports.Periods;

/// <summary>A monthly reporting period, written "2022-06"; returns are cumulative to its last day.</summary>
public readonly partial record struct ReportingPeriod(int Year, int Month)
{
    public DateOnly LastDay => new(Year, Month, DateTime.DaysInMonth(Year, Month));

    /// <summary>"2022年6月底", as a briefing dates cumulative figures.</summary>
    public string ChineseEnd => $"{Year}年{Month}月底";

    /// <summary>"2022年6月", as a printed sheet names the period.</summary>
    public string Chinese => $"{Year}年{Month}月";

    public override string ToString() => $"{Year:D4}-{Month:D2}";

    /// <summary>
    /// Reads a period as people write it — "2022-06", "2022-6", "2022/6", "2022.06", "2022年6月", "202206" — into
    /// the one form <see cref="ToString"/> prints. Years 1900–2999 and months 1–12 only.
    /// </summary>
    public static bool TryParse(string? text, out ReportingPeriod period)
    {
        period = default;
        var match = text is null ? null : WrittenForm().Match(text.Trim());
        if (match is not { Success: true })
        {
            return false;
        }
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
        if (year is < 1900 or > 2999 || month is < 1 or > 12)
        {
            return false;
        }
        period = new ReportingPeriod(year, month);
        return true;
    }

    [GeneratedRegex(@"^(?<year>[0-9]{4})(?:\s*[-/.年]\s*(?<month>[0-9]{1,2})\s*月?|(?<month>[0-9]{2}))$", RegexOptions.CultureInvariant)]
    private static partial Regex WrittenForm();
}
