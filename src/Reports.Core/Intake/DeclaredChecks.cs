using System.Globalization;
using Reports.Definitions;
using Reports.Diagnostics;
using Reports.Merge;
using Reports.Numbers;

namespace Reports.Intake;

/// <summary>
/// The checks a return definition declares (<see cref="ReturnDefinition.Checks"/>), on one unit's figures. A must-fix
/// violation is an error. A must-explain violation is a warning, and: with a real explanation in the 情况说明 cell
/// (<see cref="VerifyNote"/>) it carries that explanation and the return is accepted; without one, an error at the
/// 情况说明 cell (RPT046 empty, RPT047 only 核实无误 and the like) says what to explain and where.
/// </summary>
public static class DeclaredChecks
{
    public static void Check(IntakeContext context, string unit, IReadOnlyDictionary<string, FieldCell> cells,
        IReadOnlyDictionary<string, ParsedValue> values, string file, List<Diagnostic> diagnostics)
    {
        var definition = context.Definition;
        var violations = new List<(ReturnCheck Check, Diagnostic Finding)>();
        foreach (var check in definition.Checks)
        {
            foreach (var finding in Violations(context, check, unit, cells, values, file))
            {
                violations.Add((check, check.Class == CheckClass.MustFix ? finding with { Severity = DiagnosticSeverity.Error } : finding with { Severity = DiagnosticSeverity.Warning }));
            }
        }
        if (violations.Count == 0)
        {
            return;
        }
        var noteCell = cells.GetValueOrDefault(ReturnDefinition.VerifyNoteField);
        var note = values.GetValueOrDefault(ReturnDefinition.VerifyNoteField).Text?.Trim();
        var verdict = VerifyNote.Judge(note);
        foreach (var (check, finding) in violations)
        {
            if (check.Class == CheckClass.MustFix)
            {
                diagnostics.Add(finding);
                continue;
            }
            if (verdict == NoteVerdict.Explanation)
            {
                diagnostics.Add(finding with { Explanation = note });
                continue;
            }
            diagnostics.Add(finding);
            var where = noteCell is null
                ? "情况说明一栏（本文件没有这一栏，可能是旧模板：请用本期下发的模板填报）"
                : $"情况说明一栏（{noteCell.Sheet}!{noteCell.Cell}）";
            var error = verdict == NoteVerdict.Missing
                ? DiagnosticCatalog.NotExplained.At($"{finding.Message}：请核实，数字属实的须在{where}写明原因", file, noteCell?.Sheet, noteCell?.Cell, ReturnDefinition.VerifyNoteField)
                : DiagnosticCatalog.NotAnExplanation.At($"{finding.Message}：情况说明只写了{Quoted.Name(Shorten(note!))}，没有写明原因，请在{where}写明该数为何如此", file, noteCell?.Sheet, noteCell?.Cell, ReturnDefinition.VerifyNoteField);
            diagnostics.Add(error);
        }
    }

    /// <summary>Attaches a version's explanation to its must-explain findings (a version read back from the store keeps its text, not the link).</summary>
    public static IReadOnlyList<Diagnostic> AttachExplanation(IReadOnlyList<Diagnostic> findings, CountySubmission? submission)
    {
        var note = submission?.Texts.GetValueOrDefault(ReturnDefinition.VerifyNoteField)?.Trim();
        if (note is null || VerifyNote.Judge(note) != NoteVerdict.Explanation || findings.Any(DiagnosticCatalog.IsUnexplained))
        {
            return findings;
        }
        return findings.Select(d => d.Severity == DiagnosticSeverity.Warning && DiagnosticCatalog.DeclaredCheckCodes.Contains(d.Code) ? d with { Explanation = note } : d).ToList();
    }

    private static IEnumerable<Diagnostic> Violations(IntakeContext context, ReturnCheck check, string unit, IReadOnlyDictionary<string, FieldCell> cells,
        IReadOnlyDictionary<string, ParsedValue> values, string file)
    {
        var definition = context.Definition;
        decimal? Value(string code) => values.GetValueOrDefault(code).Number;
        Diagnostic At(DiagnosticCode code, string field, string message)
        {
            var cell = cells.GetValueOrDefault(field);
            return code.At(message, file, cell?.Sheet, cell?.Cell, field);
        }
        var reason = check.Reason is { Length: > 0 } r ? $"（{r}）" : "";
        switch (check.Kind)
        {
            case ReturnCheckKind.Range or ReturnCheckKind.Threshold:
            {
                var indicator = definition.FindIndicator(check.Indicator!)!;
                if (UnitIndicator(indicator, Value) is not { } value)
                {
                    yield break;
                }
                var shown = Show(indicator, value);
                if (check.Kind == ReturnCheckKind.Threshold)
                {
                    if (indicator.Threshold!.For(context.Period.Year) is { } required && value < required)
                    {
                        yield return At(DiagnosticCatalog.BelowRequired, indicator.Numerator[0],
                            $"{Quoted.Name(indicator.Label)}为 {shown}，低于{context.Period.Year}年规定的 {Show(indicator, required)}{reason}");
                    }
                }
                else if (value < check.Min || value > check.Max)
                {
                    var bounds = (check.Min, check.Max) switch
                    {
                        ({ } min, { } max) => $"不在 {Show(indicator, min)}～{Show(indicator, max)} 之间",
                        ({ } min, null) => $"低于 {Show(indicator, min)}",
                        _ => $"高于 {Show(indicator, check.Max!.Value)}",
                    };
                    yield return At(DiagnosticCatalog.OutsideRange, indicator.Numerator[0], $"{Quoted.Name(indicator.Label)}为 {shown}，{bounds}{reason}");
                }
                break;
            }
            case ReturnCheckKind.Needs:
            {
                var field = definition.FindField(check.Field!)!;
                var needed = definition.FindField(check.Needs!)!;
                if (Value(field.Code) is > 0 and var amount && Value(needed.Code) is null or 0 && cells.ContainsKey(needed.Code))
                {
                    var was = Value(needed.Code) is null ? "没有填写" : $"为 0{needed.Unit}";
                    yield return At(DiagnosticCatalog.NeedsViolated, needed.Code,
                        $"{Quoted.Name(field.Label)}为 {Show(amount)}{field.Unit}，{Quoted.Name(needed.Label)}却{was}{reason}");
                }
                break;
            }
            case ReturnCheckKind.NotBelowPrevious:
            {
                if (context.Previous?.ByUnit.GetValueOrDefault(unit) is not { } before)
                {
                    yield break;
                }
                foreach (var field in definition.Fields.Where(f => f.IsCumulativeFigure))
                {
                    if (Value(field.Code) is { } now && before.TryGetValue(field.Code, out var was) && now < was)
                    {
                        yield return At(DiagnosticCatalog.BelowPrevious, field.Code,
                            $"{Quoted.Name(field.Label)}是累计数，本期为 {Show(now)}{field.Unit}，少于上期（{context.Previous.Period}）已采用的 {Show(was)}{field.Unit}{reason}");
                    }
                }
                break;
            }
        }
    }

    /// <summary>The unit's own indicator: Σ numerator / Σ denominator of its fields; null when a figure is missing or the denominator is 0.</summary>
    private static decimal? UnitIndicator(IndicatorDefinition indicator, Func<string, decimal?> value)
    {
        var numerator = indicator.Numerator.Select(value).ToList();
        var denominator = indicator.Denominator.Select(value).ToList();
        if (numerator.Any(n => n is null) || denominator.Any(d => d is null) || SafeDecimal.Sum(numerator.Select(n => n!.Value)) is not { } top)
        {
            return null;
        }
        if (indicator.Denominator.Count == 0)
        {
            return top;
        }
        return SafeDecimal.Sum(denominator.Select(d => d!.Value)) is { } bottom && bottom != 0 ? SafeDecimal.Divide(top, bottom) : null;
    }

    private static string Show(IndicatorDefinition indicator, decimal value) => indicator.Style switch
    {
        IndicatorStyle.Yoy => (value * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%",
        IndicatorStyle.Completion => (value * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%",
        _ => Show(decimal.Round(value, 2)) + indicator.Unit,
    };

    private static string Show(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
