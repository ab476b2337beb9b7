using System.CommandLine;
using Reports.Cli.Console;
using Reports.Cli.Settings;
using Reports.Cli.Verbs;
using Reports.Pdf.Faces;
using Reports.Periods;
using Reports.Pipeline;
using Reports.Runs;

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

    /// <summary>What the writes go through (how an output is opened, who is told as the store records a file): the
    /// program's are plain; a crash test's host hands in ones that stop midway.</summary>
    public WriteSeams Seams { get; init; } = WriteSeams.Plain;

    /// <summary>Benchmark knobs (intake threads, outputs side by side), which the program reads from its environment.</summary>
    public RunTuning Tuning { get; init; } = new();

    /// <summary>How every verb writes its files: Ctrl-C deletes the one being written.</summary>
    private OutputWriting Writing => new(Interrupted) { Open = Seams.OpenOutput };

    /// <summary>The language of this invocation's messages.</summary>
    private UiText _text = new(false);

    /// <summary>Set once a run holds its period folder: writes a failure and its stack trace into run.log.</summary>
    private Action<string, Exception>? _logFailure;

    public int Invoke(string[] args)
    {
        var text = UiText.From(args);
        // The parser's own texts in their fixed English forms, which HelpText puts into the interface's language.
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.InvariantCulture;
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
        _text = t;
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
            { o.Returns, o.Period, o.Roster, o.Inbox, o.RunOut, o.Window, o.Deadline, o.Prefill, o.Store, o.AsSubmission, o.Timings, o.Notes };
        run.SetAction(parse => Guard(() => Run(parse, o, parse.GetValue(o.Returns)!, parse.GetValue(o.Period)!, parse.GetValue(o.Roster)!, parse.GetValue(o.Inbox)!,
            parse.GetValue(o.Prefill), parse.GetValue(o.AsSubmission), timingsPath: parse.GetValue(o.Timings))));
        root.Subcommands.Add(run);

        var validate = new Command("validate", t.T(
            "报送前自查：对报表文件做与市级汇总完全相同的检查，打印核查结果；无错误时退出码为 0，有错误时为 3",
            "Check return files before sending them, exactly as the city's intake does; exit code 0 when no file has errors, 3 otherwise"))
            { o.Files, o.OptionalReturn, o.OptionalPeriod, o.OptionalRoster, o.Prefill, o.Receipts };
        validate.SetAction(parse => Guard(() => new ValidateVerb(Load(parse, o), clock, output, error, o.Text, VerbosityOf(parse, o)) { Writing = Writing }.Execute(new ValidateRequest(
            parse.GetValue(o.Files)!, parse.GetValue(o.OptionalReturn), parse.GetValue(o.OptionalPeriod), parse.GetValue(o.OptionalRoster), parse.GetValue(o.Prefill), parse.GetValue(o.Receipts)))));
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
            { o.Unit, o.StoredReturn, o.Period, o.OptionalRoster, o.Store };
        history.SetAction(parse => Guard(() => History(parse, o)));
        root.Subcommands.Add(history);

        var withdraw = new Command("withdraw", t.T(
            "撤销存储库中的某个版本（如冒用其他单位名义报送的文件）：记录时间、操作人和理由，此后该版本不再参与汇总",
            "Withdraw a version from the store (e.g. a file sent in another unit's name): recorded with time, user and reason; it never counts again"))
            { o.Return, o.Period, o.Sha256, o.Why, o.WithdrawReopen, o.Store };
        withdraw.SetAction(parse => Guard(() => new WithdrawVerb(Load(parse, o), clock, output, o.Text).Execute(
            parse.GetValue(o.Return)!, ParsePeriod(parse.GetValue(o.Period)!, o.Text), parse.GetValue(o.Sha256)!, parse.GetValue(o.Why)!, parse.GetValue(o.WithdrawReopen))));
        root.Subcommands.Add(withdraw);

        var approve = new Command("approve", t.T(
            "审定某报表某报告期：把当前汇总采用的各单位版本记入存储库（时间、操作人、备注）；此后该期汇总只用这些版本，新收到的文件记为待审",
            "Approve a return's period: record in the store the version each unit's figures come from (time, user, note); from then on the period merges exactly those, and files received later are pending"))
            { o.Return, o.Period, o.Note, o.OptionalRoster, o.AllowIncomplete, o.Store };
        approve.SetAction(parse => Guard(() =>
        {
            var settings = Load(parse, o);
            return new ApproveVerb(settings, clock, output, o.Text).Execute(parse.GetValue(o.Return)!, ParsePeriod(parse.GetValue(o.Period)!, o.Text), parse.GetValue(o.Note),
                parse.GetValue(o.OptionalRoster) ?? settings.Roster, parse.GetValue(o.AllowIncomplete));
        }));
        root.Subcommands.Add(approve);

        var reopen = new Command("reopen", t.T(
            "重新开放已审定的报告期（某个单位或全部单位）：记录时间、操作人和理由，下次汇总起以最新报送为准",
            "Reopen an approved period for one unit or all: recorded with time, user and reason; from the next run the newest version counts again"))
            { o.Return, o.Period, o.OptionalUnit, o.ReopenWhy, o.Store };
        reopen.SetAction(parse => Guard(() => new ReopenVerb(Load(parse, o), clock, output, o.Text).Execute(
            parse.GetValue(o.Return)!, ParsePeriod(parse.GetValue(o.Period)!, o.Text), parse.GetValue(o.OptionalUnit), parse.GetValue(o.ReopenWhy)!)));
        root.Subcommands.Add(reopen);

        var codes = new Command("codes", t.T(
            "报送台（reports serve）的报送码：为名册中每个单位和市级汇总办公室发放、撤销、列出。报送码只在发放时显示一次，存储库只保存其散列",
            "The desk's codes (reports serve): issue, revoke and list one per roster unit and one for the office. A code is shown once, when issued; the store keeps only its hash"));
        var codesIssue = new Command("issue", t.T("发放报送码（原有的随之作废）：--roster 名册中的单位（或其中 --unit 一个），或 --office 办公室", "Issue codes (revoking the old ones): the units of --roster (or its --unit), or the --office"))
            { o.CodesRoster, o.CodesUnit, o.Office, o.Store, o.CodesCsv };
        codesIssue.SetAction(parse => Guard(() => new CodesVerb(Load(parse, o), clock, output, o.Text) { Writing = Writing }.Issue(
            parse.GetValue(o.CodesRoster), parse.GetValue(o.CodesUnit), parse.GetValue(o.Office), parse.GetValue(o.CodesCsv))));
        var codesRevoke = new Command("revoke", t.T("撤销某单位（--unit）或办公室（--office）的报送码，正在运行的报送台立即拒绝它", "Revoke a unit's (--unit) or the office's (--office) code; a running desk refuses it at once"))
            { o.CodesUnit, o.Office, o.Store };
        codesRevoke.SetAction(parse => Guard(() => new CodesVerb(Load(parse, o), clock, output, o.Text).Revoke(parse.GetValue(o.CodesUnit), parse.GetValue(o.Office))));
        var codesList = new Command("list", t.T("列出发放过的报送码：单位、发放时间、是否有效（不显示报送码本身）", "List the codes issued: unit, when issued, whether in force (never the codes)"))
            { o.Store };
        codesList.SetAction(parse => Guard(() => new CodesVerb(Load(parse, o), clock, output, o.Text).List()));
        codes.Subcommands.Add(codesIssue);
        codes.Subcommands.Add(codesRevoke);
        codes.Subcommands.Add(codesList);
        root.Subcommands.Add(codes);

        var explain = new Command("explain", t.T(
            "某个数据的来历（取自存储库）：数值及读取时的提示、文件、工作表!单元格、原始填写、SHA-256、采用哪个版本及理由、冻结它的审定",
            "Where a figure came from (from the store): its value and how it was read, the file, sheet!cell, what was typed, the SHA-256, which version is used and why, and the approval that froze it"))
            { o.Return, o.Period, o.Unit, o.Field, o.Store };
        explain.SetAction(parse => Guard(() => new ExplainVerb(Load(parse, o), clock, output, o.Text).Execute(
            parse.GetValue(o.Return)!, ParsePeriod(parse.GetValue(o.Period)!, o.Text), parse.GetValue(o.Unit)!, parse.GetValue(o.Field)!)));
        root.Subcommands.Add(explain);

        var serve = new Command("serve", t.T(
            "开放报送台：各单位在内网浏览器中用报送码登录，下载模板、上传报表，立即得到核查结果和回执；市级查看报送情况。上传的报表记入存储库，reports run 汇总时一并采用。在终端中断即停止",
            "Open the reception desk: units sign in with their codes on the intranet, download templates, upload returns and get the verdict and receipt at once; the office watches who has reported. Uploads go into the store that reports run merges. Ctrl-C stops it"))
            { o.Returns, o.Period, o.Roster, o.Store, o.Urls, o.Deadline, o.Window };
        serve.SetAction(parse => Guard(() => new ServeVerb(Load(parse, o), clock, output, error, o.Text) { Interrupted = Interrupted, Recorded = Seams.Recorded }.Execute(
            new ServeRequest(parse.GetValue(o.Returns)!, ParsePeriod(parse.GetValue(o.Period)!, o.Text), parse.GetValue(o.Roster)!, parse.GetValue(o.Urls)))));
        root.Subcommands.Add(serve);

        foreach (var help in root.Options.OfType<System.CommandLine.Help.HelpOption>())
        {
            help.Description = t.T("显示帮助和用法", "show help and usage information");
        }
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Description = t.T("显示版本号", "show the version");
        }
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                error.WriteLine(t.T("reports: 错误：", "reports: error: ") + HelpText.Error(problem.Message, root, t));
            }
            var verb = parsed.CommandResult.Command == root ? "" : $" {parsed.CommandResult.Command.Name}";
            error.WriteLine(t.T($"用 reports{verb} --help 查看用法。", $"See reports{verb} --help."));
            return (int)ExitCode.UsageError;
        }
        if (parsed.Action is System.CommandLine.Help.HelpAction)
        {
            var ancestors = new List<Command>();
            for (var parent = parsed.CommandResult.Parent; parent is System.CommandLine.Parsing.CommandResult result; parent = result.Parent)
            {
                ancestors.Insert(0, result.Command);
            }
            output.Write(HelpText.Of(parsed.CommandResult.Command, ancestors, t, Terminal?.Profile.Width ?? 0));
            return (int)ExitCode.Success;
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
        foreach (var (option, key) in new[] { (o.Window, SettingKeys.Window), (o.Deadline, SettingKeys.Deadline), (o.Store, SettingKeys.Store), (o.RunOut, SettingKeys.Out), (o.Notes, SettingKeys.Notes) })
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
        var period = ParsePeriod(parse.GetValue(o.Period)!, o.Text);
        var details = parse.GetResult(o.Details) is not null ? parse.GetValue(o.Details) : null;
        return new TemplateVerb(settings, clock, output, o.Text, parse.GetValue(o.Quiet)) { Writing = Writing }.Execute(new TemplateFolderRequest(
            parse.GetValue(o.Return)!, period, parse.GetValue(o.Roster)!, parse.GetValue(o.TemplateOut)!, parse.GetValue(o.Prefill), valuesPath, details));
    }

    private int Run(ParseResult parse, Options o, string returnCode, string periodText, string rosterPath, string inbox, string? prefillPath, string? asSubmission, string? outRoot = null, string? timingsPath = null)
    {
        var settings = Load(parse, o);
        var period = ParsePeriod(periodText, o.Text);
        var verb = new RunVerb(settings, clock, output, error, o.Text, VerbosityOf(parse, o))
        {
            Interrupted = Interrupted,
            InstalledFonts = InstalledFonts,
            LockWait = LockWait,
            Terminal = Terminal,
            Writing = Writing,
            Recorded = Seams.Recorded,
            Tuning = Tuning,
            OnFolderHeld = log => _logFailure = log,
        };
        var root = parse.GetResult(o.RunOut) is null && outRoot is not null ? outRoot : settings.Output.Root;
        return verb.Execute(new RunRequest(returnCode, period, rosterPath, inbox, root, prefillPath, asSubmission, timingsPath));
    }

    private int Status(ParseResult parse, Options o)
    {
        var settings = Load(parse, o);
        var request = new StatusRequest(
            parse.GetValue(o.StoredReturn) ?? settings.Sample.Return,
            ParsePeriod(parse.GetValue(o.Period)!, o.Text),
            parse.GetValue(o.OptionalRoster) ?? settings.Roster,
            parse.GetValue(o.StatusInbox),
            parse.GetValue(o.StatusCsv))
        {
            PrefillPath = parse.GetValue(o.Prefill),
        };
        return new StatusVerb(settings, clock, output, o.Text) { Writing = Writing, Width = Terminal?.Profile.Width ?? 0 }.Execute(request);
    }

    private int History(ParseResult parse, Options o)
    {
        var settings = Load(parse, o);
        return new HistoryVerb(settings, clock, output, o.Text).Execute(
            parse.GetValue(o.StoredReturn) ?? settings.Sample.Return, ParsePeriod(parse.GetValue(o.Period)!, o.Text), parse.GetValue(o.Unit)!,
            parse.GetValue(o.OptionalRoster) ?? settings.Roster);
    }

    /// <summary>A period as typed (2022-06, 2022年6月, 2022-W25, 2022年第25周, 2022年6月中旬, 2022-Q2, 2022年上半年, 2022年度 …); a settings error otherwise.</summary>
    internal static ReportingPeriod ParsePeriod(string text, UiText ui) =>
        ReportingPeriod.TryParse(text, out var period)
            ? period
            : throw new SettingsException(ui.T($"--period 的值“{text}”无效，应为报告期：月 2022-06（也可写 2022-6、2022年6月、202206）、周 2022-W25（2022年第25周）、旬 2022-06-D2（2022年6月中旬）、季度 2022-Q2（2022年第二季度）、半年 2022-H1（2022年上半年）或年 2022（2022年度）",
                $"--period “{text}” should be a period: a month 2022-06 (2022-6, 2022年6月 and 202206 are read too), a week 2022-W25, a dekad 2022-06-D2, a quarter 2022-Q2, a half 2022-H1 or a year 2022"));

    /// <summary>
    /// Maps failures to exit codes: the office's configuration → 2; a broken environment (a full disk, no permission,
    /// another run) → 1 with a Chinese message naming the path, the stack trace only in run.log; anything else → 1.
    /// </summary>
    private int Guard(Func<int> action)
    {
        _logFailure = null;
        try
        {
            return action();
        }
        catch (Exception problem) when (Failures.Configuration(problem) is { } message)
        {
            error.WriteLine(_text.T("reports: 错误：", "reports: error: ") + message);
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
