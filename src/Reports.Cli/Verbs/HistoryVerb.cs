using System.Globalization;
using Reports.Cli.Settings;
using Reports.Intake;
using Reports.Ledger;
using Reports.Periods;
using Reports.Pipeline;

namespace Reports.Cli.Verbs;

/// <summary>
/// The versions a unit sent for a period, in the order received, from the history store: when, the template's
/// 报送时间 stamp, the file, its hash, what intake made of it, and which one the merge uses (the newest submission).
/// </summary>
public sealed class HistoryVerb(ReportsSettings settings, TimeProvider clock, TextWriter output, UiText text)
{
    public int Execute(string returnCode, ReportingPeriod period, string unitCode, string rosterPath)
    {
        // A code not on the roster is a typing mistake, not a unit that sent nothing: said as such, exit 2.
        var roster = Rosters.RosterLoader.Load(rosterPath);
        if (roster.Units.All(u => u.Code != unitCode))
        {
            throw new SettingsException(text.T($"单位代码 {unitCode} 不在名册“{roster.Name}”（{rosterPath}）中：请核对 --unit，或用 --roster 指定名册",
                $"unit code {unitCode} is not on the roster “{roster.Name}” ({rosterPath}): check --unit, or name the roster with --roster"));
        }
        using var office = OfficeLedger.Open(settings, clock, text, returnCode, period, roster: null, write: false);
        var ledger = office.Ledger;
        // Decided as a merge decides (the ledger's one rule): the version received last counts, withdrawn ones never.
        var decision = ledger.Decide([]);
        var versions = decision.Files.Where(v => v.UnitCode == unitCode).ToList();
        if (versions.Count == 0)
        {
            output.WriteLine(text.T($"存储库中没有 {unitCode} 在 {period} 报送的 {returnCode}。", $"The store holds no {returnCode} from {unitCode} for {period}."));
            WriteApprovals(ledger, unitCode);
            return (int)ExitCode.Success;
        }
        var receipts = ledger.Receipts.ToLookup(r => r.Sha256, StringComparer.Ordinal);
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
                Diagnostics.ShownText.Escape(Path.GetFileName(version.File)),
                version.Sha256.Length >= 12 ? version.Sha256[..12] : version.Sha256,
                Status(version.Status),
                $"{text.T("错误", "errors")} {version.ErrorCount}",
                $"{text.T("提醒", "warnings")} {version.WarningCount}",
                chosen && version.Status == IntakeStatus.Accepted ? text.T("← 汇总采用", "← used by the merge")
                : chosen ? text.T("← 本期以此为准（退回待改）", "← the unit's current version (sent back)") : ""));
            foreach (var receipt in receipts[version.Sha256])
            {
                var name = Diagnostics.ShownText.Escape(receipt.Name);
                output.WriteLine(text.T($"     回执 {name}（{Format(receipt.IssuedAt)} 出具）", $"     receipt {name} (issued {Format(receipt.IssuedAt)})"));
            }
            foreach (var note in version.Diagnostics.Where(d => d.Code == Diagnostics.DiagnosticCatalog.PendingAfterApproval.Code))
            {
                output.WriteLine($"     {Diagnostics.ShownText.Line(note.Message)}");
            }
            foreach (var note in version.Diagnostics.Where(d => d.Code == Diagnostics.DiagnosticCatalog.Withdrawn.Code))
            {
                output.WriteLine($"     {Diagnostics.ShownText.Line(note.Message)}");
            }
        }
        WriteApprovals(ledger, unitCode);
        return (int)ExitCode.Success;
    }

    /// <summary>The period's approvals and reopenings (of this unit or of all), in the order they were made.</summary>
    private void WriteApprovals(ReturnLedger ledger, string unitCode)
    {
        var events = ledger.Approvals.Select(a => (a.Sequence, Line: text.T(
                $"审定  {Format(a.At)}  {a.By}  本单位{a.Describe(unitCode)}" + (a.Note is { Length: > 0 } note ? $"  备注：{note}" : ""),
                $"approved  {Format(a.At)}  {a.By}  this unit: {a.Describe(unitCode)}" + (a.Note is { Length: > 0 } n ? $"  note: {n}" : ""))))
            .Concat(ledger.Reopenings.Where(r => r.Unit is null || r.Unit == unitCode).Select(r => (r.Sequence, Line: text.T(
                $"重新开放  {Format(r.At)}  {r.By}  {(r.Unit is null ? "全部单位" : "本单位")}  理由：{r.Reason}",
                $"reopened  {Format(r.At)}  {r.By}  {(r.Unit is null ? "every unit" : "this unit")}  why: {r.Reason}"))))
            .OrderBy(e => e.Sequence)
            .ToList();
        if (events.Count == 0)
        {
            return;
        }
        output.WriteLine(text.T("审定与重新开放：", "Approvals and reopenings:"));
        foreach (var (_, line) in events)
        {
            output.WriteLine($"  {line}");
        }
    }

    private string Format(DateTimeOffset? moment) =>
        moment is { } m ? m.ToOffset(clock.LocalTimeZone.GetUtcOffset(m.UtcDateTime)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

    private string Status(IntakeStatus status) => VersionStatusText.Of(status, text);
}
