using Reports.Definitions;
using Reports.Outputs.Briefing;
using Reports.Pdf;
using Reports.Periods;
using Reports.Rosters;
using Reports.Runs;
using Reports.Templates;

namespace Reports.Tests.Support;

/// <summary>
/// A bundled sample: a return, its roster, period and window, the county files in its inbox and the value sheet (and
/// ledger) they were made from, with helpers to make filled returns the way a county would. One per return the
/// repository ships a sample for; <see cref="Samples"/> gives the campaign's by short names.
/// </summary>
public sealed class SampleReturn
{
    /// <summary>The campaign return (5+1 百日攻坚), 长治市's twelve counties, June 2022.</summary>
    public static SampleReturn Campaign { get; } = new(
        "campaign-5plus1", new ReportingPeriod(2022, 6), new CampaignWindow(new DateOnly(2022, 3, 22), new DateOnly(2022, 6, 30)),
        RepositoryPaths.SampleRoster, RepositoryPaths.SampleInbox, RepositoryPaths.SampleValues, ledgerPath: null,
        new BriefingSettings("巩固脱贫成果工作简报", "第1期", "长治市乡村振兴局"));

    /// <summary>The employment-scale return (脱贫劳动力务工就业规模月报): 郑州市's seven units, December 2022, tracked against the year.</summary>
    public static SampleReturn Employment { get; } = new(
        "employment-scale", new ReportingPeriod(2022, 12), new CampaignWindow(new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31)),
        RepositoryPaths.ZhengzhouRoster, RepositoryPaths.EmploymentInbox, RepositoryPaths.EmploymentValues, ledgerPath: null,
        new BriefingSettings("巩固脱贫成果工作简报", "第12期", ""));

    /// <summary>The fund-project-matching return (财政衔接资金项目匹配情况表) with its project ledger: 长治市, June 2022.</summary>
    public static SampleReturn Fund { get; } = new(
        "fund-project-matching", Campaign.Period, Campaign.Window,
        RepositoryPaths.SampleRoster, RepositoryPaths.FundInbox, RepositoryPaths.FundValues, RepositoryPaths.FundLedger,
        Campaign.Briefing);

    private SampleReturn(string code, ReportingPeriod period, CampaignWindow window, string rosterPath, string inbox, string valuesPath, string? ledgerPath, BriefingSettings briefing)
    {
        Code = code;
        Period = period;
        Window = window;
        RosterPath = rosterPath;
        Inbox = inbox;
        Briefing = briefing;
        Definition = ReturnDefinitionLoader.Load(ReturnDefinitionLoader.PathFor(RepositoryPaths.Templates, code));
        Roster = RosterLoader.Load(rosterPath);
        SampleValues = ReturnFiller.ReadValueSheet(File.ReadAllText(valuesPath), Definition);
        SampleLedger = ledgerPath is null
            ? new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>>()
            : ReturnFiller.ReadDetailSheet(ValueSheetFile.ReadRows(ledgerPath), Definition)
                .ToDictionary(u => u.Key, u => u.Value[Definition.Details.Single().Code], StringComparer.Ordinal);
    }

    public string Code { get; }
    public ReportingPeriod Period { get; }
    public CampaignWindow Window { get; }
    public string RosterPath { get; }
    public string Inbox { get; }
    public BriefingSettings Briefing { get; }
    public ReturnDefinition Definition { get; }
    public Roster Roster { get; }

    /// <summary>The sample's value sheet, per unit code, as text exactly as the office keeps it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> SampleValues { get; }

    /// <summary>The sample ledger's rows per unit code (the return's one detail table), as text; empty for a return without one.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> SampleLedger { get; }

    /// <summary>A unit's sample values, as a copy a test may change.</summary>
    public Dictionary<string, string> ValuesOf(string unitCode) => new(SampleValues[unitCode]);

    /// <summary>A figure of the value sheet.</summary>
    public decimal Value(string unitCode, string field) => Figures.Number(SampleValues[unitCode][field]);

    /// <summary>Σ of the fields over every unit of the value sheet, computed here from the CSV, not by the pipeline.</summary>
    public decimal Sum(params string[] fields) => Figures.Sum(SampleValues.Values, fields);

    /// <summary>Σ of a ledger column over every unit's projects.</summary>
    public decimal LedgerSum(string column) => Figures.Sum(SampleLedger.Values.SelectMany(rows => rows), column);

    public byte[] Template(RosterUnit unit, ReportingPeriod? period = null) =>
        new TemplateGenerator(FixedClock.Default).Generate(new TemplateRequest(Definition, period ?? Period, unit));

    /// <summary>
    /// Writes a filled return for a unit into a folder, under the name the template verb gives it; a ledger goes into
    /// the return's one detail table.
    /// </summary>
    public string WriteFilled(string folder, RosterUnit unit, IReadOnlyDictionary<string, string> values, ReportingPeriod? period = null,
        IReadOnlyList<IReadOnlyDictionary<string, string>>? ledger = null)
    {
        var request = new TemplateRequest(Definition, period ?? Period, unit);
        if (ledger is not null)
        {
            request = request with { DetailRows = new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> { [Definition.Details.Single().Code] = ledger } };
        }
        var path = Path.Combine(folder, request.FileName);
        File.WriteAllBytes(path, ReturnFiller.Fill(new TemplateGenerator(FixedClock.Default).Generate(request), Definition, values));
        return path;
    }

    /// <summary>A run of this return over the given roster and inbox, with the bundled font and the sample's briefing settings.</summary>
    public RunOptions Options(string roster, string inbox, string output) => new(
        Code, Period, roster, inbox, output, Window, RepositoryPaths.Templates, new PdfFontFile(RepositoryPaths.Font, 0), Briefing);

    /// <summary>The sample's own run: its roster, its inbox.</summary>
    public RunOptions Options(string output) => Options(RosterPath, Inbox, output);

    public override string ToString() => Code;
}
