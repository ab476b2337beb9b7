using System.CommandLine;

namespace Reports.Cli;

/// <summary>Every option and argument of the verbs, described in the chosen language.</summary>
internal sealed class Options(UiText text)
{
    public UiText Text { get; } = text;

    public Option<string?> Lang { get; } = new("--lang") { Description = text.T("帮助和提示的语言：zh（默认）或 en；也可设环境变量 REPORTS_LANG。报表核查信息（诊断）始终为中文", "language of help and messages: zh (default) or en; or set REPORTS_LANG. Findings on returns (diagnostics) are always in Chinese, as the counties read them"), Recursive = true };
    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = text.T("只显示错误和结论", "show only errors and the verdict"), Recursive = true };
    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = text.T("显示每一步和全部核查信息", "show every step and every finding"), Recursive = true };
    public Option<string[]> Setting { get; } = new("--setting") { Description = text.T("覆盖一项设置，如 --setting Reports:Deadline=2022-07-05（可重复；优先于设置文件和环境变量）", "override a setting, e.g. --setting Reports:Deadline=2022-07-05 (repeatable; wins over files and environment)"), Recursive = true };

    public Option<string> Return { get; } = new("--return") { Description = text.T("报表代码，如 campaign-5plus1", "return code, e.g. campaign-5plus1"), Required = true };
    public Option<string> Returns { get; } = new("--return") { Description = text.T("报表代码，如 campaign-5plus1；可用逗号分隔多张报表，如 campaign-5plus1,employment-scale", "return code, e.g. campaign-5plus1; several, comma-separated, e.g. campaign-5plus1,employment-scale"), Required = true };
    public Option<string> Period { get; } = new("--period") { Description = text.T("报告期，如 2022-06（月）、2022-W25 或 2022年第25周（周）、2022-06-D2 或 2022年6月中旬（旬）、2022-Q2、2022-H1、2022", "reporting period, e.g. 2022-06 (month), 2022-W25 (week), 2022-06-D2 (dekad), 2022-Q2, 2022-H1, 2022"), Required = true };
    public Option<string> Roster { get; } = new("--roster") { Description = text.T("单位名册 JSON 文件", "roster of units (JSON)"), Required = true };
    public Option<string> TemplateOut { get; } = new("--out") { Description = text.T("输出目录", "output folder"), Required = true };
    public Option<string?> RunOut { get; } = new("--out") { Description = text.T("输出根目录，其下按报告期建文件夹（默认取设置 Reports:Out）", "output root; a folder per period is made inside (default: setting Reports:Out)") };
    public Option<string> Inbox { get; } = new("--inbox") { Description = text.T("收到的报表所在目录", "folder of the returns received"), Required = true };
    public Option<string> Values { get; } = new("--values") { Description = text.T("数值表 CSV（unit_code,unit_name,字段…）", "value sheet CSV (unit_code,unit_name,field…)"), Required = true };
    public Option<string?> AsSubmission { get; } = new("--as-submission") { Description = text.T("另将汇总结果写成同一模板的报表（上报上级用），写到此文件", "also write the merged result as a return of the same template (for the level above), to this file") };
    public Option<string?> Timings { get; } = new("--timings") { Description = text.T("另将各阶段用时（毫秒）写成 JSON 文件（用于基准测试，不属于汇总结果）", "also write each stage's time (ms) to this JSON file (for benchmarks; not part of the results)") };
    public Option<string?> Window { get; } = new("--window") { Description = text.T("专项行动时间窗口，如 2022-03-22:2022-06-30（默认取设置 Reports:Window）", "campaign window, e.g. 2022-03-22:2022-06-30 (default: setting Reports:Window)") };
    public Option<string?> Deadline { get; } = new("--deadline") { Description = text.T("报送截止时间，yyyy-MM-dd 或 yyyy-MM-dd HH:mm（默认取设置 Reports:Deadline）", "when returns are due, yyyy-MM-dd or yyyy-MM-dd HH:mm (default: setting Reports:Deadline)") };
    public Option<string?> Notes { get; } = new("--notes") { Description = text.T("简报中由本局撰写的内容（纯文本文件：以“# ”开头的行是一节的标题，如 # 存在问题、# 下一步工作；其余每行一段；# 领导批示 印在报头下的批示框中）", "what the office writes into the briefing (UTF-8 text: a line starting with \"# \" heads a section, e.g. # 存在问题; every other line is a paragraph; # 领导批示 goes into the box under the masthead)") };

    public Option<string?> Prefill { get; } = new("--prefill") { Description = text.T("市级预填数值表（CSV 或 .xlsx：目标任务、上年度数；与 fill 的数值表同格式）：模板中写入并锁定，汇总时核对", "the office's prefill sheet (CSV or .xlsx: targets, last year's figures): written locked into templates, checked on intake") };
    public Option<string?> Details { get; } = new("--details") { Description = text.T("台账数值表（CSV 或 .xlsx：unit_code、table 和台账各列，每行一个项目），写入模板的台账", "detail-table sheet (CSV or .xlsx: unit_code, table and the ledger's columns, a row per project), written into the templates' ledgers") };
    public Option<string?> OptionalReturn { get; } = new("--return") { Description = text.T("报表代码（默认取文件中的报表标识，或设置 Reports:Sample:Return）", "return code (default: what the file says, or setting Reports:Sample:Return)") };
    public Option<string?> StoredReturn { get; } = new("--return") { Description = text.T("报表代码（默认取设置 Reports:Sample:Return）", "return code (default: setting Reports:Sample:Return)") };
    public Option<string?> OptionalPeriod { get; } = new("--period") { Description = text.T("报告期（默认取文件中的报告期）", "reporting period (default: what the file says)") };
    public Option<string?> OptionalRoster { get; } = new("--roster") { Description = text.T("单位名册 JSON 文件（默认取设置 Reports:Roster）", "roster of units (default: setting Reports:Roster)") };
    public Option<string?> Store { get; } = new("--store") { Description = text.T("存储库文件（SQLite；默认取设置 Reports:Store）", "history store (SQLite; default: setting Reports:Store)") };
    public Option<string?> Receipts { get; } = new("--receipts") { Description = text.T("把每个文件的自查结果（自查-….xlsx）写到这个目录", "write each file's self-check (自查-….xlsx) into this folder") };
    public Option<string?> StatusInbox { get; } = new("--inbox") { Description = text.T("另把这个目录中尚未汇总的报表也算上（只读取，不记录）", "also count the returns in this folder not yet merged (read only, not recorded)") };
    public Option<string?> StatusCsv { get; } = new("--csv") { Description = text.T("催报名单 CSV 写到此文件（默认 输出根目录/报告期/催报-报表-报告期.csv）", "write the chase list CSV here (default OUT/PERIOD/催报-RETURN-PERIOD.csv)") };
    public Option<string> Unit { get; } = new("--unit") { Description = text.T("单位代码，如 140403", "unit code, e.g. 140403"), Required = true };
    public Option<string> Sha256 { get; } = new("--sha256") { Description = text.T("要撤销的版本的 SHA-256（见 intake.json 或 reports history）", "SHA-256 of the version to withdraw (see intake.json or reports history)"), Required = true };
    public Option<string> Why { get; } = new("--why") { Description = text.T("撤销的理由（记录在存储库中）", "why it is withdrawn (recorded in the store)"), Required = true };
    public Option<string?> Note { get; } = new("--note") { Description = text.T("审定的备注（记录在存储库中）", "a note on the approval (recorded in the store)") };
    public Option<bool> AllowIncomplete { get; } = new("--allow-incomplete") { Description = text.T("尚有单位未通过或未报送时也审定（这些单位记为未通过/未报送，不冻结任何版本）", "approve even though some units were sent back or are missing (recorded as such; nothing of theirs is frozen)") };
    public Option<bool> WithdrawReopen { get; } = new("--reopen") { Description = text.T("要撤销的是审定采用的版本时，以同一理由先重新开放该单位", "when the version is the approved one, reopen its unit with the same reason first") };
    public Option<string?> OptionalUnit { get; } = new("--unit") { Description = text.T("只重新开放这个单位（默认全部单位）", "reopen only this unit (default: every unit)") };
    public Option<string> ReopenWhy { get; } = new("--why") { Description = text.T("重新开放的理由（记录在存储库中）", "why it is reopened (recorded in the store)"), Required = true };
    public Option<string?> CodesRoster { get; } = new("--roster") { Description = text.T("为这个名册（JSON）中的单位发放报送码", "issue codes for the units of this roster (JSON)") };
    public Option<string?> CodesUnit { get; } = new("--unit") { Description = text.T("只针对这个单位（单位代码，如 140403）", "only this unit (its code, e.g. 140403)") };
    public Option<bool> Office { get; } = new("--office") { Description = text.T("市级汇总办公室的报送码（而非某个单位的）", "the office's code (not a unit's)") };
    public Option<string?> CodesCsv { get; } = new("--csv") { Description = text.T("另把报送码写成 UTF-8 CSV（unit_code,unit_name,code），供打印分发；只有本人可读", "also write the codes to a UTF-8 CSV (unit_code,unit_name,code) to print and hand out; readable by its owner only") };
    public Option<string> Field { get; } = new("--field") { Description = text.T("字段代码，如 emp_total", "field code, e.g. emp_total"), Required = true };
    public Option<string?> Urls { get; } = new("--urls") { Description = text.T("报送台监听的地址，如 https://10.1.2.3:5443，多个用分号分隔（默认取设置 Reports:Desk:Urls，即 http://127.0.0.1:5080，只在本机可访问）", "where the desk listens, e.g. https://10.1.2.3:5443, several separated by ; (default: setting Reports:Desk:Urls, http://127.0.0.1:5080, this machine only)") };
    public Argument<string[]> Files { get; } = new("FILE") { Description = text.T("要检查的报表文件", "return files to check"), Arity = ArgumentArity.OneOrMore };
}
