using System.Globalization;
using Reports.Definitions;
using Reports.Outputs.Briefing;
using Reports.Pdf;
using Reports.Pipeline;
using Reports.Rosters;
using Reports.Templates;

namespace Reports.Tests.Support;

/// <summary>The fund-project-matching return (财政衔接资金项目匹配情况表) with its project ledger, and its 长治市 sample (2022-06).</summary>
public static class FundSamples
{
    public const string ReturnCode = "fund-project-matching";

    public static ReturnDefinition Definition { get; } = ReturnDefinitionLoader.Load(ReturnDefinitionLoader.PathFor(RepositoryPaths.Templates, ReturnCode));

    public static DetailTableDefinition Projects => Definition.Details.Single();

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> SampleValues { get; } =
        ReturnFiller.ReadValueSheet(File.ReadAllText(RepositoryPaths.FundValues), Definition);

    /// <summary>The sample ledger's rows per unit code (the projects table), as text.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> SampleLedger { get; } =
        ReturnFiller.ReadDetailSheet(ValueSheetFile.ReadRows(RepositoryPaths.FundLedger), Definition)
            .ToDictionary(u => u.Key, u => u.Value["projects"], StringComparer.Ordinal);

    public static decimal Number(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>A return for a unit with these fixed values and ledger rows, written under the template verb's name.</summary>
    public static string WriteFilled(string folder, RosterUnit unit, IReadOnlyDictionary<string, string> values, IReadOnlyList<IReadOnlyDictionary<string, string>> ledger)
    {
        var request = new TemplateRequest(Definition, Samples.Period, unit) { DetailRows = new Dictionary<string, IReadOnlyList<IReadOnlyDictionary<string, string>>> { ["projects"] = ledger } };
        var path = Path.Combine(folder, request.FileName);
        File.WriteAllBytes(path, ReturnFiller.Fill(new TemplateGenerator(FixedClock.Default).Generate(request), Definition, values));
        return path;
    }

    /// <summary>
    /// A consistent county return with <paramref name="count"/> projects made here, not from the sample: amounts
    /// vary by row, every project started (with a date), every third completed; the fixed part is the ledger's sums.
    /// </summary>
    public static (Dictionary<string, string> Values, List<IReadOnlyDictionary<string, string>> Ledger) Made(string unitCode, int count)
    {
        var ledger = new List<IReadOnlyDictionary<string, string>>();
        for (var i = 1; i <= count; i++)
        {
            var matched = 10m + i % 37 + (i % 100) / 100m;
            ledger.Add(new Dictionary<string, string>
            {
                ["project_id"] = $"{unitCode}-{i:0000}",
                ["project_name"] = $"第{i}号项目",
                ["project_type"] = i % 4 == 0 ? "基础设施" : "产业发展",
                ["fund_planned"] = (matched + 5).ToString(CultureInfo.InvariantCulture),
                ["fund_matched"] = matched.ToString(CultureInfo.InvariantCulture),
                ["fund_spent"] = (matched / 2).ToString("0.00", CultureInfo.InvariantCulture),
                ["started"] = "是",
                ["start_date"] = new DateOnly(2022, 1, 1).AddDays(i % 150).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["completed"] = i % 3 == 0 ? "是" : "否",
                ["beneficiaries"] = (i % 90 + 5).ToString(CultureInfo.InvariantCulture),
            });
        }
        decimal Sum(string column) => ledger.Sum(r => Number(r[column]));
        var values = new Dictionary<string, string>
        {
            ["fund_allocated"] = Sum("fund_matched").ToString(CultureInfo.InvariantCulture),
            ["fund_industry"] = ledger.Where(r => r["project_type"] == "产业发展").Sum(r => Number(r["fund_matched"])).ToString(CultureInfo.InvariantCulture),
            ["fund_matched"] = Sum("fund_matched").ToString(CultureInfo.InvariantCulture),
            ["fund_spent"] = Sum("fund_spent").ToString(CultureInfo.InvariantCulture),
            ["proj_planned"] = count.ToString(CultureInfo.InvariantCulture),
            ["proj_started"] = count.ToString(CultureInfo.InvariantCulture),
            ["proj_completed"] = ledger.Count(r => r["completed"] == "是").ToString(CultureInfo.InvariantCulture),
            ["remarks"] = "",
            ["filled_by"] = "王丽",
            ["phone"] = "0355-2000000",
        };
        return (values, ledger);
    }

    public static RunOptions Options(string roster, string inbox, string output) => new(
        ReturnCode, Samples.Period, roster, inbox, output, Samples.Window, RepositoryPaths.Templates,
        new PdfFontFile(RepositoryPaths.Font, 0),
        new BriefingSettings("巩固脱贫成果工作简报", "第1期", "长治市乡村振兴局"));
}
