using System.Globalization;
using Reports.Cli.Settings;
using Reports.Intake;
using Reports.Periods;
using Reports.Pipeline;
using Reports.Store;
using Reports.Versions;

namespace Reports.Cli.Verbs;

/// <summary>
/// The versions a unit sent for a period, in the order received, from the history store: when, the template's
/// 报送时间 stamp, the file, its hash, what intake made of it, and which one the merge uses (the newest submission).
/// </summary>
public sealed class HistoryVerb(ReportsSettings settings, TimeProvider clock, TextWriter output, UiText text)
{
    public int Execute(string returnCode, ReportingPeriod period, string unitCode)
    {
        if (!File.Exists(settings.Store))
        {
            throw new FileNotFoundException(text.T($"存储库不存在：{settings.Store}（先运行 reports run）", $"no store at {settings.Store} (run reports run first)"), settings.Store);
        }
        using var store = ReturnStore.Open(settings.Store, clock);
        // Decided as a merge decides (VersionSelector): the version received last counts, withdrawn ones never.
        var decision = VersionSelector.Decide(store.Versions(returnCode, period));
        var versions = decision.Files.Where(v => v.UnitCode == unitCode).ToList();
        if (versions.Count == 0)
        {
            output.WriteLine(text.T($"存储库中没有 {unitCode} 在 {period} 报送的 {returnCode}。", $"The store holds no {returnCode} from {unitCode} for {period}."));
            return (int)ExitCode.Success;
        }
        output.WriteLine(text.T($"{unitCode} {returnCode} {period}：共 {versions.Count} 个版本", $"{unitCode} {returnCode} {period}: {versions.Count} version(s)"));
        for (var i = 0; i < versions.Count; i++)
        {
            var version = versions[i];
            var submission = version.Submission;
            var chosen = decision.IsChosen(version);
            output.WriteLine(string.Join("  ",
                $"{i + 1}.",
                $"{text.T("收到", "received")} {Format(version.ReceivedAt)}",
                $"{text.T("文件时间", "file time")} {Format(submission?.FileTime)}",
                $"{text.T("报送时间", "stamp")} {Format(submission?.Stamp)}",
                Path.GetFileName(version.File),
                version.Sha256.Length >= 12 ? version.Sha256[..12] : version.Sha256,
                Status(version.Status),
                $"{text.T("错误", "errors")} {version.ErrorCount}",
                $"{text.T("提醒", "warnings")} {version.WarningCount}",
                chosen && version.Status == IntakeStatus.Accepted ? text.T("← 汇总采用", "← used by the merge")
                : chosen ? text.T("← 本期以此为准（退回待改）", "← the unit's current version (sent back)") : ""));
            foreach (var note in version.Diagnostics.Where(d => d.Code == Diagnostics.DiagnosticCatalog.Withdrawn.Code))
            {
                output.WriteLine($"     {note.Message}");
            }
        }
        return (int)ExitCode.Success;
    }

    private string Format(DateTimeOffset? moment) =>
        moment is { } m ? m.ToOffset(clock.LocalTimeZone.GetUtcOffset(m.UtcDateTime)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

    private string Status(IntakeStatus status) => status switch
    {
        IntakeStatus.Accepted => text.T("通过", "accepted"),
        IntakeStatus.Rejected => text.T("退回", "rejected"),
        IntakeStatus.Superseded => text.T("已被更新版本取代", "superseded"),
        IntakeStatus.Duplicate => text.T("重复报送", "duplicate"),
        IntakeStatus.Withdrawn => text.T("已撤销", "withdrawn"),
        _ => status.ToString().ToLowerInvariant(),
    };
}
