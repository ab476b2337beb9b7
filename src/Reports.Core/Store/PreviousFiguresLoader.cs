using Reports.Definitions;
using Reports.Intake;
using Reports.Periods;
using Reports.Versions;

namespace Reports.Store;

/// <summary>
/// The previous period's accepted figures per unit, from the store, decided by the one version rule: what intake's
/// <c>notBelowPrevious</c> checks compare with. A store-based check thus feeds intake as part of its context, and its
/// findings are the file's own (recorded with the version, in the receipt, in intake.json) like any other check's.
/// Null when the definition declares no such check or the store holds no version of the previous period.
/// </summary>
public static class PreviousFiguresLoader
{
    public static PreviousFigures? Load(ReturnStore store, ReturnDefinition definition, ReportingPeriod period)
    {
        if (!definition.Checks.Any(c => c.Kind == ReturnCheckKind.NotBelowPrevious))
        {
            return null;
        }
        var previous = period.AddMonths(-1);
        var versions = store.Versions(definition.Code, previous);
        if (versions.Count == 0)
        {
            return null;
        }
        var chosen = VersionSelector.Decide(versions).Chosen;
        var byUnit = chosen.Values
            .Where(f => f.Status == IntakeStatus.Accepted && f.Submission is not null)
            .ToDictionary(f => f.UnitCode!, f => f.Submission!.Values, StringComparer.Ordinal);
        return new PreviousFigures(previous, byUnit);
    }
}
