using Reports.Results;

namespace Reports.Pipeline;

/// <summary>
/// The clock the outputs of a wholly approved run read: it always says the latest approval's time (in the run clock's
/// time zone), so the receipts', workbook's and return's dates are the approval's and a re-run writes the same bytes.
/// </summary>
public sealed class ApprovedClock(DateTimeOffset at, TimeZoneInfo zone) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => at.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => zone;

    /// <summary>For results whose every return stands approved with no unit reopened; null otherwise (the run's own clock then).</summary>
    public static ApprovedClock? For(IReadOnlyList<ReturnResult> results, TimeZoneInfo zone) =>
        results.Count > 0 && results.All(r => r.Decision.Freeze is { Whole: true })
            ? new ApprovedClock(results.Max(r => r.Decision.Freeze!.Approval.At), zone)
            : null;
}
