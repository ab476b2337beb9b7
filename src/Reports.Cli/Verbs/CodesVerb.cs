using System.Globalization;
using System.Text;
using Reports.Access;
using Reports.Cli.Settings;
using Reports.Outputs;
using Reports.Pipeline;
using Reports.Rosters;
using Reports.Runs;
using Reports.Store;

namespace Reports.Cli.Verbs;

/// <summary>
/// <c>reports codes issue|revoke|list</c>: the desk's codes, one per roster unit and one for the office. A code is shown
/// once — on the console and, with --csv, in a UTF-8 CSV (<c>unit_code,unit_name,code</c>, readable by its owner only)
/// the office prints and hands out line by line; the store keeps only its salted hash, and <c>list</c> never shows one.
/// </summary>
public sealed class CodesVerb(ReportsSettings settings, TimeProvider clock, TextWriter output, UiText text)
{
    /// <summary>The CSV's header, exactly.</summary>
    public const string CsvHeader = "unit_code,unit_name,code";

    /// <summary>How its file is written: the verb's Ctrl-C, and how a file is opened.</summary>
    public OutputWriting Writing { get; init; } = OutputWriting.Default;

    /// <summary>Issues codes: with <paramref name="office"/> the office's, else every unit of the roster's (or only <paramref name="unit"/>'s).</summary>
    public int Issue(string? rosterPath, string? unit, bool office, string? csvPath)
    {
        if (office == (rosterPath is not null))
        {
            // Never a default roster: a bare `codes issue` would revoke every county's code at once.
            throw new SettingsException(office
                ? text.T("--office 与 --roster 不能同时给出：办公室的报送码单独发放", "--office and --roster cannot be given together: the office's code is issued on its own")
                : text.T("请给出 --roster（为名册中的单位发放报送码）或 --office（为市级汇总办公室发放报送码）", "give --roster (codes for the roster's units) or --office (the office's code)"));
        }
        if (office && unit is not null)
        {
            throw new SettingsException(text.T("--office 与 --unit 不能同时给出", "--office and --unit cannot be given together"));
        }
        OutputTarget.Check(csvPath, "--csv", OutputTarget.Inputs(settings.Store, rosterPath), [], path => OutputTarget.StartsWith(path, CsvHeader));
        IReadOnlyList<RosterUnit> units = [];
        if (rosterPath is not null)
        {
            var roster = RosterLoader.Load(rosterPath);
            units = unit is null ? roster.Units
                : [roster.Find(unit) ?? throw new SettingsException(text.T($"单位 {unit} 不在名册 {rosterPath} 中，未发放报送码", $"unit {unit} is not on the roster {rosterPath}: no code issued"))];
        }

        var issued = new List<(string Unit, string Name, string Code)>();
        using (var store = ReturnStore.Open(settings.Store, clock))
        {
            var codes = new AccessCodes(store, clock);
            if (office)
            {
                issued.Add((AccessCodes.OfficeUnit, AccessCodes.OfficeName, codes.IssueOffice()));
            }
            foreach (var u in units)
            {
                issued.Add((u.Code, u.Name, codes.Issue(u)));
            }
        }

        output.WriteLine(text.T($"已发放 {issued.Count} 个报送码（每个单位原有的报送码随之作废）。报送码只显示这一次，存储库只保存其散列：",
            $"issued {issued.Count} code(s) (each unit's previous code is revoked). They are shown this once; the store keeps only their hashes:"));
        foreach (var line in Console.TextColumns.Table([[text.T("单位代码", "unit code"), text.T("单位名称", "unit"), text.T("报送码", "code")],
            .. issued.Select(i => (IReadOnlyList<string>)[i.Unit, i.Name, i.Code])]))
        {
            output.WriteLine(line);
        }
        if (csvPath is not null)
        {
            var csv = Path.GetFullPath(csvPath);
            OutputFile.CreateFolder(Path.GetDirectoryName(csv)!);
            var content = new StringBuilder(CsvHeader).Append("\r\n");
            foreach (var (code, name, secret) in issued)
            {
                content.Append(SpreadsheetText.CsvCell(code)).Append(',').Append(SpreadsheetText.CsvCell(name)).Append(',').Append(secret).Append("\r\n");
            }
            // With a BOM, as status's CSV, so Excel and WPS open the Chinese intact; created for its owner's eyes only.
            OutputFile.Write(csv, [.. new UTF8Encoding(true).GetPreamble(), .. Encoding.UTF8.GetBytes(content.ToString())], Writing with { Open = OwnerOnly });
            output.WriteLine($"{text.T("已写出", "wrote")} {csv}");
        }
        output.WriteLine(text.T("丢失的报送码无法找回，只能重新发放（reports codes issue --unit …）。", "A lost code cannot be recovered, only reissued (reports codes issue --unit …)."));
        return (int)ExitCode.Success;
    }

    /// <summary>Revokes the code in force of <paramref name="unit"/>, or the office's: the running desk refuses it from the next request.</summary>
    public int Revoke(string? unit, bool office)
    {
        if (office == (unit is not null))
        {
            throw new SettingsException(text.T("请给出 --unit（撤销某单位的报送码）或 --office（撤销办公室的报送码），二者选一", "give either --unit (a unit's code) or --office (the office's code)"));
        }
        var holder = office ? AccessCodes.OfficeUnit : unit!;
        using var store = OpenExisting();
        if (!new AccessCodes(store, clock).Revoke(holder))
        {
            throw new SettingsException(office
                ? text.T("办公室没有有效的报送码，无需撤销", "the office holds no code in force: nothing revoked")
                : text.T($"单位 {holder} 没有有效的报送码，无需撤销", $"unit {holder} holds no code in force: nothing revoked"));
        }
        output.WriteLine(office
            ? text.T("已撤销办公室的报送码；正在运行的报送台从下一个请求起拒绝它。", "revoked the office's code; a running desk refuses it from the next request.")
            : text.T($"已撤销单位 {holder} 的报送码；正在运行的报送台从下一个请求起拒绝它。", $"revoked the code of unit {holder}; a running desk refuses it from the next request."));
        return (int)ExitCode.Success;
    }

    /// <summary>Every code issued: whose, when issued, whether in force or when revoked. Never a code.</summary>
    public int List()
    {
        using var store = OpenExisting();
        var codes = new AccessCodes(store, clock).List();
        if (codes.Count == 0)
        {
            output.WriteLine(text.T("尚未发放任何报送码（reports codes issue --roster …）。", "no code issued yet (reports codes issue --roster …)."));
            return (int)ExitCode.Success;
        }
        output.WriteLine(text.T($"共发放 {codes.Count} 个报送码，有效 {codes.Count(c => c.InForce)} 个：", $"{codes.Count} code(s) issued, {codes.Count(c => c.InForce)} in force:"));
        foreach (var line in Console.TextColumns.Table([[text.T("单位代码", "unit code"), text.T("单位名称", "unit"), text.T("发放时间", "issued"), text.T("状态", "state")],
            .. codes.Select(c => (IReadOnlyList<string>)[c.Unit, c.Name, Local(c.IssuedAt),
                c.RevokedAt is { } revoked ? text.T($"已撤销（{Local(revoked)}）", $"revoked ({Local(revoked)})") : text.T("有效", "in force")])]))
        {
            output.WriteLine(line);
        }
        return (int)ExitCode.Success;
    }

    private ReturnStore OpenExisting() => File.Exists(settings.Store)
        ? ReturnStore.Open(settings.Store, clock)
        : throw new FileNotFoundException(text.T($"存储库不存在：{settings.Store}（先用 reports codes issue 发放报送码）", $"no store at {settings.Store} (issue codes first: reports codes issue)"), settings.Store);

    private string Local(DateTimeOffset time) =>
        time.ToOffset(clock.LocalTimeZone.GetUtcOffset(time.UtcDateTime)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Opens the file being written readable and writable by its owner only (on Unix): it holds every county's code.</summary>
    private static Stream OwnerOnly(string path) => OperatingSystem.IsWindows()
        ? OutputWriting.OpenFile(path)
        : new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            Share = FileShare.Delete,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
}
