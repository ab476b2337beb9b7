using System.Globalization;
using Reports.Merge;
using Reports.Versions;

namespace Reports.Results;

/// <summary>
/// The approval (审定) a result stands under, as the outputs show it: when (in the office's time zone), by whom, the
/// note, and the units reopened since (whose newest version counts again), by name in roster order.
/// </summary>
public sealed record ApprovalStatus(DateTimeOffset At, string By, string? Note, IReadOnlyList<string> Reopened)
{
    /// <summary>"已审定（2022-07-06 10:00）", with the units reopened since: the status word the briefing and workbook print.</summary>
    public string Line =>
        $"本期数据已审定（{At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}）"
        + (Reopened.Count > 0 ? $"；其后重新开放：{string.Join("、", Reopened)}，以其最新报送为准" : "");

    public static ApprovalStatus? Of(Freeze? freeze, MergeResult merge, TimeZoneInfo zone) =>
        freeze is null
            ? null
            : new ApprovalStatus(
                TimeZoneInfo.ConvertTime(freeze.Approval.At, zone),
                freeze.Approval.By,
                freeze.Approval.Note,
                merge.Units.Where(u => !freeze.Holds(u.Unit.Code)).Select(u => u.Unit.Name).ToList());
}
