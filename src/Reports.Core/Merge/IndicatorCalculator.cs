using Reports.Definitions;
using Reports.Numbers;

namespace Reports.Merge;

/// <summary>
/// Computes indicators as ratios of sums. For a group the sums run over the units that have every field
/// of the indicator, so a unit with a blank denominator cannot inflate the numerator. A zero denominator
/// gives null ("—"), never 0 or infinity; so does a sum or ratio too large for a decimal (<see cref="SafeDecimal"/>).
/// </summary>
public static class IndicatorCalculator
{
    /// <summary>
    /// A group of one, computed as <see cref="ForGroup"/> computes it (the same sums in the same order, so the same
    /// digits) without its lists and queries: asked once for every unit of a province.
    /// </summary>
    public static IReadOnlyDictionary<string, decimal?> ForUnit(ReturnDefinition definition, IReadOnlyDictionary<string, decimal> values)
    {
        var result = new Dictionary<string, decimal?>(definition.Indicators.Count(), StringComparer.Ordinal);
        foreach (var indicator in definition.Indicators)
        {
            if (!Holds(values, indicator.Numerator) || !Holds(values, indicator.Denominator))
            {
                result[indicator.Code] = null;
                continue;
            }
            var numerator = SumOfOne(values, indicator.Numerator);
            if (!indicator.IsRate || numerator is null)
            {
                result[indicator.Code] = numerator;
                continue;
            }
            var denominator = SumOfOne(values, indicator.Denominator);
            result[indicator.Code] = denominator is { } d ? SafeDecimal.Divide(numerator.Value, d) : null;
        }
        return result;
    }

    private static bool Holds(IReadOnlyDictionary<string, decimal> values, IReadOnlyList<string> codes)
    {
        foreach (var code in codes)
        {
            if (!values.ContainsKey(code))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary><see cref="SumOf"/> over one member: 0 plus the member's own sum, null on overflow.</summary>
    private static decimal? SumOfOne(IReadOnlyDictionary<string, decimal> values, IReadOnlyList<string> codes)
    {
        var own = 0m;
        foreach (var code in codes)
        {
            if (SafeDecimal.Add(own, values[code]) is not { } next)
            {
                return null;
            }
            own = next;
        }
        return SafeDecimal.Add(0m, own);
    }

    public static IReadOnlyDictionary<string, decimal?> ForGroup(ReturnDefinition definition, IReadOnlyList<IReadOnlyDictionary<string, decimal>> members)
    {
        var result = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        foreach (var indicator in definition.Indicators)
        {
            var complete = members
                .Where(values => indicator.Numerator.Concat(indicator.Denominator).All(values.ContainsKey))
                .ToList();
            if (complete.Count == 0)
            {
                result[indicator.Code] = null;
                continue;
            }
            var numerator = SumOf(complete, indicator.Numerator);
            if (!indicator.IsRate || numerator is null)
            {
                result[indicator.Code] = numerator;
                continue;
            }
            var denominator = SumOf(complete, indicator.Denominator);
            result[indicator.Code] = denominator is { } d ? SafeDecimal.Divide(numerator.Value, d) : null;
        }
        return result;
    }

    /// <summary>Σ over members of each member's Σ over the fields (that grouping, so results stay as they were); null on overflow.</summary>
    private static decimal? SumOf(List<IReadOnlyDictionary<string, decimal>> members, IReadOnlyList<string> codes)
    {
        var total = 0m;
        foreach (var values in members)
        {
            if (SafeDecimal.Sum(codes.Select(code => values[code])) is not { } own || SafeDecimal.Add(total, own) is not { } next)
            {
                return null;
            }
            total = next;
        }
        return total;
    }
}
