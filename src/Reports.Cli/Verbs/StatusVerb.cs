using System.Globalization;
using System.Text;
using Reports.Analysis;
using Reports.Cli.Settings;
using Reports.Definitions;
using Reports.Intake;
using Reports.Ledger;
using Reports.Merge;
using Reports.Outputs;
using Reports.Periods;
using Reports.Pipeline;
using Reports.Rosters;
using Reports.Runs;
using Reports.Templates;

namespace Reports.Cli.Verbs;

/// <summary>What <c>status</c> is asked: a return and period, the roster, optionally an inbox not yet merged and where the CSV goes.</summary>
public sealed record StatusRequest(string ReturnCode, ReportingPeriod Period, string RosterPath, string? Inbox, string? CsvPath)
{
    /// <summary>The office's prefill sheet the inbox's files are checked against, as a run checks them (<c>--prefill</c>).</summary>
    public string? PrefillPath { get; init; }
}

/// <summary>
/// Who has reported for a period (from the store, plus an inbox not yet merged), who was sent back, who is missing
/// and who is late against Reports:Deadline: the 催报 list, printed and written as CSV (UTF-8 with BOM, so Excel and
/// WPS open it with its Chinese intact; a name that looks like a formula gets a leading apostrophe, CWE-1236).
/// </summary>
public sealed class StatusVerb(ReportsSettings settings, TimeProvider clock, TextWriter output, UiText text)
{
    /// <summary>How its files are written: the verb's Ctrl-C, and how a file is opened.</summary>
    public OutputWriting Writing { get; init; } = OutputWriting.Default;

    /// <summary>The terminal's width in columns, 0 when unknown (redirected): a list wider than it leaves the file names to the CSV.</summary>
    public int Width { get; init; }

    public int Execute(StatusRequest request)
    {
        OutputTarget.Check(request.CsvPath, "--csv", OutputTarget.Inputs(settings.Store, request.RosterPath), [request.Inbox],
            path => OutputTarget.StartsWith(path, "单位代码,") || OutputTarget.StartsWith(path, "unit,"));
        var definition = ReturnDefinitionLoader.LoadFor(settings.TemplatesDirectory, request.ReturnCode, request.Period);
        var roster = RosterLoader.Load(request.RosterPath);
        if (request.Inbox is { } inbox && !Directory.Exists(inbox))
        {
            throw new DirectoryNotFoundException(text.T($"收件箱目录不存在：{inbox}", $"no such inbox: {inbox}"));
        }
        var prefilled = request.PrefillPath is { } prefillPath ? PrefillSheet.Load(prefillPath, definition) : null;
        // The ledger a run reads and writes (or an empty one): the inbox's files are checked against the same context —
        // prefill and the previous period's figures — and decided by the same rule, as received after everything in the store.
        using var office = OfficeLedger.OpenIfStored(settings, clock, definition, request.Period, roster);
        var ledger = office?.Ledger ?? ReturnLedger.Empty(definition, roster, request.Period, clock);
        var freeze = ledger.Freeze;
        var decision = request.Inbox is { } folder ? ledger.Preview(InboxReader.List(folder, roster), prefilled) : ledger.Decide([]);
        var merge = Merger.Merge(definition, roster, request.Period, settings.Window, decision);
        DateTimeOffset? deadline = settings.DeadlineFor(request.Period) is { } due ? new DateTimeOffset(due, clock.LocalTimeZone.GetUtcOffset(due)) : null;
        var overview = SubmissionOverview.Build(merge, decision, deadline);

        var rows = overview.Units.Select(u => new[]
        {
            u.Unit.Code,
            u.Unit.Name,
            Describe(u),
            u.ReceivedAt?.ToOffset(clock.LocalTimeZone.GetUtcOffset(u.ReceivedAt.Value.UtcDateTime)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "",
            u.OnTime switch { true => text.T("按时", "on time"), false => text.T("逾期", "late"), null => "" },
            u.Versions.ToString(CultureInfo.InvariantCulture),
            u.Errors.ToString(CultureInfo.InvariantCulture),
            u.File is null ? "" : Diagnostics.ShownText.Escape(Path.GetFileName(u.File)), // a county's file name, shown: never raw on a terminal
        }).ToList();
        // Every column named for what it counts, in the list and in the CSV alike (a bare "1  0" explains nothing).
        string[] header = [text.T("单位代码", "unit code"), text.T("单位名称", "unit"), text.T("报送情况", "status"), text.T("收到时间", "received"),
            text.T("是否按时", "on time"), text.T("收到文件数", "files received"), text.T("错误数", "errors"), text.T("本期以此文件为准", "the file that counts")];

        var chase = overview.Units.Where(NeedsChasing).ToList();
        var rates = overview.Rates;
        output.WriteLine(text.T(
            $"{roster.Name} {definition.Title} {request.Period} 报送情况：{rates.Sentence}",
            $"{roster.Name} {definition.Title} {request.Period}: expected {rates.Expected}; received {rates.Received} ({Percent(rates.ReceivedRate)}); accepted {rates.Accepted} ({Percent(rates.AcceptedRate)}); sent back {rates.SentBack}; missing {rates.Missing}"
            + (rates.OnTime is { } onTime ? $"; on time {onTime} ({Percent(rates.OnTimeRate)})" : "") + (rates.Pending > 0 ? $"; pending after approval {rates.Pending}" : "")));
        if (freeze is not null)
        {
            var at = freeze.Approval.At.ToOffset(clock.LocalTimeZone.GetUtcOffset(freeze.Approval.At.UtcDateTime)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            output.WriteLine(text.T($"已审定（{at}，{freeze.Approval.By}）", $"approved ({at}, {freeze.Approval.By})")
                + (freeze.Whole ? "" : text.T($"；其后重新开放：{string.Join("、", freeze.Reopened.Order(StringComparer.Ordinal))}", $"; reopened since: {string.Join(", ", freeze.Reopened.Order(StringComparer.Ordinal))}")));
        }
        if (deadline is null)
        {
            output.WriteLine(text.T("（未设置报送截止时间 Reports:Deadline，不判断是否逾期）", "(no Reports:Deadline set: lateness not judged)"));
        }
        // The list as aligned columns under the same headers; a column empty for every unit (是否按时 without a deadline) is left out.
        var shown = Enumerable.Range(0, header.Length).Where(i => rows.Any(r => r[i].Length > 0)).ToList();
        IReadOnlyList<string> Lines() => [.. Console.TextColumns.Table([.. rows.Prepend(header).Select(r => (IReadOnlyList<string>)[.. shown.Select(i => r[i].Length > 0 ? r[i] : "—")])])];
        var lines = Lines();
        var fileNamesLeftOut = Width > 0 && lines.Any(l => Console.TextColumns.Width(l) > Width) && shown.Remove(header.Length - 1);
        foreach (var line in fileNamesLeftOut ? Lines() : lines)
        {
            output.WriteLine(line);
        }
        if (fileNamesLeftOut)
        {
            output.WriteLine(text.T("  （终端较窄，文件名未列出，见下面的 CSV）", "  (a narrow terminal: the file names are in the CSV below)"));
        }
        output.WriteLine(chase.Count == 0
            ? text.T("无需催报。", "Nobody to chase.")
            : text.T($"催报：{string.Join("、", chase.Select(u => u.Unit.Name))}", $"To chase: {string.Join(", ", chase.Select(u => u.Unit.Name))}"));

        var csv = request.CsvPath is { } given ? Path.GetFullPath(given)
            : Path.Combine(PeriodFolder.For(settings.Output.Root, request.Period.ToString()), $"催报-{definition.Code}-{request.Period}.csv");
        OutputFile.CreateFolder(Path.GetDirectoryName(csv)!);
        var content = new StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            content.Append(string.Join(",", row.Select(SpreadsheetText.CsvCell))).Append("\r\n");
        }
        OutputFile.Write(csv, new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(content.ToString())).ToArray(), Writing);
        output.WriteLine($"{text.T("已写出", "wrote")} {csv}");
        return (int)(chase.Count == 0 ? ExitCode.Success : ExitCode.Incomplete);
    }

    private static string Percent(decimal? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>Missing, sent back, or in but late.</summary>
    private static bool NeedsChasing(UnitSubmission unit) => unit.Status != UnitStatus.Accepted || unit.OnTime == false;

    private string Describe(UnitSubmission unit) => unit.Status switch
    {
        UnitStatus.Accepted => text.T("已报送", "reported"),
        UnitStatus.Rejected => text.T("退回待改", "sent back"),
        _ => text.T("未报送", "missing"),
    } + (unit.Pending > 0 ? text.T($"（审定后又报送{unit.Pending}份，待审）", $" ({unit.Pending} pending after approval)") : "");
}
