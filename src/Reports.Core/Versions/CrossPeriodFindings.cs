using Reports.Definitions;
using Reports.Diagnostics;
using Reports.Intake;
using Reports.Intake.Xlsx;

namespace Reports.Versions;

/// <summary>
/// The findings of a version that depend on another period (a must-explain <c>notBelowPrevious</c> check against the
/// previous period's accepted figures), made again from the version's stored figures against the previous period as
/// the store has it now: a version received before the previous period was corrected, withdrawn or approved is judged
/// as a fresh reading of it would be today, not as it was at its first reading. The declared checks are made again as
/// intake makes them (<see cref="DeclaredChecks"/>); where they now say something else, they replace the stored ones
/// (with the 情况说明 errors they raise) at the same place in the version's findings, and the verdict follows its errors.
/// </summary>
public static class CrossPeriodFindings
{
    /// <summary>Whether a definition declares a check against another period (else nothing is made again).</summary>
    public static bool Apply(ReturnDefinition definition) => definition.Checks.Any(c => c.Kind == ReturnCheckKind.NotBelowPrevious);

    /// <summary>
    /// The version with its declared checks made again against <paramref name="context"/>'s previous figures; the very
    /// version when they say what the store holds (always so for a unit the previous period has no figures of and no
    /// stored finding against it).
    /// </summary>
    public static StoredVersion Reevaluate(StoredVersion version, IntakeContext context)
    {
        if (version.Submission is not { } submission || version.UnitCode is not { } unit || !Concerns(version, context.Previous))
        {
            return version;
        }
        var file = version.File;
        var cells = new Dictionary<string, FieldCell>(StringComparer.Ordinal);
        foreach (var (code, reading) in submission.Cells)
        {
            if (context.Definition.FindField(code) is { } field)
            {
                cells[code] = new FieldCell(field, reading.Sheet, reading.Cell, XlsxCellValue.Empty);
            }
        }
        var values = new Dictionary<string, ParsedValue>(StringComparer.Ordinal);
        foreach (var code in submission.Values.Keys.Concat(submission.Texts.Keys).Distinct(StringComparer.Ordinal))
        {
            values[code] = new ParsedValue(submission.Values.TryGetValue(code, out var number) ? number : null, submission.Texts.GetValueOrDefault(code));
        }
        var made = new List<Diagnostic>();
        DeclaredChecks.Check(context, unit, cells, values, file, made);
        var stored = version.Diagnostics.Where(IsDeclared).ToList();
        if (made.SequenceEqual(stored))
        {
            return version;
        }
        var findings = version.Diagnostics.ToList();
        var at = findings.FindIndex(IsDeclared);
        if (at < 0)
        {
            // None stored: where a reading puts them, after the return's own cells and before its detail tables and stamp.
            at = findings.FindIndex(d => ReadAfterDeclared.Contains(d.Code));
            at = at < 0 ? findings.Count : at;
        }
        findings.RemoveAll(IsDeclared);
        findings.InsertRange(Math.Min(at, findings.Count), made);
        var verdict = findings.Any(d => d.IsError) ? IntakeStatus.Rejected : IntakeStatus.Accepted;
        return version with { Checked = version.Checked with { Diagnostics = findings, Status = verdict } };
    }

    /// <summary>
    /// Whether the previous period can change what the checks make of <paramref name="version"/>: its unit has figures
    /// there, or the version was found below them before (the previous figures have gone since).
    /// </summary>
    public static bool Concerns(StoredVersion version, PreviousFigures? previous) =>
        version.UnitCode is { } unit
        && (previous?.ByUnit.ContainsKey(unit) == true || version.Diagnostics.Any(d => d.Code == DiagnosticCatalog.BelowPrevious.Code));

    /// <summary>A finding of a declared check, or the 情况说明 error one raises.</summary>
    private static bool IsDeclared(Diagnostic finding) => DiagnosticCatalog.DeclaredCheckCodes.Contains(finding.Code) || DiagnosticCatalog.IsUnexplained(finding);

    /// <summary>Findings only a return's detail tables and its 报送时间 give: a reading makes them after the declared checks.</summary>
    private static readonly HashSet<string> ReadAfterDeclared = new(StringComparer.Ordinal)
    {
        DiagnosticCatalog.DetailTableMissing.Code, DiagnosticCatalog.DetailBadDate.Code, DiagnosticCatalog.DetailNotInList.Code,
        DiagnosticCatalog.DetailConditionalBlank.Code, DiagnosticCatalog.DetailCountWhereMismatch.Code, DiagnosticCatalog.DetailDuplicate.Code,
        DiagnosticCatalog.DetailRowCountMismatch.Code, DiagnosticCatalog.DetailSumMismatch.Code,
        DiagnosticCatalog.SubmissionStampInvalid.Code, DiagnosticCatalog.SubmissionStampInFuture.Code,
    };
}
