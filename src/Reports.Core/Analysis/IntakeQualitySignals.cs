using Reports.Diagnostics;
using Reports.Intake;
using Reports.Merge;

namespace Reports.Analysis;

/// <summary>
/// The data-quality signals intake already gives: per roster unit, the errors and warnings of the file that
/// counts for it (accepted or rejected), summarised by diagnostic kind. Other sources add their own signals
/// to the same list.
/// </summary>
public static class IntakeQualitySignals
{
    public static IReadOnlyList<DataQualitySignal> From(MergeResult merge, IReadOnlyList<IntakeFileResult> intake)
    {
        var labels = merge.Definition.Sections.SelectMany(s => s.Fields).ToDictionary(f => f.Code, f => f.Label, StringComparer.Ordinal);
        var signals = new List<DataQualitySignal>();
        foreach (var unit in merge.Units.Where(u => u.File is not null))
        {
            var file = intake.FirstOrDefault(f => f.UnitCode == unit.Unit.Code && f.File == unit.File);
            if (file is null)
            {
                continue;
            }
            var findings = file.Diagnostics
                .Where(d => d.Severity != DiagnosticSeverity.Info)
                .GroupBy(d => (d.Code, d.IsError))
                .OrderBy(g => g.Key.IsError ? 0 : 1)
                .ThenBy(g => g.Key.Code, StringComparer.Ordinal);
            foreach (var group in findings)
            {
                var title = DiagnosticCatalog.All.FirstOrDefault(c => c.Code == group.Key.Code)?.Title ?? group.First().Message;
                var fields = group.Select(d => d.Field).OfType<string>().Distinct(StringComparer.Ordinal)
                    .Select(f => labels.GetValueOrDefault(f, f)).ToList();
                var where = fields.Count > 0 ? $"（{string.Join("、", fields)}）" : "";
                signals.Add(new DataQualitySignal(unit.Unit, "报表审核", $"{title}{where}{group.Count()}处", group.Key.IsError));
            }
        }
        return signals;
    }
}
