using System.CommandLine;
using Reports.Cli.Console;
using Reports.Cli.Settings;
using Reports.Cli.Verbs;
using Reports.Definitions;
using Reports.Diagnostics;
using Reports.Intake;
using Reports.Intake.Xlsx;
using Reports.Merge;
using Reports.Outputs;
using Reports.Outputs.Briefing;
using Reports.Pdf.Faces;
using Reports.Periods;
using Reports.Pipeline;
using Reports.Rosters;
using Reports.Templates;

namespace Reports.Cli;

/// <summary>
/// The verbs of the <c>reports</c> command, with help in Chinese (English with <c>--lang en</c> or REPORTS_LANG=en).
/// Settings are loaded and checked first in every verb: a bad value stops it before any work. With no arguments it
/// runs the bundled sample.
/// </summary>
public sealed class ReportsCommand(TimeProvider clock, TextWriter output, TextWriter error)
{
    /// <summary>Cancelled on Ctrl-C (see Program): the file being written is deleted, the period folder released.</summary>
    public CancellationToken Interrupted { get; init; }

    /// <summary>Where the briefing looks for the office's installed faces (仿宋_GB2312 …); none by default, so a test
    /// gets the bundled faces whatever the machine has installed. The program looks on the system.</summary>
    public IFontLookup InstalledFonts { get; init; } = NoInstalledFonts.Instance;

    /// <summary>How long <c>run</c> waits for another run that holds its period folder before giving up.</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The terminal a person watches, for progress bars and tables; null (plain lines) unless the program
    /// finds one (<see cref="RunConsole.PersonsTerminal"/>) or a test hands in its own.</summary>
    public Spectre.Console.IAnsiConsole? Terminal { get; init; }

    /// <summary>Set once a run holds its period folder: writes a failure and its stack trace into run.log.</summary>
    private Action<string, Exception>? _logFailure;

    public int Invoke(string[] args)
    {
        var text = UiText.From(args);
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = text.Culture;
        try
        {
            return Invoke(args, new Options(text));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = culture;
        }
    }

    private int Invoke(string[] args, Options o)
    {
        var t = o.Text;
        var root = new RootCommand(t.T(
            "市级报表汇总：下发模板、县级自查、汇总县级报表、生成汇总表和简报、查看报送情况和报送历史。不带参数时用自带样例数据（长治市，2022-06）运行。",
            "City returns: send out templates, let counties check their files, merge the returns into a workbook and a briefing, see who has reported and what they sent. Without arguments it runs the bundled sample (长治市, 2022-06)."))
        {
            o.Lang, o.Quiet, o.Verbose, o.Setting,
        };
        root.SetAction(parse => Guard(() => RunSample(parse, o)));

        var template = new Command("template", t.T("为名册中每个单位生成空白报表模板", "Write a blank return for every unit of the roster"))
            { o.Return, o.Period, o.Roster, o.TemplateOut, o.Prefill };
        template.SetAction(parse => Guard(() => Template(parse, o, null)));
        root.Subcommands.Add(template);

        var fill = new Command("fill", t.T("生成模板并按数值表填写（用于制作样例和测试数据）", "Write returns filled from a value sheet (for samples and tests)"))
            { o.Return, o.Period, o.Roster, o.Values, o.TemplateOut, o.Prefill, o.Details };
        fill.SetAction(parse => Guard(() => Template(parse, o, parse.GetValue(o.Values))));
        root.Subcommands.Add(fill);

        var run = new Command("run", t.T(
            "读取收件箱中的报表，检查、记录、汇总，在输出目录下按报告期建文件夹（如 out/2022-06/），写出 summary.json、intake.json、回执、汇总表、简报和运行日志 run.log。退出码：0 全部汇总；3 有退回或未报送；2 用法或设置错误（未做任何事）；1 意外错误",
            "Read the inbox, check, record and merge the returns; write summary.json, intake.json, receipts, the workbook, the briefing and run.log into a folder named for the period (e.g. out/2022-06/). Exit codes: 0 all units merged; 3 some rejected or missing; 2 usage or settings error (nothing done); 1 unexpected failure"))
            { o.Returns, o.Period, o.Roster, o.Inbox, o.RunOut, o.Window, o.Deadline, o.Prefill, o.Store, o.AsSubmission, o.Timings };
        run.SetAction(parse => Guard(() => Run(parse, o, parse.GetValue(o.Returns)!, parse.GetValue(o.Period)!, parse.GetValue(o.Roster)!, parse.GetValue(o.Inbox)!,
            parse.GetValue(o.Prefill), parse.GetValue(o.AsSubmission), timingsPath: parse.GetValue(o.Timings))));
        root.Subcommands.Add(run);

        var validate = new Command("validate", t.T(
            "报送前自查：对报表文件做与市级汇总完全相同的检查，打印核查结果；无错误时退出码为 0，有错误时为 3",
            "Check return files before sending them, exactly as the city's intake does; exit code 0 when no file has errors, 3 otherwise"))
            { o.Files, o.OptionalReturn, o.OptionalPeriod, o.OptionalRoster, o.Prefill, o.Receipts };
        validate.SetAction(parse => Guard(() => Validate(parse, o)));
        root.Subcommands.Add(validate);

        var status = new Command("status", t.T(
            "某报告期的报送情况：谁已报送、谁被退回、谁未报送、谁逾期（按 Reports:Deadline），打印催报名单并写成 CSV（默认 out/报告期/催报-报表-报告期.csv）。全部按时报送退出码为 0，否则为 3",
            "Who has reported for a period, who was sent back, who is missing and who is late (against Reports:Deadline): prints the chase list and writes it as CSV (default out/PERIOD/催报-RETURN-PERIOD.csv). Exit code 0 when every unit reported on time, else 3"))
            { o.StoredReturn, o.Period, o.OptionalRoster, o.Store, o.StatusInbox, o.Prefill, o.Deadline, o.StatusCsv, o.RunOut };
        status.SetAction(parse => Guard(() => Status(parse, o)));
        root.Subcommands.Add(status);

        var history = new Command("history", t.T(
            "某单位某报告期报送过的各个版本（取自存储库）：收到时间、报送时间、文件、SHA-256、状态、错误和提醒，并标出汇总采用的版本",
            "The versions a unit sent for a period, from the store: when received, its stamp, file, SHA-256, status, errors and warnings, and which one the merge uses"))
            { o.Unit, o.StoredReturn, o.Period, o.Store };
        history.SetAction(parse => Guard(() => History(parse, o)));
        root.Subcommands.Add(history);

        var withdraw = new Command("withdraw", t.T(
            "撤销存储库中的某个版本（如冒用其他单位名义报送的文件）：记录时间、操作人和理由，此后该版本不再参与汇总",
            "Withdraw a version from the store (e.g. a file sent in another unit's name): recorded with time, user and reason; it never counts again"))
            { o.Return, o.Period, o.Sha256, o.Why, o.WithdrawReopen, o.Store };
        withdraw.SetAction(parse => Guard(() => Withdraw(parse, o)));
        root.Subcommands.Add(withdraw);

        var approve = new Command("approve", t.T(
            "审定某报表某报告期：把当前汇总采用的各单位版本记入存储库（时间、操作人、备注）；此后该期汇总只用这些版本，新收到的文件记为待审",
            "Approve a return's period: record in the store the version each unit's figures come from (time, user, note); from then on the period merges exactly those, and files received later are pending"))
            { o.Return, o.Period, o.Note, o.OptionalRoster, o.AllowIncomplete, o.Store };
        approve.SetAction(parse => Guard(() =>
        {
            var settings = Load(parse, o);
            return new ApproveVerb(settings, clock, output, o.Text).Execute(parse.GetValue(o.Return)!, ParsePeriod(parse.GetValue(o.Period)!, o), parse.GetValue(o.Note),
                parse.GetValue(o.OptionalRoster) ?? settings.Roster, parse.GetValue(o.AllowIncomplete));
        }));
        root.Subcommands.Add(approve);

        var reopen = new Command("reopen", t.T(
            "重新开放已审定的报告期（某个单位或全部单位）：记录时间、操作人和理由，下次汇总起以最新报送为准",
            "Reopen an approved period for one unit or all: recorded with time, user and reason; from the next run the newest version counts again"))
            { o.Return, o.Period, o.OptionalUnit, o.ReopenWhy, o.Store };
        reopen.SetAction(parse => Guard(() => new ReopenVerb(Load(parse, o), clock, output, o.Text).Execute(
            parse.GetValue(o.Return)!, ParsePeriod(parse.GetValue(o.Period)!, o), parse.GetValue(o.OptionalUnit), parse.GetValue(o.ReopenWhy)!)));
        root.Subcommands.Add(reopen);

        var explain = new Command("explain", t.T(
            "某个数据的来历（取自存储库）：数值及读取时的提示、文件、工作表!单元格、原始填写、SHA-256、采用哪个版本及理由、冻结它的审定",
            "Where a figure came from (from the store): its value and how it was read, the file, sheet!cell, what was typed, the SHA-256, which version is used and why, and the approval that froze it"))
            { o.Return, o.Period, o.Unit, o.Field, o.Store };
        explain.SetAction(parse => Guard(() => new ExplainVerb(Load(parse, o), clock, output, o.Text).Execute(
            parse.GetValue(o.Return)!, ParsePeriod(parse.GetValue(o.Period)!, o), parse.GetValue(o.Unit)!, parse.GetValue(o.Field)!)));
        root.Subcommands.Add(explain);

        foreach (var help in root.Options.OfType<System.CommandLine.Help.HelpOption>())
        {
            help.Description = t.T("显示帮助和用法", "Show help and usage information");
        }
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                error.WriteLine($"reports: error: {HelpText.Translate(problem.Message, t)}");
            }
            error.WriteLine(t.T("用 reports --help 查看用法。", "See reports --help."));
            return (int)ExitCode.UsageError;
        }
        if (parsed.Action is System.CommandLine.Help.HelpAction && !t.English)
        {
            // The package's zh-Hans resources leave a few of the help's own words in English.
            var help = new StringWriter();
            var exit = parsed.Invoke(new InvocationConfiguration { Output = help, Error = error });
            output.Write(HelpText.Translate(help.ToString(), t));
            return exit;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>The settings, with what this command line says layered last.</summary>
    private static ReportsSettings Load(ParseResult parse, Options o)
    {
        var commandLine = new CommandLineSettings();
        foreach (var pair in parse.GetValue(o.Setting) ?? [])
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new SettingsException(o.Text.T($"--setting 的值“{pair}”无效，应为 键=值，如 Reports:Deadline=2022-07-05", $"--setting “{pair}” should be KEY=VALUE, e.g. Reports:Deadline=2022-07-05"));
            }
            var key = pair[..equals].Trim();
            commandLine.Set(key, FromHere(key, pair[(equals + 1)..]), "--setting");
        }
        foreach (var (option, key) in new[] { (o.Window, SettingKeys.Window), (o.Deadline, SettingKeys.Deadline), (o.Store, SettingKeys.Store), (o.RunOut, SettingKeys.Out) })
        {
            if (parse.GetResult(option) is not null)
            {
                commandLine.Set(key, FromHere(key, parse.GetValue(option)), option.Name);
            }
        }
        return ReportsSettings.Load(commandLine);
    }

    /// <summary>A path typed on the command line means the path from where the user stands.</summary>
    private static string? FromHere(string key, string? value) =>
        value is { Length: > 0 } && SettingKeys.Paths.Contains(key) ? Path.GetFullPath(value) : value;

    private static Verbosity VerbosityOf(ParseResult parse, Options o) =>
        parse.GetValue(o.Quiet) ? Verbosity.Quiet : parse.GetValue(o.Verbose) ? Verbosity.Verbose : Verbosity.Normal;

    private int RunSample(ParseResult parse, Options o)
    {
        var settings = Load(parse, o);
        var sample = settings.Sample;
        if (!parse.GetValue(o.Quiet))
        {
            output.WriteLine(o.Text.T("未给出参数：用自带样例数据运行（长治市，2022-06）。用 reports --help 查看全部用法。",
                "No arguments: running the bundled sample (长治市, 2022-06). See reports --help for every verb."));
        }
        return Run(parse, o, sample.Return, sample.Period, sample.Roster, sample.Inbox, sample.Prefill, null, sample.Out);
    }

    private int Template(ParseResult parse, Options o, string? valuesPath)
    {
        var settings = Load(parse, o);
        var period = ParsePeriod(parse.GetValue(o.Period)!, o);
        var outDirectory = parse.GetValue(o.TemplateOut)!;
        var definition = ReturnDefinitionLoader.Load(ReturnDefinitionLoader.PathFor(settings.TemplatesDirectory, parse.GetValue(o.Return)!));
        var roster = RosterLoader.Load(parse.GetValue(o.Roster)!);
        var values = valuesPath is null ? null : ReturnFiller.ReadValueSheetFile(valuesPath, definition);
        var prefill = parse.GetValue(o.Prefill) is { } prefillPath ? PrefillSheet.Load(prefillPath, definition) : null;
        var details = parse.GetResult(o.Details) is not null && parse.GetValue(o.Details) is { } detailsPath
            ? ReturnFiller.ReadDetailSheetFile(detailsPath, definition)
            : null;
        var quiet = parse.GetValue(o.Quiet);
        var folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(OutputFile.CreateFolder(outDirectory)));
        var generator = new TemplateGenerator(clock);
        foreach (var unit in roster.Units)
        {
            var request = new TemplateRequest(definition, period, unit, prefill?.GetValueOrDefault(unit.Code)) { DetailRows = details?.GetValueOrDefault(unit.Code) };
            var bytes = generator.Generate(request);
            if (values is not null)
            {
                if (!values.TryGetValue(unit.Code, out var unitValues))
                {
                    output.WriteLine(o.Text.T($"{unit.Code} {unit.Name}：数值表中没有该单位，未生成", $"{unit.Code} {unit.Name}: not in the value sheet, skipped"));
                    continue;
                }
                bytes = ReturnFiller.Fill(bytes, definition, unitValues);
            }
            var target = Path.GetFullPath(Path.Combine(folder, request.FileName));
            // FileName makes the unit's name safe; should it ever fail to, nothing is written outside --out.
            if (!string.Equals(Path.GetDirectoryName(target), folder, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"模板文件 {request.FileName} 不在 --out {folder} 中");
            }
            var path = OutputFile.Write(target, bytes);
            if (!quiet)
            {
                output.WriteLine($"{o.Text.T("已写出", "wrote")} {path}");
            }
        }
        return (int)ExitCode.Success;
    }

    private int Run(ParseResult parse, Options o, string returnCode, string periodText, string rosterPath, string inbox, string? prefillPath, string? asSubmission, string? outRoot = null, string? timingsPath = null)
    {
        var settings = Load(parse, o);
        var period = ParsePeriod(periodText, o);
        var console = RunConsole.For(Terminal, output, error, clock, VerbosityOf(parse, o), o.Text);
        var started = clock.GetTimestamp();
        var folder = PeriodFolder.For(parse.GetResult(o.RunOut) is null && outRoot is not null ? outRoot : settings.Output.Root, period.ToString());
        // The deadline is set in the office's local time; the injected clock says which zone that is.
        DateTimeOffset? deadline = settings.Deadline is { } due ? new DateTimeOffset(due, clock.LocalTimeZone.GetUtcOffset(due)) : null;
        // --return a,b: several returns of the period in one briefing and one workbook.
        var returnCodes = returnCode.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (returnCodes.Length == 0 || returnCodes.Distinct().Count() != returnCodes.Length)
        {
            throw new SettingsException(o.Text.T($"--return 的值“{returnCode}”无效：应为一个或多个不重复的报表代码，用逗号分隔", $"--return “{returnCode}” should be one or more distinct return codes, comma-separated"));
        }
        var options = new RunOptions(returnCodes[0], period, rosterPath, inbox, folder, settings.Window, settings.TemplatesDirectory, settings.Font, settings.Briefing,
            deadline, prefillPath, settings.Store, settings.Quality, settings.Receipts)
        {
            ReturnCodes = returnCodes,
            // A knob for benchmarks and the one-core check: the result is the same on any number of threads.
            IntakeThreads = int.TryParse(Environment.GetEnvironmentVariable("REPORTS_INTAKE_THREADS"), out var threads) && threads > 0 ? threads : null,
            ConcurrentOutputs = Environment.GetEnvironmentVariable("REPORTS_CONCURRENT_OUTPUTS") == "1",
            AsSubmission = asSubmission is null ? null : new UpwardReturn(Path.GetFullPath(asSubmission), settings.Submission.FilledBy, settings.Submission.Phone),
            Faces = BriefingFaces.Resolve(settings.Font, InstalledFonts, settings.Faces),
        };
        // Held to the end of the run: a second run on the folder waits, and the sweep never takes its files.
        using var held = PeriodFolderLock.Acquire(folder, LockWait, Interrupted,
            () => console.Say(o.Text.T($"另一次运行正在写 {folder}，等它结束（最多 {LockWait.TotalSeconds:0} 秒）", $"another run is writing {folder}; waiting for it (up to {LockWait.TotalSeconds:0} s)")));
        _logFailure = (message, problem) => RunLog.WriteFailure(folder, console, message, problem);
        if (PeriodFolder.Prepare(held, settings.Output.EarlierRuns, clock) is { } kept)
        {
            console.Say(o.Text.T($"上次的输出已保留在 {kept}", $"the earlier run's outputs were kept in {kept}"));
        }
        // The entries intake will read (unit subfolders included), listed as intake lists them, for the progress bar.
        var inboxFiles = Directory.Exists(inbox) ? InboxReader.List(inbox, RosterLoader.Load(rosterPath)).Count : 0;
        var outcome = console.Track((stages, lines) =>
            new RunPipeline(clock, lines) { StoreWriteDelay = CrashTestDelay("REPORTS_STORE_WRITE_DELAY_MS"), Stages = stages, Cancellation = Interrupted }.Execute(options), inboxFiles);
        // The findings of the versions that count and of those new in this run: a superseded version's were told when it came.
        foreach (var diagnostic in outcome.Told.SelectMany(f => f.Diagnostics).Concat(outcome.OutputDiagnostics ?? []))
        {
            console.Diagnostic(diagnostic);
        }
        var merge = outcome.Merge;
        foreach (var each in outcome.Merges)
        {
            if (outcome.Merges.Count > 1)
            {
                console.Verdict($"{each.Definition.Code}：{o.Text.T("已汇总", "merged")} {each.Accepted.Count()}/{each.Units.Count}{o.Text.T(" 个单位", " units")}；{o.Text.T("退回", "rejected")} {each.Rejected.Count()}；{o.Text.T("未报送", "missing")} {each.Missing.Count()}");
            }
            if (each.Rejected.Any())
            {
                console.Verdict($"  {o.Text.T("退回", "rejected")}：{NumberStyle.JoinNames(each.Rejected.Select(u => u.Unit.Name))}");
            }
            if (each.Missing.Any())
            {
                console.Verdict($"  {o.Text.T("未报送", "missing")}：{NumberStyle.JoinNames(each.Missing.Select(u => u.Unit.Name))}");
            }
        }
        foreach (var result in outcome.Results.Where(r => r.Approval is not null))
        {
            // An approved period: say so, and what waits for the office to reopen a unit.
            var pending = result.Files.Where(f => f.Status == IntakeStatus.Pending).Select(f => Path.GetFileName(f.File)).ToList();
            console.Verdict($"  {result.Definition.Code}：{result.Approval!.Line}" + (pending.Count == 0 ? ""
                : o.Text.T($"；待审（审定后收到，未计入）：{string.Join("、", pending)}", $"; pending (received after the approval, not counted): {string.Join(", ", pending)}")));
        }
        var written = outcome.OutputFiles.ToList();
        if (timingsPath is not null)
        {
            // A measurement, kept out of the outputs: it differs from run to run.
            OutputFile.Write(Path.GetFullPath(timingsPath), s => StageTimingsJson.Write(outcome.Timings ?? [], s));
        }
        var used = outcome.Intake.Where(f => f.Status == IntakeStatus.Accepted).ToList();
        // Every return's counts, not only the first one's: "已汇总 12/12" must not hide a second return's 0/12.
        var merges = outcome.Merges;
        string Counts(MergeResult m) =>
            $"{o.Text.T("已汇总", "merged")} {m.Accepted.Count()}/{m.Units.Count}；{o.Text.T("退回", "rejected")} {m.Rejected.Count()}；{o.Text.T("未报送", "missing")} {m.Missing.Count()}";
        var summary = new RunSummary(
            merges.Count == 1
                ? $"{merge.Roster.Name} {merge.Period}：{Counts(merge)}"
                : $"{merge.Roster.Name} {merge.Period}：{string.Join("；", merges.Select(m => $"{m.Definition.Code} {Counts(m)}"))}",
            merges.Sum(m => m.Accepted.Count()), merges.Sum(m => m.Rejected.Count()), merges.Sum(m => m.Missing.Count()), merges.Sum(m => m.Units.Count),
            outcome.Told.Sum(f => f.WarningCount) + (outcome.OutputDiagnostics?.Count(d => !d.IsError) ?? 0),
            outcome.Told.Sum(f => f.ErrorCount),
            [.. written, Path.Combine(folder, RunLog.FileName)],
            clock.GetElapsedTime(started));
        RunLog.Write(folder, console, summary);
        console.Summary(summary);
        return (int)outcome.ExitCode;
    }

    /// <summary>
    /// The county's own check before sending: exactly the intake checks, the same diagnostics, and optionally
    /// the receipts. Return and period default to what the first identifiable file says it is.
    /// </summary>
    private int Validate(ParseResult parse, Options o)
    {
        var settings = Load(parse, o);
        var files = parse.GetValue(o.Files)!;
        foreach (var file in files.Where(f => !File.Exists(f)))
        {
            throw new FileNotFoundException(o.Text.T($"文件不存在：{file}", $"no such file: {file}"), file);
        }
        // Each file read once, as intake reads an inbox: only regular files, bytes capped.
        var received = files.Select(f => InboxReader.Read(new InboxEntry(Path.GetFullPath(f), null), Intake.Xlsx.XlsxLimits.Default.MaxFileBytes)).ToList();
        var identity = received.Select(r => r.Bytes is { } bytes ? ReturnFileReader.Peek(bytes) : null).FirstOrDefault(i => i is not null);
        var returnCode = parse.GetValue(o.OptionalReturn) ?? identity?.Return ?? settings.Sample.Return;
        var period = ParsePeriod(parse.GetValue(o.OptionalPeriod) ?? identity?.Period ?? settings.Sample.Period, o);
        var definition = ReturnDefinitionLoader.Load(ReturnDefinitionLoader.PathFor(settings.TemplatesDirectory, returnCode));
        var roster = RosterLoader.Load(parse.GetValue(o.OptionalRoster) ?? settings.Roster);
        var prefilled = parse.GetValue(o.Prefill) is { } prefillPath ? PrefillSheet.Load(prefillPath, definition) : null;
        // On the office's machine the ledger gives the previous period's figures, checked as a run checks them; on a
        // county's, an empty ledger. Decided as the city decides: of several files of one unit, the one that would count.
        using var office = OfficeLedger.OpenIfStored(settings, clock, definition, period, roster);
        var results = (office?.Ledger ?? Ledger.ReturnLedger.Empty(definition, roster, period, clock)).Check(received, prefilled).Files;

        var console = new PlainRunConsole(output, error, clock, VerbosityOf(parse, o), o.Text);
        foreach (var diagnostic in results.SelectMany(r => r.Diagnostics))
        {
            console.Diagnostic(diagnostic);
        }
        foreach (var result in results)
        {
            var verdict = result.Status is IntakeStatus.Accepted or IntakeStatus.Superseded or IntakeStatus.Duplicate
                ? result.WarningCount == 0
                    ? o.Text.T("通过，可以报送", "passes: ready to send")
                    : o.Text.T($"通过，有 {result.WarningCount} 条提醒，请核对后报送", $"passes with {result.WarningCount} warning(s): check them, then send")
                : o.Text.T($"不通过：{result.ErrorCount} 处错误，请修改后再报送", $"does not pass: {result.ErrorCount} error(s); correct them and check again");
            output.WriteLine($"{Path.GetFileName(result.File)}: {verdict}");
            foreach (var line in MustExplainLines(result, o))
            {
                output.WriteLine($"{Path.GetFileName(result.File)}: {line}");
            }
        }
        if (parse.GetValue(o.Receipts) is { } receipts)
        {
            foreach (var written in Outputs.Receipts.ReceiptFolder.WriteSelfChecks(results, definition, receipts, clock))
            {
                console.Say($"{o.Text.T("已写出", "wrote")} {written}");
            }
        }
        return (int)(results.Any(r => r.Status == IntakeStatus.Rejected) ? ExitCode.Incomplete : ExitCode.Success);
    }

    /// <summary>
    /// What the must-explain checks found, told as the city will tell it: explained (accepted with the 情况说明) or not
    /// (sent back until 情况说明 says why).
    /// </summary>
    private static IEnumerable<string> MustExplainLines(IntakeFileResult result, Options o)
    {
        var explained = result.Diagnostics.Count(d => d.Explanation is not null);
        if (explained > 0)
        {
            yield return o.Text.T($"{explained} 项核实性问题已在情况说明中说明，市级将连同说明一并采用",
                $"{explained} must-explain finding(s) explained in 情况说明: the city accepts them with the explanation");
        }
        var unexplained = result.Diagnostics.Where(DiagnosticCatalog.IsUnexplained).ToList();
        if (unexplained.Count > 0)
        {
            var cell = unexplained[0].Cell is { } c ? $"{unexplained[0].Sheet}!{c}" : o.Text.T("（本文件没有，请用最新模板）", "(missing: use the latest template)");
            yield return o.Text.T($"{unexplained.Count} 项核实性问题没有说明：数字属实的，请在情况说明 {cell} 写明原因（只写核实无误不算），否则市级将退回",
                $"{unexplained.Count} must-explain finding(s) not explained: if the figures are right, say why in 情况说明 {cell} (核实无误 alone does not count), or the city sends the return back");
        }
    }

    /// <summary>The office withdraws one version (by its hash) of a return and period: recorded, and never counted again.</summary>
    private int Withdraw(ParseResult parse, Options o)
    {
        var settings = Load(parse, o);
        var period = ParsePeriod(parse.GetValue(o.Period)!, o);
        var returnCode = parse.GetValue(o.Return)!;
        var sha256 = parse.GetValue(o.Sha256)!.Trim().ToLowerInvariant();
        var reopen = parse.GetValue(o.WithdrawReopen);
        var why = parse.GetValue(o.Why)!.Trim();
        if (why.Length == 0)
        {
            throw new SettingsException(o.Text.T("--why 不能为空：请写明撤销的理由", "--why must say why the version is withdrawn"));
        }
        using var office = OfficeLedger.Open(settings, clock, o.Text, returnCode, period, roster: null, write: true);
        if (!office.Ledger.Withdraw(sha256, why, Environment.UserName, reopen))
        {
            throw new SettingsException(o.Text.T($"存储库中没有 {returnCode} {period} 的 SHA-256 为 {sha256} 的版本（见 intake.json 或 reports history）",
                $"the store holds no version of {returnCode} {period} with SHA-256 {sha256} (see intake.json or reports history)"));
        }
        output.WriteLine(o.Text.T($"已撤销 {returnCode} {period} 的版本 {sha256[..Math.Min(12, sha256.Length)]}：{why}。下次汇总起该版本不再参与汇总。",
            $"withdrew version {sha256[..Math.Min(12, sha256.Length)]} of {returnCode} {period}: {why}. From the next run on it never counts."));
        return (int)ExitCode.Success;
    }

    private int Status(ParseResult parse, Options o)
    {
        var settings = Load(parse, o);
        var request = new StatusRequest(
            parse.GetValue(o.StoredReturn) ?? settings.Sample.Return,
            ParsePeriod(parse.GetValue(o.Period)!, o),
            parse.GetValue(o.OptionalRoster) ?? settings.Roster,
            parse.GetValue(o.StatusInbox),
            parse.GetValue(o.StatusCsv))
        {
            PrefillPath = parse.GetValue(o.Prefill),
        };
        return new StatusVerb(settings, clock, output, o.Text).Execute(request);
    }

    private int History(ParseResult parse, Options o)
    {
        var settings = Load(parse, o);
        return new HistoryVerb(settings, clock, output, o.Text).Execute(
            parse.GetValue(o.StoredReturn) ?? settings.Sample.Return, ParsePeriod(parse.GetValue(o.Period)!, o), parse.GetValue(o.Unit)!);
    }

    /// <summary>REPORTS_STORE_WRITE_DELAY_MS / REPORTS_OUTPUT_WRITE_DELAY_MS slow the writes so a test can stop the process mid-write.</summary>
    private static TimeSpan CrashTestDelay(string variable) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(ms)
            : TimeSpan.Zero;

    private static ReportingPeriod ParsePeriod(string text, Options o) =>
        ReportingPeriod.TryParse(text, out var period)
            ? period
            : throw new SettingsException(o.Text.T($"--period 的值“{text}”无效，应为年月，如 2022-06（也可写 2022-6、2022年6月、202206）", $"--period “{text}” should be a year and month, e.g. 2022-06 (2022-6, 2022年6月 and 202206 are read too)"));

    /// <summary>
    /// Maps failures to exit codes: the office's configuration → 2; a broken environment (a full disk, no permission,
    /// another run) → 1 with a Chinese message naming the path, the stack trace only in run.log; anything else → 1.
    /// </summary>
    private int Guard(Func<int> action)
    {
        _logFailure = null;
        using var writing = OutputFile.Use(new OutputWriting(Interrupted, CrashTestDelay("REPORTS_OUTPUT_WRITE_DELAY_MS")));
        try
        {
            return action();
        }
        catch (Exception problem) when (Failures.Configuration(problem) is { } message)
        {
            error.WriteLine($"reports: error: {message}");
            return (int)ExitCode.UsageError;
        }
        catch (OperationCanceledException) when (Interrupted.IsCancellationRequested)
        {
            // Program's Ctrl-C handler has said so; the previous run.log stays as it was.
            return (int)ExitCode.Failure;
        }
        // The filters log before the run unwinds, so run.log is written while the run still holds its folder.
        catch (Exception problem) when (Failures.Environment(problem) is { } message && LogFailure($"错误：{message}", problem))
        {
            error.WriteLine($"reports: 错误：{message}");
            return (int)ExitCode.Failure;
        }
        catch (Exception problem) when (LogFailure("意外错误", problem))
        {
            // A bug, not the office's doing: one Chinese line on the console; the stack trace goes to run.log when a run holds its folder.
            error.WriteLine(_logFailure is null
                ? $"reports: 意外错误（程序缺陷）：{problem.GetType().Name}: {problem.Message}"
                : $"reports: 意外错误（程序缺陷）：{problem.GetType().Name}: {problem.Message}（详情已写入 run.log）");
            return (int)ExitCode.Failure;
        }
    }

    private bool LogFailure(string message, Exception problem)
    {
        _logFailure?.Invoke(message, problem);
        return true;
    }
}
