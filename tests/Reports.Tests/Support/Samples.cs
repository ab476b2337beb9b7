using Reports.Definitions;
using Reports.Periods;
using Reports.Rosters;
using Reports.Runs;

namespace Reports.Tests.Support;

/// <summary>
/// The campaign sample (<see cref="SampleReturn.Campaign"/>), the one most tests use, by short names; and a roster
/// written for a test.
/// </summary>
public static class Samples
{
    public const string ReturnCode = "campaign-5plus1";

    public static SampleReturn Sample => SampleReturn.Campaign;
    public static ReportingPeriod Period => Sample.Period;
    public static CampaignWindow Window => Sample.Window;
    public static ReturnDefinition Campaign => Sample.Definition;
    public static Roster Changzhi => Sample.Roster;

    /// <inheritdoc cref="SampleReturn.SampleValues"/>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> SampleValues => Sample.SampleValues;

    public static byte[] Template(RosterUnit unit, ReportingPeriod? period = null) => Sample.Template(unit, period);

    /// <inheritdoc cref="SampleReturn.WriteFilled"/>
    public static string WriteFilled(string folder, RosterUnit unit, IReadOnlyDictionary<string, string> values, ReportingPeriod? period = null) =>
        Sample.WriteFilled(folder, unit, values, period);

    public static Dictionary<string, string> ValuesOf(string unitCode) => Sample.ValuesOf(unitCode);

    /// <inheritdoc cref="SampleReturn.Value"/>
    public static decimal Value(string unitCode, string field) => Sample.Value(unitCode, field);

    /// <inheritdoc cref="SampleReturn.Sum"/>
    public static decimal Sum(params string[] fields) => Sample.Sum(fields);

    public static RunOptions Options(string roster, string inbox, string output) => Sample.Options(roster, inbox, output);

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
