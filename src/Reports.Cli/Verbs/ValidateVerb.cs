using Reports.Cli.Console;
using Reports.Cli.Settings;
using Reports.Definitions;
using Reports.Diagnostics;
using Reports.Intake;
using Reports.Intake.Xlsx;
using Reports.Ledger;
using Reports.Pipeline;
using Reports.Rosters;
using Reports.Runs;
using Reports.Templates;
using Reports.Versions;

namespace Reports.Cli.Verbs;

/// <summary>What <c>validate</c> is asked: the files, and optionally the return, period, roster, prefill and a receipts folder.</summary>
public sealed record ValidateRequest(string[] Files, string? ReturnCode, string? Period, string? RosterPath, string? PrefillPath, string? ReceiptsFolder);

/// <summary>
/// <c>reports validate</c>: the county's own check before sending: exactly the intake checks, the same diagnostics,
/// and optionally the receipts. Return and period default to what the first identifiable file says it is.
/// </summary>
public sealed class ValidateVerb(ReportsSettings settings, TimeProvider clock, TextWriter output, TextWriter error, UiText text, Verbosity verbosity)
{
    /// <summary>How its files are written: the verb's Ctrl-C, and how a file is opened.</summary>
    public OutputWriting Writing { get; init; } = OutputWriting.Default;

    public int Execute(ValidateRequest request)
    {
        var files = request.Files;
        foreach (var file in files.Where(f => !File.Exists(f)))
        {
            throw new FileNotFoundException(text.T($"文件不存在：{file}", $"no such file: {file}"), file);
        }
        // Read as intake reads an inbox (only regular files, bytes capped), one file at a time and its bytes dropped once
        // checked: a county may check hundreds of files. The return and period, when not given, are peeked at first
        // (the files up to the first that names them are read for that alone).
        IEnumerable<ReceivedFile> Received() => files.Select(f => InboxReader.Read(new InboxEntry(Path.GetFullPath(f), null), XlsxLimits.Default.MaxFileBytes));
        var identity = request.ReturnCode is not null && request.Period is not null
            ? null
            : Received().Select(r => r.Bytes is { } bytes ? ReturnFileReader.Peek(bytes) : null).FirstOrDefault(i => i is not null);
        var returnCode = request.ReturnCode ?? identity?.Return ?? settings.Sample.Return;
        var period = ReportsCommand.ParsePeriod(request.Period ?? identity?.Period ?? settings.Sample.Period, text);
        var definition = ReturnDefinitionLoader.LoadFor(settings.TemplatesDirectory, returnCode, period);
        var roster = RosterLoader.Load(request.RosterPath ?? settings.Roster);
        var prefilled = request.PrefillPath is { } prefillPath ? PrefillSheet.Load(prefillPath, definition) : null;
        // On the office's machine the ledger gives the previous period's figures, checked as a run checks them; on a
        // county's, an empty ledger. Decided as the city decides: of several files of one unit, the one that would count.
        using var office = OfficeLedger.OpenIfStored(settings, clock, definition, period, roster);
        var results = (office?.Ledger ?? ReturnLedger.Empty(definition, roster, period, clock)).Check(Received(), prefilled).Files;

        var console = new PlainRunConsole(output, error, clock, verbosity, text);
        foreach (var diagnostic in results.SelectMany(r => r.Diagnostics))
        {
            console.Diagnostic(diagnostic);
        }
        foreach (var result in results)
        {
            var verdict = result.Status is IntakeStatus.Accepted or IntakeStatus.Superseded or IntakeStatus.Duplicate
                ? result.WarningCount == 0
                    ? text.T("通过，可以报送", "passes: ready to send")
                    : text.T($"通过，有 {result.WarningCount} 条提醒，请核对后报送", $"passes with {result.WarningCount} warning(s): check them, then send")
                : text.T($"不通过：{result.ErrorCount} 处错误，请修改后再报送", $"does not pass: {result.ErrorCount} error(s); correct them and check again");
            output.WriteLine(ShownText.Line($"{Path.GetFileName(result.File)}: {verdict}"));
            foreach (var line in MustExplainLines(result))
            {
                output.WriteLine(ShownText.Line($"{Path.GetFileName(result.File)}: {line}"));
            }
        }
        if (request.ReceiptsFolder is { } receipts)
        {
            foreach (var written in Pipeline.Outputs.ReceiptFolder.WriteSelfChecks(results, definition, receipts, clock, Writing, roster, period))
            {
                console.Say($"{text.T("已写出", "wrote")} {written}");
            }
        }
        return (int)(results.Any(r => r.Status == IntakeStatus.Rejected) ? ExitCode.Incomplete : ExitCode.Success);
    }

    /// <summary>
    /// What the must-explain checks found, told as the city will tell it: explained (accepted with the 情况说明) or not
    /// (sent back until 情况说明 says why).
    /// </summary>
    private IEnumerable<string> MustExplainLines(DecidedVersion result)
    {
        var explained = result.Diagnostics.Count(d => d.Explanation is not null);
        if (explained > 0)
        {
            yield return text.T($"{explained} 项核实性问题已在情况说明中说明，市级将连同说明一并采用",
                $"{explained} must-explain finding(s) explained in 情况说明: the city accepts them with the explanation");
        }
        var unexplained = result.Diagnostics.Where(DiagnosticCatalog.IsUnexplained).ToList();
        if (unexplained.Count > 0)
        {
            var cell = unexplained[0].Cell is { } c ? $"{unexplained[0].Sheet}!{c}" : text.T("（本文件没有，请用最新模板）", "(missing: use the latest template)");
            yield return text.T($"{unexplained.Count} 项核实性问题没有说明：数字属实的，请在情况说明 {cell} 写明原因（只写核实无误不算），否则市级将退回",
                $"{unexplained.Count} must-explain finding(s) not explained: if the figures are right, say why in 情况说明 {cell} (核实无误 alone does not count), or the city sends the return back");
        }
    }
}
