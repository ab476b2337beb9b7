using Reports.Cli.Settings;
using Reports.Periods;
using Reports.Pipeline;

namespace Reports.Cli.Verbs;

/// <summary>
/// <c>reports reopen</c>: lifts the approval's freeze for one unit (or every unit), recorded through the ledger with time,
/// the OS user and why; the next run takes that unit's newest version again by the one rule, the other units staying as approved.
/// </summary>
public sealed class ReopenVerb(ReportsSettings settings, TimeProvider clock, TextWriter output, UiText text)
{
    public int Execute(string returnCode, ReportingPeriod period, string? unit, string why)
    {
        if (why.Trim().Length == 0)
        {
            throw new SettingsException(text.T("--why 不能为空：请写明重新开放的理由", "--why must say why the period is reopened"));
        }
        // A code not on the roster would be recorded as reopened for a unit that never reports: a typo, refused.
        if (unit is not null && Rosters.RosterLoader.Load(settings.Roster).Find(unit) is null)
        {
            throw new SettingsException(text.T($"单位 {unit} 不在名册 {settings.Roster} 中，未重新开放", $"unit {unit} is not on the roster {settings.Roster}: nothing reopened"));
        }
        using var office = OfficeLedger.Open(settings, clock, text, returnCode, period, roster: null, write: true);
        if (!office.Ledger.Reopen(unit, why.Trim(), Environment.UserName))
        {
            throw new SettingsException(unit is null
                ? text.T($"{returnCode} {period} 没有生效的审定，无需重新开放", $"{returnCode} {period} has no approval in force: nothing to reopen")
                : text.T($"{returnCode} {period} 的单位 {unit} 没有生效的审定（未审定或已重新开放）", $"unit {unit} of {returnCode} {period} has no approval in force (not approved, or reopened already)"));
        }
        output.WriteLine(unit is null
            ? text.T($"已重新开放 {returnCode} {period} 的全部单位：{why.Trim()}。下次汇总起各单位以最新报送为准。",
                $"reopened every unit of {returnCode} {period}: {why.Trim()}. From the next run each unit's newest version counts.")
            : text.T($"已重新开放 {returnCode} {period} 的单位 {unit}：{why.Trim()}。下次汇总起该单位以最新报送为准，其他单位仍按审定的版本。",
                $"reopened unit {unit} of {returnCode} {period}: {why.Trim()}. From the next run its newest version counts; the other units stay as approved."));
        return (int)ExitCode.Success;
    }
}
