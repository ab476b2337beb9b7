using System.Globalization;
using Reports.Cli.Settings;
using Reports.Periods;
using Reports.Pipeline;
using Reports.Store;
using Reports.Versions;

namespace Reports.Cli.Verbs;

/// <summary>
/// <c>reports approve</c>: the office approves (审定) a return's period. The store records the version each unit's
/// figures come from under the one rule, with time, the OS user and the note; from then on every run of the period
/// uses exactly those versions, and a file received later is pending until <c>reports reopen</c>.
/// </summary>
public sealed class ApproveVerb(ReportsSettings settings, TimeProvider clock, TextWriter output, UiText text)
{
    public int Execute(string returnCode, ReportingPeriod period, string? note)
    {
        using var store = OpenStore(settings, clock, text);
        var versions = store.Versions(returnCode, period);
        if (versions.Count == 0)
        {
            throw new SettingsException(text.T($"存储库中没有 {returnCode} {period} 的任何报表：先运行 reports run 再审定",
                $"the store holds no {returnCode} for {period}: run reports run before approving"));
        }
        // Exactly what the next run would merge: the one rule, under the approval in force (a reopened unit's newest version).
        var decision = VersionSelector.Decide(versions, store.FreezeOf(returnCode, period));
        var approval = store.Approve(returnCode, period, decision.Chosen.ToDictionary(c => c.Key, c => c.Value.Sha256, StringComparer.Ordinal), note, Environment.UserName);
        output.WriteLine(text.T(
            $"已审定 {returnCode} {period}：{approval.Versions.Count} 个单位的版本已冻结（{approval.At.ToOffset(clock.LocalTimeZone.GetUtcOffset(approval.At.UtcDateTime)):yyyy-MM-dd HH:mm}，{approval.By}）。此后收到的文件记为待审，不改变汇总数；要采用新文件请用 reports reopen。",
            $"approved {returnCode} {period}: the versions of {approval.Versions.Count} unit(s) are frozen ({approval.At:yyyy-MM-dd HH:mm}Z, {approval.By}). Files received later are pending and change no figure; reopen a unit with reports reopen."));
        foreach (var (unit, sha256) in approval.Versions.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {unit}  {Path.GetFileName(decision.Chosen[unit].File)}  {sha256[..12]}");
        }
        return (int)ExitCode.Success;
    }

    /// <summary>The store the office keeps (approving and reopening need one that a run has filled).</summary>
    internal static ReturnStore OpenStore(ReportsSettings settings, TimeProvider clock, UiText text) =>
        File.Exists(settings.Store)
            ? ReturnStore.Open(settings.Store, clock)
            : throw new FileNotFoundException(text.T($"存储库不存在：{settings.Store}（先运行 reports run）", $"no store at {settings.Store} (run reports run first)"), settings.Store);
}
