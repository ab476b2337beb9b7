using System.Globalization;
using System.Text.RegularExpressions;

namespace Reports.Periods;

/// <summary>
/// A reporting period of one frequency (see the spec, "Periods and frequencies"): a week (2022-W25), a dekad (旬,
/// 2022-06-D2), a month (2022-06), a quarter (2022-Q2), a half year (2022-H1) or a year (2022). Returns are cumulative
/// to its last day. <see cref="ToString"/> writes the canonical form used in file and folder names, JSON and the store;
/// <see cref="TryParse"/> reads it and the forms people type.
/// </summary>
public readonly partial record struct ReportingPeriod
{
    /// <summary>A month, as every period was before frequencies.</summary>
    public ReportingPeriod(int year, int month)
        : this(Frequency.Month, year, month, 0)
    {
    }

    private ReportingPeriod(Frequency frequency, int year, int number, int dekad)
    {
        Frequency = frequency;
        Year = year;
        Number = number;
        Dekad = dekad;
    }

    public Frequency Frequency { get; }

    /// <summary>The year the period is named by (for a week, its ISO year: 2021-W52 ends on 2022-01-02).</summary>
    public int Year { get; }

    /// <summary>The week (1–53), month (1–12, also of a dekad), quarter (1–4) or half (1–2) of the year; 1 for a year.</summary>
    public int Number { get; }

    /// <summary>The dekad of the month, 1–3 (上旬, 中旬, 下旬); 0 for other frequencies.</summary>
    public int Dekad { get; }

    /// <summary>The month of the period's last day (a month's, a dekad's own month).</summary>
    public int Month => LastDay.Month;

    public static ReportingPeriod Week(int isoYear, int week) => new(Frequency.Week, isoYear, week, 0);

    public static ReportingPeriod TenDays(int year, int month, int dekad) => new(Frequency.Dekad, year, month, dekad);

    public static ReportingPeriod Quarter(int year, int quarter) => new(Frequency.Quarter, year, quarter, 0);

    public static ReportingPeriod Half(int year, int half) => new(Frequency.Half, year, half, 0);

    public static ReportingPeriod WholeYear(int year) => new(Frequency.Year, year, 1, 0);

    /// <summary>The period of <paramref name="frequency"/> that holds <paramref name="day"/>.</summary>
    public static ReportingPeriod Containing(Frequency frequency, DateOnly day) => frequency switch
    {
        Frequency.Week => Week(ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue))),
        Frequency.Dekad => TenDays(day.Year, day.Month, Math.Min(3, (day.Day - 1) / 10 + 1)),
        Frequency.Month => new(day.Year, day.Month),
        Frequency.Quarter => Quarter(day.Year, (day.Month - 1) / 3 + 1),
        Frequency.Half => Half(day.Year, (day.Month - 1) / 6 + 1),
        _ => WholeYear(day.Year),
    };

    public DateOnly FirstDay => Frequency switch
    {
        Frequency.Week => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Number, DayOfWeek.Monday)),
        Frequency.Dekad => new(Year, Number, (Dekad - 1) * 10 + 1),
        Frequency.Month => new(Year, Number, 1),
        Frequency.Quarter => new(Year, Number * 3 - 2, 1),
        Frequency.Half => new(Year, Number * 6 - 5, 1),
        _ => new(Year, 1, 1),
    };

    public DateOnly LastDay => Frequency switch
    {
        Frequency.Week => FirstDay.AddDays(6),
        Frequency.Dekad => Dekad < 3 ? new(Year, Number, Dekad * 10) : MonthEnd(Year, Number),
        Frequency.Month => MonthEnd(Year, Number),
        Frequency.Quarter => MonthEnd(Year, Number * 3),
        Frequency.Half => MonthEnd(Year, Number * 6),
        _ => new(Year, 12, 31),
    };

    /// <summary>"Last period": the one of the same frequency just before (2022-W24 before 2022-W25, 2022-05-D3 before 2022-06-D1).</summary>
    public ReportingPeriod Previous() => Containing(Frequency, FirstDay.AddDays(-1));

    /// <summary>The one of the same frequency just after.</summary>
    public ReportingPeriod Next() => Containing(Frequency, LastDay.AddDays(1));

    /// <summary>
    /// "Last year": the same period a year before (2021-W25 for 2022-W25: the same ISO week number; week 53 of a year
    /// whose year before has 52 weeks is compared with week 52).
    /// </summary>
    public ReportingPeriod YearBefore() => Frequency == Frequency.Week
        ? Week(Year - 1, Math.Min(Number, ISOWeek.GetWeeksInYear(Year - 1)))
        : Containing(Frequency, FirstDay.AddYears(-1));

    /// <summary>
    /// How a briefing dates cumulative figures: "2022年6月底" when the period ends with a month, "2022年6月26日" for a
    /// week or a dekad (截至2022年6月26日).
    /// </summary>
    public string ChineseEnd => Frequency is Frequency.Week or Frequency.Dekad
        ? $"{LastDay.Year}年{LastDay.Month}月{LastDay.Day}日"
        : $"{LastDay.Year}年{LastDay.Month}月底";

    /// <summary>The period as a printed sheet and a title name it (the spec's table): "2022年第25周（6月20日—26日）", "2022年6月中旬", "2022年6月" ….</summary>
    public string Chinese => Frequency switch
    {
        Frequency.Week => $"{Year}年第{Number}周（{WeekDays()}）",
        Frequency.Dekad => $"{Year}年{Number}月{DekadNames[Dekad - 1]}",
        Frequency.Month => $"{Year}年{Number}月",
        Frequency.Quarter => $"{Year}年第{ChineseNumerals[Number - 1]}季度",
        Frequency.Half => $"{Year}年{(Number == 1 ? "上" : "下")}半年",
        _ => $"{Year}年",
    };

    /// <summary>The period said shortly, after the day it ends: "第25周", "6月中旬", "6月", "第二季度" … (截至2022年6月26日（第25周）).</summary>
    public string ChineseShort => Frequency switch
    {
        Frequency.Week => $"第{Number}周",
        Frequency.Dekad => $"{Number}月{DekadNames[Dekad - 1]}",
        Frequency.Month => $"{Number}月",
        Frequency.Quarter => $"第{ChineseNumerals[Number - 1]}季度",
        Frequency.Half => $"{(Number == 1 ? "上" : "下")}半年",
        _ => "全年",
    };

    public override string ToString() => Frequency switch
    {
        Frequency.Week => $"{Year:D4}-W{Number:D2}",
        Frequency.Dekad => $"{Year:D4}-{Number:D2}-D{Dekad}",
        Frequency.Month => $"{Year:D4}-{Number:D2}",
        Frequency.Quarter => $"{Year:D4}-Q{Number}",
        Frequency.Half => $"{Year:D4}-H{Number}",
        _ => $"{Year:D4}",
    };

    /// <summary>
    /// Reads a period as people write it into the one form <see cref="ToString"/> prints: a month "2022-06", "2022-6",
    /// "2022/6", "2022.06", "2022年6月", "202206"; a week "2022-W25", "2022W25", "2022年第25周"; a dekad "2022-06-D2",
    /// "2022年6月中旬"; a quarter "2022-Q2", "2022Q2", "2022年第二季度", "2022年二季度"; a half "2022-H1", "2022年上半年";
    /// a year "2022", "2022年", "2022年度". Years 1900–2999 only, ASCII digits only.
    /// </summary>
    public static bool TryParse(string? text, out ReportingPeriod period)
    {
        period = default;
        if (text is null)
        {
            return false;
        }
        var trimmed = text.Trim();
        if (WrittenMonth().Match(trimmed) is { Success: true } month)
        {
            return Make(Frequency.Month, month, Int(month, "month"), 0, out period);
        }
        var compact = Blanks().Replace(trimmed, "");
        if (WrittenWeek().Match(compact) is { Success: true } week)
        {
            return Make(Frequency.Week, week, Int(week, "week"), 0, out period);
        }
        if (WrittenDekad().Match(compact) is { Success: true } dekad)
        {
            var part = dekad.Groups["part"].Value switch { "1" or "上" => 1, "2" or "中" => 2, _ => 3 };
            return Make(Frequency.Dekad, dekad, Int(dekad, "month"), part, out period);
        }
        if (WrittenQuarter().Match(compact) is { Success: true } quarter)
        {
            var q = quarter.Groups["quarter"].Value;
            return Make(Frequency.Quarter, quarter, q[0] is >= '1' and <= '4' ? q[0] - '0' : Array.IndexOf(ChineseNumerals, q) + 1, 0, out period);
        }
        if (WrittenHalf().Match(compact) is { Success: true } half)
        {
            return Make(Frequency.Half, half, half.Groups["half"].Value is "1" or "上" ? 1 : 2, 0, out period);
        }
        if (WrittenYear().Match(compact) is { Success: true } year)
        {
            return Make(Frequency.Year, year, 1, 0, out period);
        }
        return false;
    }

    private static bool Make(Frequency frequency, Match match, int number, int dekad, out ReportingPeriod period)
    {
        period = default;
        var year = Int(match, "year");
        var valid = year is >= 1900 and <= 2999 && frequency switch
        {
            Frequency.Week => number >= 1 && number <= ISOWeek.GetWeeksInYear(year),
            Frequency.Dekad or Frequency.Month => number is >= 1 and <= 12,
            _ => true,
        };
        if (valid)
        {
            period = new ReportingPeriod(frequency, year, number, dekad);
        }
        return valid;
    }

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static DateOnly MonthEnd(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    /// <summary>"6月20日—26日", "6月27日—7月3日", "12月28日—2021年1月3日".</summary>
    private string WeekDays()
    {
        var (first, last) = (FirstDay, LastDay);
        var end = last.Year != first.Year ? $"{last.Year}年{last.Month}月{last.Day}日"
            : last.Month != first.Month ? $"{last.Month}月{last.Day}日"
            : $"{last.Day}日";
        return $"{first.Month}月{first.Day}日—{end}";
    }

    private static readonly string[] DekadNames = ["上旬", "中旬", "下旬"];

    private static readonly string[] ChineseNumerals = ["一", "二", "三", "四"];

    [GeneratedRegex(@"^(?<year>[0-9]{4})(?:\s*[-/.年]\s*(?<month>[0-9]{1,2})\s*月?|(?<month>[0-9]{2}))$", RegexOptions.CultureInvariant)]
    private static partial Regex WrittenMonth();

    [GeneratedRegex(@"^(?<year>[0-9]{4})(?:-?[Ww](?<week>[0-9]{1,2})|年第(?<week>[0-9]{1,2})周)$", RegexOptions.CultureInvariant)]
    private static partial Regex WrittenWeek();

    [GeneratedRegex(@"^(?<year>[0-9]{4})(?:-(?<month>[0-9]{1,2})-[Dd](?<part>[123])|年(?<month>[0-9]{1,2})月(?<part>[上中下])旬)$", RegexOptions.CultureInvariant)]
    private static partial Regex WrittenDekad();

    [GeneratedRegex(@"^(?<year>[0-9]{4})(?:-?[Qq](?<quarter>[1-4])|年第?(?<quarter>[一二三四1-4])季度)$", RegexOptions.CultureInvariant)]
    private static partial Regex WrittenQuarter();

    [GeneratedRegex(@"^(?<year>[0-9]{4})(?:-?[Hh](?<half>[12])|年(?<half>[上下])半年)$", RegexOptions.CultureInvariant)]
    private static partial Regex WrittenHalf();

    [GeneratedRegex(@"^(?<year>[0-9]{4})(?:年度?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex WrittenYear();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Blanks();
}
