namespace Reports.Periods;

/// <summary>How often a return is collected (see the spec, "Periods and frequencies"); in the order of their length.</summary>
public enum Frequency
{
    /// <summary>An ISO week, Monday to Sunday: 2022-W25.</summary>
    Week,

    /// <summary>A ten-day period (旬) of a month: 1–10, 11–20, 21–end: 2022-06-D2.</summary>
    Dekad,

    /// <summary>A calendar month: 2022-06.</summary>
    Month,

    /// <summary>A quarter: 2022-Q2.</summary>
    Quarter,

    /// <summary>A half year: 2022-H1.</summary>
    Half,

    /// <summary>A calendar year: 2022.</summary>
    Year,
}
