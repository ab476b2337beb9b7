using Reports.Cli.Settings;
using Reports.Periods;
using Reports.Pipeline;
using Reports.Rosters;

namespace Reports.Cli.Verbs;

/// <summary>
/// <c>reports approve</c>: the office approves (审定) a return's period through its ledger. Each unit's accepted version
/// under the one rule is frozen (only accepted versions); a unit sent back is recorded as 未通过, one that sent nothing as
/// 未报送. It says how many of the expected units passed, and refuses an incomplete period unless
/// <c>--allow-incomplete</c>, naming the units. From then on every run of the period uses exactly the frozen versions,
/// and a file received later is pending until <c>reports reopen</c>.
/// </summary>
public sealed class ApproveVerb(ReportsSettings settings, TimeProvider clock, TextWriter output, UiText text)
{
    public int Execute(string returnCode, ReportingPeriod period, string? note, string rosterPath, bool allowIncomplete)
    {
        var roster = RosterLoader.Load(rosterPath);
        using var office = OfficeLedger.Open(settings, clock, text, returnCode, period, roster, write: true);
        var outcome = office.Ledger.Approve(note, Environment.UserName, allowIncomplete);
        var approval = outcome.Approval!;
        var at = approval.At.ToOffset(clock.LocalTimeZone.GetUtcOffset(approval.At.UtcDateTime));
        output.WriteLine(text.T(
            $"已审定 {returnCode} {period}（{at:yyyy-MM-dd HH:mm}，{approval.By}）：应报 {outcome.Expected} 个单位，通过 {outcome.Accepted}/{outcome.Expected}，其版本已冻结。此后收到的文件记为待审，不改变汇总数；要采用新文件请用 reports reopen。",
            $"approved {returnCode} {period} ({at:yyyy-MM-dd HH:mm}, {approval.By}): {outcome.Accepted}/{outcome.Expected} expected units accepted, their versions frozen. Files received later are pending and change no figure; reopen a unit with reports reopen."));
        if (outcome.SentBack.Count > 0)
        {
            output.WriteLine(text.T($"  未通过：{string.Join("、", outcome.SentBack.Select(u => u.Name))}（其退回的版本不冻结，不计入汇总）",
                $"  sent back (未通过): {string.Join(", ", outcome.SentBack.Select(u => u.Name))} (their rejected versions are not frozen and do not count)"));
        }
        if (outcome.Missing.Count > 0)
        {
            output.WriteLine(text.T($"  未报送：{string.Join("、", outcome.Missing.Select(u => u.Name))}", $"  missing (未报送): {string.Join(", ", outcome.Missing.Select(u => u.Name))}"));
        }
        foreach (var (unit, sha256) in approval.Versions.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {unit}  {Diagnostics.ShownText.Escape(Path.GetFileName(outcome.Decision.Chosen[unit].File))}  {sha256[..12]}");
        }
        return (int)ExitCode.Success;
    }
}
