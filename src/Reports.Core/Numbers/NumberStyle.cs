using System.Globalization;
using Reports.Definitions;

namespace Reports.Numbers;

/// <summary>
/// The number style of a briefing (see the spec): 3393次, 2.3万人次, 11.33亿元, 7222.6万元, 105.28%, 121.9%, 100%.
/// Rounding is half away from zero, as people round by hand. Nothing here throws: a percentage too large for a
/// decimal (a ratio over a tiny denominator) prints as —, like an undefined one.
/// </summary>
public static class NumberStyle
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A count with its unit; person-times (人次, 户次) of 10,000 and more in 万 with one decimal.</summary>
    public static string Count(decimal value, string unit)
    {
        if (value >= 10000 && unit.EndsWith('次') && unit.Length > 1)
        {
            return Round(value / 10000, 1).ToString("0.0", Invariant) + "万" + unit;
        }
        return Round(value, 0).ToString("0", Invariant) + unit;
    }

    /// <summary>An amount given in 万元: from 10,000 万元 in 亿元 with two decimals, else in 万元 with up to two decimals.</summary>
    public static string Amount(decimal wan)
    {
        var rounded = Round(wan, 2);
        if (Math.Abs(rounded) >= 10000)
        {
            return Round(wan / 10000, 2).ToString("0.00", Invariant) + "亿元";
        }
        return rounded.ToString("0.##", Invariant) + "万元";
    }

    /// <summary>A rate as a percentage with the given decimals; exactly 100% prints as 100%; undefined prints as —.</summary>
    public static string Percent(decimal? rate, int decimals)
    {
        if (rate is null || SafeDecimal.Multiply(rate.Value, 100) is not { } percent)
        {
            return "—";
        }
        if (rate.Value == 1m)
        {
            return "100%";
        }
        return Round(percent, decimals).ToString("F" + decimals.ToString(Invariant), Invariant) + "%";
    }

    /// <summary>A ratio against last year: 105.28%.</summary>
    public static string Yoy(decimal? rate) => Percent(rate, 2);

    /// <summary>A completion or coverage rate: 121.9%.</summary>
    public static string Completion(decimal? rate) => Percent(rate, 1);

    /// <summary>A gap between two rates in percentage points: 8.5个百分点.</summary>
    public static string Points(decimal gap) =>
        SafeDecimal.Multiply(Math.Abs(gap), 100) is { } points ? Round(points, 1).ToString("0.0", Invariant) + "个百分点" : "—";

    public static string Indicator(IndicatorDefinition indicator, decimal? value) => indicator.Style switch
    {
        IndicatorStyle.Yoy => Yoy(value),
        IndicatorStyle.Completion => Completion(value),
        _ => value is null ? "—" : Amount(value.Value),
    };

    /// <summary>A figure in a table cell, where the unit stands in the column header: the text's style without the unit
    /// (7222.6 in a 万元 column where the text says 7222.6万元; no thousands separators, trailing zeros dropped).</summary>
    public static string Cell(FieldDefinition field, decimal value) => field.Kind switch
    {
        FieldKind.Amount => Round(value, 2).ToString("0.##", Invariant),
        FieldKind.Rate => SafeDecimal.Multiply(value, 100) is { } percent ? Round(percent, 2).ToString("0.##", Invariant) + "%" : "—",
        _ => Round(value, 0).ToString("0", Invariant),
    };

    /// <summary>An indicator in a table cell.</summary>
    public static string Cell(IndicatorDefinition indicator, decimal? value) => indicator.Style switch
    {
        IndicatorStyle.Amount => value is null ? "—" : Round(value.Value, 2).ToString("0.##", Invariant),
        _ => Indicator(indicator, value),
    };

    /// <summary>Chinese enumeration: "潞州区", "潞州区和沁县", "潞州区、上党区和沁县"; past <paramref name="most"/> names,
    /// the first of them and the count: "甲、乙……丙等120个".</summary>
    public static string JoinNames(IEnumerable<string> names, int most = int.MaxValue)
    {
        var list = names.ToList();
        if (list.Count > most)
        {
            return string.Join("、", list.Take(most)) + $"等{list.Count.ToString(Invariant)}个";
        }
        return list.Count switch
        {
            0 => "",
            1 => list[0],
            _ => string.Join("、", list.Take(list.Count - 1)) + "和" + list[^1],
        };
    }

    private static decimal Round(decimal value, int decimals) => decimal.Round(value, decimals, MidpointRounding.AwayFromZero);
}
