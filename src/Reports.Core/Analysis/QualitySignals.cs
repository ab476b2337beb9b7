using System.Globalization;
using Reports.Definitions;
using Reports.Diagnostics;
using Reports.Merge;
using Reports.Numbers;

namespace Reports.Analysis;

/// <summary>
/// Looks across the accepted units of one period for figures out of line with their peers ("数字增收" is what the
/// plan warns against): a modified z-score outlier, or a 万元 amount that looks typed in 元. Signals warn; they
/// never change a figure or reject a return.
/// </summary>
public static class QualitySignals
{
    public static string OutlierCode => DiagnosticCatalog.Outlier.Code;
    public static string UnitSlipCode => DiagnosticCatalog.UnitSlip.Code;

    public static IReadOnlyList<Diagnostic> Find(MergeResult merge, QualityThresholds? thresholds = null)
    {
        thresholds ??= QualityThresholds.Default;
        var signals = new List<Diagnostic>();
        var accepted = merge.Accepted.ToList();
        foreach (var field in merge.Definition.NumericFields)
        {
            var values = new List<(UnitResult Unit, decimal Value)>(accepted.Count);
            foreach (var unit in accepted)
            {
                if (unit.Values.TryGetValue(field.Code, out var figure))
                {
                    values.Add((unit, figure));
                }
            }
            if (values.Count < thresholds.MinimumPeers)
            {
                continue; // too few peers to say what is normal
            }
            // Counties differ in size several times over, so spread is measured on the log scale: a county twice
            // the size of another is as ordinary as one half the size.
            var logs = values.Where(v => v.Value > 0).Select(v => Math.Log((double)v.Value)).ToList();
            var medianLog = MedianOf(logs);
            var madLog = MedianOf(logs.Select(l => Math.Abs(l - medianLog)).ToList());
            var sorted = values.Select(v => v.Value).Order().ToArray();
            var median = MedianOfSorted(sorted);
            foreach (var (unit, value) in values)
            {
                // Compared with the median of the *other* units, so the slip itself does not move the yardstick.
                var peers = MedianWithout(sorted, Array.BinarySearch(sorted, value));
                if (field.Kind == FieldKind.Amount && SafeDecimal.Divide(value, peers) is { } times && peers > 0 && times >= thresholds.UnitSlipLow && times <= thresholds.UnitSlipHigh)
                {
                    signals.Add(DiagnosticCatalog.UnitSlip.ForUnit(unit.Unit.Code,
                        $"{Quoted.Name(field.Label)}为 {Show(value)} 万元，约为其他单位中位数（{Show(peers)} 万元）的 {Show(decimal.Round(times, 0))} 倍，可能误以“元”为单位填报", field.Code));
                    continue;
                }
                if (madLog == 0 || value <= 0)
                {
                    continue; // no spread to measure against, or no size to compare
                }
                var score = 0.6745 * (Math.Log((double)value) - medianLog) / madLog;
                // A factor too large to hold is as far out of line as a factor can be.
                var factor = median > 0 ? Math.Max(SafeDecimal.Divide(value, median) ?? decimal.MaxValue, SafeDecimal.Divide(median, value) ?? decimal.MaxValue) : 0;
                if (Math.Abs(score) > (double)thresholds.OutlierScore && factor >= thresholds.OutlierFactor)
                {
                    signals.Add(DiagnosticCatalog.Outlier.ForUnit(unit.Unit.Code,
                        $"{Quoted.Name(field.Label)}为 {Show(value)}{field.Unit}，明显{(score > 0 ? "高于" : "低于")}各单位的一般水平（中位数 {Show(median)}{field.Unit}，修正 z 分数 {score.ToString("0.0", CultureInfo.InvariantCulture)}），请核实", field.Code));
                }
            }
        }
        var fieldOrder = merge.Definition.Fields.Select((f, i) => (f.Code, i)).ToDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);
        return signals
            .OrderBy(s => merge.Roster.PositionOf(s.Unit!))
            .ThenBy(s => fieldOrder[s.Field!])
            .ToList();
    }

    internal static decimal Median(IEnumerable<decimal> values) => MedianOfSorted([.. values.Order()]);

    /// <summary>The median of values already sorted (each field's are sorted once, for this and for <see cref="MedianWithout"/>).</summary>
    private static decimal MedianOfSorted(decimal[] sorted)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>
    /// The median of a sorted array less the element at <paramref name="removed"/>, in constant time (an element
    /// equal to another leaves the same multiset whichever of them is removed).
    /// </summary>
    internal static decimal MedianWithout(decimal[] sorted, int removed)
    {
        var count = sorted.Length - 1;
        if (count <= 0)
        {
            return 0;
        }
        decimal At(int i) => sorted[i < removed ? i : i + 1];
        var middle = count / 2;
        return count % 2 == 1 ? At(middle) : (At(middle - 1) + At(middle)) / 2;
    }

    private static double MedianOf(List<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static string Show(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
