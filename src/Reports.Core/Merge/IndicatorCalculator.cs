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
    public static IReadOnlyDictionary<string, decimal?> ForUnit(ReturnDefinition definition, IReadOnlyDictionary<string, decimal> values) =>
        ForGroup(definition, [values]);

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
