using System.Globalization;
using Reports.Cli.Settings;
using Reports.Definitions;
using Reports.Intake;
using Reports.Periods;
using Reports.Pipeline;
using Reports.Versions;

namespace Reports.Cli.Verbs;

/// <summary>
/// <c>reports explain</c>: the chain from a figure the outputs print back to the cell a county typed it in, from the
/// store alone: the value and how it was read (its warnings included), the file, sheet!cell and SHA-256, every
/// version the unit sent and why the one used was chosen (the one rule), and the approval that froze it.
/// </summary>
public sealed class ExplainVerb(ReportsSettings settings, TimeProvider clock, TextWriter output, UiText text)
{
    public int Execute(string returnCode, ReportingPeriod period, string unitCode, string fieldCode)
    {
        var definition = ReturnDefinitionLoader.LoadFor(settings.TemplatesDirectory, returnCode, period);
        var field = definition.FindField(fieldCode) ?? throw new SettingsException(text.T(
            $"{returnCode} 没有字段 {fieldCode}；可用的字段：{string.Join("、", definition.Fields.Select(f => f.Code))}",
            $"{returnCode} has no field {fieldCode}; its fields: {string.Join(", ", definition.Fields.Select(f => f.Code))}"));
        using var office = OfficeLedger.Open(settings, clock, text, returnCode, period, roster: null, write: false);
        var freeze = office.Ledger.Freeze;
        // The decision every run takes (the ledger's one rule, under the approval in force).
        var decision = office.Ledger.Decide([]);
        var versions = decision.Files.Where(f => f.UnitCode == unitCode).ToList();
        if (decision.For(unitCode) is not { Submission: { } submission } chosen)
        {
            throw new SettingsException(versions.Count == 0
                ? text.T($"存储库中没有 {unitCode} 在 {period} 报送的 {returnCode}", $"the store holds no {returnCode} from {unitCode} for {period}")
                : text.T($"{unitCode} 在 {period} 没有参与汇总的版本（共收到 {versions.Count} 个文件，见 reports history）",
                    $"no version of {unitCode} counts for {period} ({versions.Count} file(s) received; see reports history)"));
        }

        var value = submission.Values.TryGetValue(field.Code, out var number) ? number.ToString(CultureInfo.InvariantCulture)
            : submission.Texts.GetValueOrDefault(field.Code);
        output.WriteLine(text.T($"{unitCode} {definition.Title} {period}：{field.Label}（{field.Code}）", $"{unitCode} {definition.Title} {period}: {field.Label} ({field.Code})"));
        output.WriteLine(text.T("  数值：", "  value: ") + (value is null ? text.T("（空）", "(blank)") : $"{value} {field.Unit}".TrimEnd())
            + (chosen.Status == IntakeStatus.Rejected ? text.T("（该版本有错误，已退回，未计入汇总）", " (this version has errors: sent back, not in the merge)") : ""));
        if (submission.Cells.TryGetValue(field.Code, out var cell))
        {
            output.WriteLine(text.T($"  读取自：{cell.Sheet}!{cell.Cell}，原始填写：{Quote(cell.Typed)}", $"  read from: {cell.Sheet}!{cell.Cell}, as typed: {Quote(cell.Typed)}"));
        }
        else
        {
            output.WriteLine(text.T("  读取自：（存储库未记录单元格：此版本由旧版程序收入）", "  read from: (the store kept no cell: received by an older release)"));
        }
        foreach (var note in chosen.Diagnostics.Where(d => d.Field == field.Code))
        {
            output.WriteLine($"  {Diagnostics.DiagnosticCatalogDocument.SeverityName(note.Severity)} {note.Code}: {Diagnostics.ShownText.Line(note.Message)}");
        }
        output.WriteLine(text.T($"  文件：{Diagnostics.ShownText.Escape(Path.GetFileName(chosen.File))}", $"  file: {Diagnostics.ShownText.Escape(Path.GetFileName(chosen.File))}"));
        output.WriteLine($"  SHA-256: {chosen.Sha256}");
        output.WriteLine(text.T($"  收到：{Format(chosen.ReceivedAt)}；{(submission.Stamp is null ? "文件时间" : "报送时间")} {Format(submission.SubmittedAt)}",
            $"  received: {Format(chosen.ReceivedAt)}; {(submission.Stamp is null ? "file time" : "stamp")} {Format(submission.SubmittedAt)}"));

        output.WriteLine(text.T($"  版本：本期共收到 {versions.Count} 个文件，采用第 {versions.IndexOf(chosen) + 1} 个。{Why(chosen, versions, freeze)}",
            $"  versions: {versions.Count} file(s) received this period; number {versions.IndexOf(chosen) + 1} is used. {Why(chosen, versions, freeze)}"));
        for (var i = 0; i < versions.Count; i++)
        {
            var version = versions[i];
            output.WriteLine($"    {i + 1}. {Format(version.ReceivedAt)}  {Diagnostics.ShownText.Escape(Path.GetFileName(version.File))}  {version.Sha256[..Math.Min(12, version.Sha256.Length)]}  "
                + VersionStatusText.Of(version.Status, text) + (ReferenceEquals(version, chosen) ? text.T("  ← 采用", "  ← used") : ""));
        }
        output.WriteLine(freeze is null
            ? text.T("  审定：本期未审定（或已全部重新开放），以后收到的更新版本会替代它。", "  approval: the period is not approved (or wholly reopened): a newer version would replace it.")
            : freeze.Holds(unitCode)
                ? text.T($"  审定：{Format(freeze.Approval.At)} 由 {freeze.Approval.By} 审定{Note(freeze.Approval.Note)}，本单位冻结为此版本；之后收到的文件待审。",
                    $"  approval: approved {Format(freeze.Approval.At)} by {freeze.Approval.By}{Note(freeze.Approval.Note)}; this unit is frozen at this version, later files are pending.")
                : text.T($"  审定：{Format(freeze.Approval.At)} 由 {freeze.Approval.By} 审定，其后本单位已重新开放，以最新版本为准。",
                    $"  approval: approved {Format(freeze.Approval.At)} by {freeze.Approval.By}, then this unit was reopened: its newest version counts."));
        return (int)ExitCode.Success;
    }

    /// <summary>Why the one rule chose this version.</summary>
    private string Why(DecidedVersion chosen, IReadOnlyList<DecidedVersion> versions, Freeze? freeze) =>
        freeze is not null && freeze.Holds(chosen.UnitCode!) ? text.T("本期已审定，采用审定时的版本。", "The period is approved: the approved version is used.")
        : versions.Count(v => v.Status is IntakeStatus.Accepted or IntakeStatus.Rejected or IntakeStatus.Superseded or IntakeStatus.Pending) == 1 ? text.T("这是本单位本期唯一有效的版本。", "It is the unit's only valid version.")
        : text.T("这是市级最后收到的版本（先按收到的先后，同时收到的再按报送时间、文件时间）。",
            "It is the version the office received last (by reception, then the stamp and the file time for versions received together).");

    private string Note(string? note) => note is { Length: > 0 } ? text.T($"（备注：{note}）", $" (note: {note})") : "";

    private string Quote(string? typed) => typed is null ? text.T("（空）", "(blank)") : text.T($"“{typed}”", $"\"{typed}\"");

    private string Format(DateTimeOffset? moment) =>
        moment is { } m ? m.ToOffset(clock.LocalTimeZone.GetUtcOffset(m.UtcDateTime)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";
}
