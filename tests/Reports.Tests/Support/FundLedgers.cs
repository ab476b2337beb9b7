using System.Globalization;
using Reports.Definitions;

namespace Reports.Tests.Support;

/// <summary>Project ledgers for the fund-project-matching return (<see cref="SampleReturn.Fund"/>) made in a test, not taken from the sample.</summary>
public static class FundLedgers
{
    /// <summary>The return's projects table.</summary>
    public static DetailTableDefinition Projects => SampleReturn.Fund.Definition.Details.Single();

    /// <summary>
    /// A consistent county return with <paramref name="count"/> projects: amounts vary by row, every project started
    /// (with a date), every third completed; the fixed part is the ledger's sums.
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
        string Sum(IEnumerable<IReadOnlyDictionary<string, string>> rows, string column) => Figures.Sum(rows, column).ToString(CultureInfo.InvariantCulture);
        var values = new Dictionary<string, string>
        {
            ["fund_allocated"] = Sum(ledger, "fund_matched"),
            ["fund_industry"] = Sum(ledger.Where(r => r["project_type"] == "产业发展"), "fund_matched"),
            ["fund_matched"] = Sum(ledger, "fund_matched"),
            ["fund_spent"] = Sum(ledger, "fund_spent"),
            ["proj_planned"] = count.ToString(CultureInfo.InvariantCulture),
            ["proj_started"] = count.ToString(CultureInfo.InvariantCulture),
            ["proj_completed"] = ledger.Count(r => r["completed"] == "是").ToString(CultureInfo.InvariantCulture),
            ["remarks"] = "",
            ["filled_by"] = "王丽",
            ["phone"] = "0355-2000000",
        };
        return (values, ledger);
    }
}
