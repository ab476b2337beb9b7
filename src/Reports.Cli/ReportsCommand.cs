using System.CommandLine;
using Reports.Definitions;
using Reports.Diagnostics;
using Reports.Intake;
using Reports.Outputs;
using Reports.Outputs.Briefing;
using Reports.Periods;
using Reports.Pipeline;
using Reports.Rosters;
using Reports.Templates;

namespace Reports.Cli;

/// <summary>The verbs of the <c>reports</c> command. With no arguments it runs the bundled sample.</summary>
public sealed class ReportsCommand(TimeProvider clock, TextWriter output, TextWriter error)
{
    private readonly Option<string> _return = new("--return") { Description = "报表代码，如 campaign-5plus1；run 可用逗号分隔多张报表，如 campaign-5plus1,employment-scale", Required = true };
    private readonly Option<string> _period = new("--period") { Description = "报告期，如 2022-06", Required = true };
    private readonly Option<string> _roster = new("--roster") { Description = "单位名册 JSON 文件", Required = true };
    private readonly Option<string> _out = new("--out") { Description = "输出目录", Required = true };
    private readonly Option<string> _inbox = new("--inbox") { Description = "收到的报表所在目录", Required = true };
    private readonly Option<string> _values = new("--values") { Description = "数值表 CSV(unit_code,unit_name,字段…)", Required = true };
    private readonly Option<string?> _asSubmission = new("--as-submission") { Description = "另将汇总结果写成同一模板的报表（上报上级用），写到此文件" };
    private readonly Option<string?> _window = new("--window") { Description = "专项行动时间窗口，如 2022-03-22:2022-06-30(默认取设置)" };
    private readonly Option<string?> _prefill = new("--prefill") { Description = "市级预填数值表（CSV 或 .xlsx：目标任务、上年度数；与 fill 的数值表同格式）：模板中写入并锁定，汇总时核对" };
    private readonly Option<string?> _details = new("--details") { Description = "台账数值表（CSV 或 .xlsx：unit_code、table 和台账各列，每行一个项目），写入模板的台账" };
    private readonly Option<string?> _optionalReturn = new("--return") { Description = "报表代码(默认取文件中的报表标识)" };
    private readonly Option<string?> _optionalPeriod = new("--period") { Description = "报告期(默认取文件中的报告期)" };
    private readonly Option<string?> _optionalRoster = new("--roster") { Description = "单位名册 JSON 文件(默认取设置 Reports:Roster)" };
    private readonly Option<string?> _store = new("--store") { Description = "存储库文件(SQLite；默认取设置 Reports:Store)" };
    private readonly Option<string?> _receipts = new("--receipts") { Description = "把回执写到这个目录" };
    private readonly Argument<string[]> _files = new("FILE") { Description = "要检查的报表文件", Arity = ArgumentArity.OneOrMore };

    public int Invoke(string[] args)
    {
        var root = new RootCommand("市级报表汇总：下发模板、汇总县级报表、生成汇总表和简报。不带参数时用自带样例数据运行。");
        root.SetAction(_ => Guard(RunSample));

        var template = new Command("template", "为名册中每个单位生成空白报表模板") { _return, _period, _roster, _out, _prefill };
        template.SetAction(parse => Guard(() => Template(parse.GetValue(_return)!, parse.GetValue(_period)!, parse.GetValue(_roster)!, parse.GetValue(_out)!, null, parse.GetValue(_prefill))));
        root.Subcommands.Add(template);

        var fill = new Command("fill", "生成模板并按数值表填写（用于制作样例和测试数据）") { _return, _period, _roster, _values, _out, _prefill, _details };
        fill.SetAction(parse => Guard(() => Template(parse.GetValue(_return)!, parse.GetValue(_period)!, parse.GetValue(_roster)!, parse.GetValue(_out)!, parse.GetValue(_values), parse.GetValue(_prefill), parse.GetValue(_details))));
        root.Subcommands.Add(fill);

        var run = new Command("run", "读取收件箱中的报表，检查、汇总，写出 summary.json、intake.json、回执、汇总表和简报") { _return, _period, _roster, _inbox, _out, _window, _prefill, _store, _asSubmission };
        run.SetAction(parse => Guard(() => Run(parse.GetValue(_return)!, parse.GetValue(_period)!, parse.GetValue(_roster)!, parse.GetValue(_inbox)!, parse.GetValue(_out)!, parse.GetValue(_window), parse.GetValue(_prefill), parse.GetValue(_store), parse.GetValue(_asSubmission))));
        root.Subcommands.Add(run);

        var validate = new Command("validate", "报送前自查：对报表文件做与市级汇总完全相同的检查，打印核查结果；无错误时退出码为 0，有错误时为 3")
        {
            _files, _optionalReturn, _optionalPeriod, _optionalRoster, _prefill, _receipts,
        };
        validate.SetAction(parse => Guard(() => Validate(parse.GetValue(_files)!, parse.GetValue(_optionalReturn), parse.GetValue(_optionalPeriod), parse.GetValue(_optionalRoster), parse.GetValue(_prefill), parse.GetValue(_receipts))));
        root.Subcommands.Add(validate);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                error.WriteLine($"reports: error: {problem.Message}");
            }
            error.WriteLine("用 reports --help 查看用法。");
            return (int)ExitCode.UsageError;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    private int RunSample()
    {
        var settings = ReportsSettings.Load();
        var sample = settings.Sample;
        output.WriteLine("未给出参数：用自带样例数据运行（长治市，2022-06）。用 reports --help 查看全部用法。");
        return Run(sample["Return"]!, sample["Period"]!, settings.Resolve(sample["Roster"]!), settings.Resolve(sample["Inbox"]!), Path.GetFullPath(sample["Out"] ?? "out"), null,
            sample["Prefill"] is { Length: > 0 } prefill ? settings.Resolve(prefill) : null, null, null);
    }

    private int Template(string returnCode, string periodText, string rosterPath, string outDirectory, string? valuesPath, string? prefillPath, string? detailsPath = null)
    {
        var settings = ReportsSettings.Load();
        var period = ParsePeriod(periodText);
        var definition = ReturnDefinitionLoader.Load(ReturnDefinitionLoader.PathFor(settings.TemplatesDirectory, returnCode));
        var roster = RosterLoader.Load(rosterPath);
        var values = valuesPath is null ? null : ReturnFiller.ReadValueSheetFile(valuesPath, definition);
        var prefill = prefillPath is null ? null : PrefillSheet.Load(prefillPath, definition);
        var details = detailsPath is null ? null : ReturnFiller.ReadDetailSheet(ValueSheetFile.ReadRows(detailsPath), definition);
        Directory.CreateDirectory(outDirectory);
        var generator = new TemplateGenerator(clock);
        foreach (var unit in roster.Units)
        {
            var request = new TemplateRequest(definition, period, unit, prefill?.GetValueOrDefault(unit.Code)) { DetailRows = details?.GetValueOrDefault(unit.Code) };
            var bytes = generator.Generate(request);
            if (values is not null)
            {
                if (!values.TryGetValue(unit.Code, out var unitValues))
                {
                    output.WriteLine($"{unit.Code} {unit.Name}: 数值表中没有该单位，未生成");
                    continue;
                }
                bytes = ReturnFiller.Fill(bytes, definition, unitValues);
            }
            var path = OutputFile.Write(Path.Combine(outDirectory, request.FileName), bytes);
            output.WriteLine($"已写出 {path}");
        }
        return (int)ExitCode.Success;
    }

    private int Run(string returnCode, string periodText, string rosterPath, string inbox, string outDirectory, string? windowText, string? prefillPath, string? storePath, string? asSubmission)
    {
        var settings = ReportsSettings.Load();
        var period = ParsePeriod(periodText);
        var window = settings.Window;
        if (windowText is not null && !CampaignWindow.TryParse(windowText, out window))
        {
            throw new SettingsException($"--window 的值“{windowText}”无效，应为 yyyy-MM-dd:yyyy-MM-dd");
        }
        // The deadline is set in the office's local time; the injected clock says which zone that is.
        DateTimeOffset? deadline = settings.Deadline is { } due ? new DateTimeOffset(due, clock.LocalTimeZone.GetUtcOffset(due)) : null;
        // --return a,b: several returns of the period in one briefing and one workbook.
        var returnCodes = returnCode.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (returnCodes.Length == 0 || returnCodes.Distinct().Count() != returnCodes.Length)
        {
            throw new SettingsException($"--return 的值“{returnCode}”无效：应为一个或多个不重复的报表代码，用逗号分隔");
        }
        var options = new RunOptions(returnCodes[0], period, rosterPath, inbox, outDirectory, window, settings.TemplatesDirectory, settings.Font, settings.Briefing,
            deadline, prefillPath, storePath ?? settings.Store) { ReturnCodes = returnCodes };
        var outcome = new RunPipeline(clock, new SynchronousProgress(output)) { StoreWriteDelay = CrashTestDelay() }.Execute(options);
        PrintDiagnostics(outcome.Intake);
        foreach (var diagnostic in outcome.OutputDiagnostics ?? [])
        {
            output.WriteLine(diagnostic.ToString());
        }
        foreach (var each in outcome.Merges)
        {
            var label = outcome.Merges.Count > 1 ? $" {each.Definition.Code}" : "";
            output.WriteLine($"{each.Roster.Name} {each.Period}{label}：已汇总 {each.Accepted.Count()}/{each.Units.Count} 个单位；退回 {each.Rejected.Count()}；未报送 {each.Missing.Count()}");
            if (each.Rejected.Any())
            {
                output.WriteLine($"  退回：{NumberStyle.JoinNames(each.Rejected.Select(u => u.Unit.Name))}");
            }
            if (each.Missing.Any())
            {
                output.WriteLine($"  未报送：{NumberStyle.JoinNames(each.Missing.Select(u => u.Unit.Name))}");
            }
        }
        var merge = outcome.Merge;
        foreach (var file in outcome.OutputFiles)
        {
            output.WriteLine($"已写出 {file}");
        }
        if (asSubmission is not null)
        {
            var bytes = new UpwardReturnWriter(clock).Write(merge, settings.Submission.FilledBy, settings.Submission.Phone);
            output.WriteLine($"已写出 {OutputFile.Write(Path.GetFullPath(asSubmission), bytes)}（{merge.Roster.Name}的汇总报表，供上级汇总）");
        }
        return (int)outcome.ExitCode;
    }

    /// <summary>
    /// The county's own check before sending: exactly the intake checks, the same diagnostics, and optionally
    /// the receipts. Return and period default to what the first identifiable file says it is.
    /// </summary>
    private int Validate(string[] files, string? returnCode, string? periodText, string? rosterPath, string? prefillPath, string? receipts)
    {
        var settings = ReportsSettings.Load();
        foreach (var file in files.Where(f => !File.Exists(f)))
        {
            throw new FileNotFoundException($"文件不存在：{file}", file);
        }
        var identity = files.Select(ReturnFileReader.Peek).FirstOrDefault(i => i is not null);
        returnCode ??= identity?.Return ?? settings.Sample["Return"]!;
        var period = ParsePeriod(periodText ?? identity?.Period ?? settings.Sample["Period"]!);
        var definition = ReturnDefinitionLoader.Load(ReturnDefinitionLoader.PathFor(settings.TemplatesDirectory, returnCode));
        var roster = RosterLoader.Load(rosterPath ?? settings.Roster);
        var prefilled = prefillPath is null ? null : PrefillSheet.Load(prefillPath, definition);
        var reader = new ReturnFileReader(new IntakeContext(definition, roster, period, Prefilled: prefilled));
        var results = files.Select(f => reader.Read(Path.GetFullPath(f))).ToList();

        PrintDiagnostics(results);
        foreach (var result in results)
        {
            var verdict = result.Status == IntakeStatus.Accepted
                ? result.WarningCount == 0 ? "通过，可以报送" : $"通过，有 {result.WarningCount} 条提醒，请核对后报送"
                : $"不通过：{result.ErrorCount} 处错误，请修改后再报送";
            output.WriteLine($"{Path.GetFileName(result.File)}: {verdict}");
        }
        if (receipts is not null)
        {
            foreach (var written in Outputs.Receipts.ReceiptFolder.Write(results, definition, receipts, clock))
            {
                output.WriteLine($"已写出 {written}");
            }
        }
        return (int)(results.Any(r => r.Status != IntakeStatus.Accepted) ? ExitCode.Incomplete : ExitCode.Success);
    }

    /// <summary>Errors to the error stream, warnings to the output, in the <c>file[sheet!cell]: error RPTnnn: message</c> form.</summary>
    private void PrintDiagnostics(IEnumerable<IntakeFileResult> files)
    {
        foreach (var file in files)
        {
            foreach (var diagnostic in file.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info))
            {
                (diagnostic.IsError ? error : output).WriteLine(diagnostic.ToString());
            }
        }
    }

    /// <summary>REPORTS_STORE_WRITE_DELAY_MS slows the store's writes so a crash test can kill the process mid-write.</summary>
    private static TimeSpan CrashTestDelay() =>
        int.TryParse(Environment.GetEnvironmentVariable("REPORTS_STORE_WRITE_DELAY_MS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(ms)
            : TimeSpan.Zero;

    private static ReportingPeriod ParsePeriod(string text) =>
        ReportingPeriod.TryParse(text, out var period) ? period : throw new SettingsException($"--period 的值“{text}”无效，应为 yyyy-MM,如 2022-06");

    /// <summary>Maps failures to exit codes: the office's configuration → 2, anything else → 1.</summary>
    private int Guard(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception problem) when (problem is SettingsException or DefinitionException or RosterException or BriefingTemplateException
                                        or FileNotFoundException or DirectoryNotFoundException or System.Text.Json.JsonException or FormatException)
        {
            error.WriteLine($"reports: error: {problem.Message}");
            return (int)ExitCode.UsageError;
        }
        catch (Exception problem)
        {
            error.WriteLine($"reports: 意外错误: {problem}");
            return (int)ExitCode.Failure;
        }
    }

    /// <summary>Progress lines written as they come (Progress&lt;T&gt; would post them to the thread pool, out of order).</summary>
    private sealed class SynchronousProgress(TextWriter output) : IProgress<string>
    {
        public void Report(string value) => output.WriteLine($"  {value}");
    }
}
