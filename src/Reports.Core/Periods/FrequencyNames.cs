namespace Reports.Periods;

/// <summary>A frequency's name in a return definition (<c>"frequencies": ["week", "dekad", "month"]</c>) and in Chinese.</summary>
public static class FrequencyNames
{
    public static string Code(this Frequency frequency) => frequency switch
    {
        Frequency.Week => "week",
        Frequency.Dekad => "dekad",
        Frequency.Month => "month",
        Frequency.Quarter => "quarter",
        Frequency.Half => "half",
        _ => "year",
    };

    /// <summary>"周", "旬", "月" …: 按周、旬、月报送.</summary>
    public static string Chinese(this Frequency frequency) => frequency switch
    {
        Frequency.Week => "周",
        Frequency.Dekad => "旬",
        Frequency.Month => "月",
        Frequency.Quarter => "季度",
        Frequency.Half => "半年",
        _ => "年",
    };

    public static bool TryParse(string? code, out Frequency frequency)
    {
        foreach (var candidate in Enum.GetValues<Frequency>())
        {
            if (candidate.Code() == code)
            {
                frequency = candidate;
                return true;
            }
        }
        frequency = default;
        return false;
    }

    /// <summary>"week、dekad、month、quarter、half 或 year", for a definition's error.</summary>
    public static string AllCodes => string.Join("、", Enum.GetValues<Frequency>().Select(f => f.Code()));
}
