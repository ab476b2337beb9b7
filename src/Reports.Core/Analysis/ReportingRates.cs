using Reports.Merge;
using Reports.Numbers;

namespace Reports.Analysis;

/// <summary>
/// The whole roster's reporting, as DHIS2's reporting-rate summary counts it: expected (every roster unit), received
/// (a return was read: accepted or sent back), accepted (in the merge), sent back, missing (nothing read), on time
/// (received by the deadline; null without one) and pending (units with a file received after the approval).
/// Rates are fractions of the expected units, to four places; null when nothing is expected or no deadline is set.
/// </summary>
public sealed record ReportingRates(int Expected, int Received, int Accepted, int SentBack, int Missing, int? OnTime, int Pending)
{
    public decimal? ReceivedRate => Rate(Received);

    public decimal? AcceptedRate => Rate(Accepted);

    public decimal? OnTimeRate => OnTime is { } onTime ? Rate(onTime) : null;

    public static ReportingRates Of(IReadOnlyList<UnitSubmission> units, bool hasDeadline)
    {
        var accepted = units.Count(u => u.Status == UnitStatus.Accepted);
        var sentBack = units.Count(u => u.Status == UnitStatus.Rejected);
        return new ReportingRates(
            units.Count,
            accepted + sentBack,
            accepted,
            sentBack,
            units.Count - accepted - sentBack,
            hasDeadline ? units.Count(u => u.Status != UnitStatus.Missing && u.OnTime == true) : null,
            units.Count(u => u.Pending > 0));
    }

    /// <summary>
    /// The counts and rates in one Chinese sentence, as the workbook, the briefing and <c>status</c> print them:
    /// 应报12个单位，已报送11个（91.7%），通过10个（83.3%），退回1个，未报送1个；按时报送9个（75.0%）。A rate of exactly 100% prints as 100%.
    /// </summary>
    public string Sentence =>
        $"应报{Expected}个单位，已报送{Received}个（{Percent(ReceivedRate)}），通过{Accepted}个（{Percent(AcceptedRate)}），退回{SentBack}个，未报送{Missing}个"
        + (OnTime is { } onTime ? $"；按时报送{onTime}个（{Percent(OnTimeRate)}）" : "")
        + (Pending > 0 ? $"；审定后又报送待审的{Pending}个" : "")
        + "。";

    // The project's one number style: a rate with one decimal, exactly 100% as 100%, "—" when there is none.
    private static string Percent(decimal? rate) => NumberStyle.Completion(rate);

    private decimal? Rate(int count) => Expected == 0 ? null : Math.Round((decimal)count / Expected, 4, MidpointRounding.AwayFromZero);
}
