using Reports.Definitions;

namespace Reports.Merge;

/// <summary>
/// Computes indicators as ratios of sums. For a group the sums run over the units that have every field
/// of the indicator, so a unit with a blank denominator cannot inflate the numerator. A zero denominator
/// gives null ("—"), never 0 or infinity.
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
            var numerator = complete.Sum(values => indicator.Numerator.Sum(code => values[code]));
            if (!indicator.IsRate)
            {
                result[indicator.Code] = numerator;
                continue;
            }
            var denominator = complete.Sum(values => indicator.Denominator.Sum(code => values[code]));
            result[indicator.Code] = denominator == 0 ? null : numerator / denominator;
        }
        return result;
    }
}
