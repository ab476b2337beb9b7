using Reports.Definitions;
using Reports.Outputs.Briefing;
using Reports.Pdf;
using Reports.Periods;
using Reports.Pipeline;
using Reports.Rosters;
using Reports.Templates;

namespace Reports.Tests.Support;

/// <summary>The employment-scale return (脱贫劳动力务工就业规模月报) and its sample: 郑州市's seven units, December 2022.</summary>
public static class EmploymentSamples
{
    public const string ReturnCode = "employment-scale";
    public static readonly ReportingPeriod Period = new(2022, 12);
    public static readonly CampaignWindow Year = new(new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31));

    public static ReturnDefinition Definition { get; } = ReturnDefinitionLoader.Load(ReturnDefinitionLoader.PathFor(RepositoryPaths.Templates, ReturnCode));

    public static Roster Zhengzhou { get; } = RosterLoader.Load(RepositoryPaths.ZhengzhouRoster);

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> SampleValues { get; } =
        ReturnFiller.ReadValueSheet(File.ReadAllText(RepositoryPaths.EmploymentValues), Definition);

    public static string WriteFilled(string folder, RosterUnit unit, IReadOnlyDictionary<string, string> values, ReportingPeriod? period = null)
    {
        var request = new TemplateRequest(Definition, period ?? Period, unit);
        var path = Path.Combine(folder, request.FileName);
        File.WriteAllBytes(path, ReturnFiller.Fill(new TemplateGenerator(FixedClock.Default).Generate(request), Definition, values));
        return path;
    }

    public static RunOptions Options(string roster, string inbox, string output) => new(
        ReturnCode, Period, roster, inbox, output, Year, RepositoryPaths.Templates,
        new PdfFontFile(RepositoryPaths.Font, 0),
        new BriefingSettings("巩固脱贫成果工作简报", "第12期", ""));
}
