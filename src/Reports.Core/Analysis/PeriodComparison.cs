using System.Globalization;
using Reports.Definitions;
using Reports.Diagnostics;
using Reports.Merge;
using Reports.Numbers;

namespace Reports.Analysis;

/// <summary>
/// A period against earlier ones: increments (本期新增) of cumulative figures, and the signals only history can
/// give: a cumulative figure that went down, a jump beyond a factor, a return copied from the previous period.
/// </summary>
public static class PeriodComparison
{

    public static IReadOnlyList<FieldIncrement> Increments(MergeResult current, MergeResult previous) =>
        Pairs(current, previous)
            .SelectMany(pair => current.Definition.Fields
                .Where(f => f.IsCumulativeFigure && pair.Now.Values.ContainsKey(f.Code) && pair.Before.Values.ContainsKey(f.Code))
                .Select(f => new FieldIncrement(pair.Now.Unit, f.Code, pair.Before.Values[f.Code], pair.Now.Values[f.Code])))
            .ToList();

    public static IReadOnlyList<Diagnostic> Signals(MergeResult current, MergeResult previous, decimal jumpFactor)
    {
        var signals = new List<Diagnostic>();
        var definition = current.Definition;
        var declaresDecrease = definition.Checks.Any(c => c.Kind == ReturnCheckKind.NotBelowPrevious);
        foreach (var (now, before) in Pairs(current, previous))
        {
            var figures = definition.Fields.Where(f => f.IsCumulativeFigure && now.Values.ContainsKey(f.Code) && before.Values.ContainsKey(f.Code)).ToList();
            if (figures.Count > 0 && figures.All(f => now.Values[f.Code] == before.Values[f.Code]) && figures.Any(f => now.Values[f.Code] != 0))
            {
                signals.Add(DiagnosticCatalog.SameAsPrevious.ForUnit(now.Unit.Code,
                    $"{current.Period}的各项数字与{previous.Period}完全相同，可能照抄了上期报表，请核实", figures[0].Code));
                continue;
            }
            foreach (var field in figures)
            {
                var was = before.Values[field.Code];
                var isNow = now.Values[field.Code];
                if (definition.Cumulative && isNow < was)
                {
                    // A definition that declares the check has intake make it (RPT045, with the county's explanation); no second signal.
                    if (!declaresDecrease)
                    {
                        signals.Add(DiagnosticCatalog.CumulativeDecrease.ForUnit(now.Unit.Code,
                            $"{Quoted.Name(field.Label)}是累计数，{current.Period}为 {Show(isNow)}{field.Unit}，少于{previous.Period}的 {Show(was)}{field.Unit}", field.Code));
                    }
                }
                else if (was > 0 && SafeDecimal.Divide(isNow, was) is var factor && (factor is null || factor > jumpFactor))
                {
                    // A factor too large for a decimal (only a tiny previous figure gives one) is a jump all the same.
                    var times = factor is { } f ? Show(decimal.Round(f, 1)) : "极多";
                    signals.Add(DiagnosticCatalog.CumulativeJump.ForUnit(now.Unit.Code,
                        $"{Quoted.Name(field.Label)}由{previous.Period}的 {Show(was)}{field.Unit} 增至{current.Period}的 {Show(isNow)}{field.Unit}，为上期的 {times} 倍，超过 {Show(jumpFactor)} 倍，请核实", field.Code));
                }
            }
        }
        return signals;
    }

    /// <summary>Year-on-year for every field a last-year reference field points at, total of the group.</summary>
    public static IReadOnlyList<YearOnYear> YearOnYear(MergeResult current, MergeResult? lastYear) =>
        current.Definition.Fields
            .Where(f => f.PreviousOf is not null)
            .Select(reference =>
            {
                var field = reference.PreviousOf!;
                var now = current.Total.Values.GetValueOrDefault(field);
                if (lastYear is not null)
                {
                    // Same units on both sides, so a county that did not report last year does not inflate the ratio.
                    var units = Pairs(current, lastYear).Where(p => p.Now.Values.ContainsKey(field) && p.Before.Values.ContainsKey(field)).ToList();
                    return new YearOnYear(field, "store", lastYear.Period.ToString(),
                        units.Count == 0 ? null : Sum(units.Select(p => p.Before.Values[field])), Sum(units.Select(p => p.Now.Values[field])));
                }
                var withReference = current.Accepted.Where(u => u.Values.ContainsKey(field) && u.Values.ContainsKey(reference.Code)).ToList();
                return new YearOnYear(field, "return", null,
                    withReference.Count == 0 ? null : Sum(withReference.Select(u => u.Values[reference.Code])), Sum(withReference.Select(u => u.Values[field])));
            })
            .ToList();

    private static IEnumerable<(UnitResult Now, UnitResult Before)> Pairs(MergeResult current, MergeResult previous) =>
        current.Accepted.Select(u => (Now: u, Before: previous.Accepted.FirstOrDefault(p => p.Unit.Code == u.Unit.Code)))
            .Where(p => p.Before is not null)
            .Select(p => (p.Now, p.Before!));

    /// <summary>Merged figures are bounded (see <see cref="Merger"/>), so their sum always fits: null would be a bug.</summary>
    private static decimal Sum(IEnumerable<decimal> figures) =>
        SafeDecimal.Sum(figures) ?? throw new InvalidOperationException("界内数字之和溢出：程序错误");

    private static string Show(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
