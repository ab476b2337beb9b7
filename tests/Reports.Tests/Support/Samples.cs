using Reports.Definitions;
using Reports.Outputs.Briefing;
using Reports.Pdf;
using Reports.Periods;
using Reports.Pipeline;
using Reports.Rosters;
using Reports.Templates;

namespace Reports.Tests.Support;

/// <summary>The campaign return, the sample roster and helpers to make filled returns the way a county would.</summary>
public static class Samples
{
    public const string ReturnCode = "campaign-5plus1";
    public static readonly ReportingPeriod Period = new(2022, 6);
    public static readonly CampaignWindow Window = new(new DateOnly(2022, 3, 22), new DateOnly(2022, 6, 30));

    public static ReturnDefinition Campaign { get; } = ReturnDefinitionLoader.Load(ReturnDefinitionLoader.PathFor(RepositoryPaths.Templates, ReturnCode));

    public static Roster Changzhi { get; } = RosterLoader.Load(RepositoryPaths.SampleRoster);

    /// <summary>The sample's value sheet, per unit code, as text exactly as the office keeps it.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> SampleValues { get; } =
        ReturnFiller.ReadValueSheet(File.ReadAllText(RepositoryPaths.SampleValues), Campaign);

    public static byte[] Template(RosterUnit unit, ReportingPeriod? period = null) =>
        new TemplateGenerator(FixedClock.Default).Generate(new TemplateRequest(Campaign, period ?? Period, unit));

    /// <summary>Writes a filled return for a unit into a folder, under the name the template verb gives it.</summary>
    public static string WriteFilled(string folder, RosterUnit unit, IReadOnlyDictionary<string, string> values, ReportingPeriod? period = null)
    {
        var request = new TemplateRequest(Campaign, period ?? Period, unit);
        var path = Path.Combine(folder, request.FileName);
        File.WriteAllBytes(path, ReturnFiller.Fill(Template(unit, period), Campaign, values));
        return path;
    }

    public static Dictionary<string, string> ValuesOf(string unitCode) => new(SampleValues[unitCode]);

    public static RunOptions Options(string roster, string inbox, string output) => new(
        ReturnCode, Period, roster, inbox, output, Window, RepositoryPaths.Templates,
        new PdfFontFile(RepositoryPaths.Font, 0),
        new BriefingSettings("巩固脱贫成果工作简报", "第1期", "长治市乡村振兴局"));

    public static string WriteRoster(string folder, params RosterUnit[] units)
    {
        var path = Path.Combine(folder, "roster.json");
        var json = System.Text.Json.JsonSerializer.Serialize(new
        {
            name = "测试市",
            code = "990000",
            units = units.Select(u => new { code = u.Code, name = u.Name }),
        });
        File.WriteAllText(path, json);
        return path;
    }
}
