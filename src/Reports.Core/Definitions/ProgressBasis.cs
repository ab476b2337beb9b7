namespace Reports.Definitions;

/// <summary>What a rate is compared with to call a unit lagging: the campaign's time progress, or the year's.</summary>
public enum ProgressBasis
{
    /// <summary>"campaign" in a definition: the share of the campaign window elapsed at the period's end.</summary>
    Campaign,

    /// <summary>"year" in a definition: the share of the calendar year elapsed.</summary>
    Year,
}

/// <summary>The one label each basis has wherever it is printed.</summary>
public static class ProgressBasisText
{
    /// <summary>时序进度 or 年度时序进度.</summary>
    public static string Label(this ProgressBasis basis) => basis == ProgressBasis.Year ? "年度时序进度" : "时序进度";

    /// <summary>The definition file's word for it, <c>campaign</c> or <c>year</c>; null for any other word.</summary>
    public static ProgressBasis? Parse(string? word) => word switch
    {
        "campaign" => ProgressBasis.Campaign,
        "year" => ProgressBasis.Year,
        _ => null,
    };
}
