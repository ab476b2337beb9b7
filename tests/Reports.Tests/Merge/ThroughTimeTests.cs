using System.Globalization;
using System.Text.Json;
using Reports.Periods;
using Reports.Pipeline;
using Reports.Tests.Support;

namespace Reports.Tests.Merge;

/// <summary>
/// With several periods in the store: increments, history-only signals, year-on-year from the store, the trend.
/// May's returns are June's sample values scaled down, with three counties made suspicious on purpose.
/// </summary>
public sealed class ThroughTimeTests
{
    private static readonly ReportingPeriod May = new(2022, 5);
    private static readonly ReportingPeriod LastJune = new(2021, 6);

    private static string Scaled(string value, decimal factor) =>
        decimal.Round(decimal.Parse(value, CultureInfo.InvariantCulture) * factor, 0).ToString(CultureInfo.InvariantCulture);

    private static void WritePeriod(string inbox, ReportingPeriod period, Func<string, string, string, string> value, string? note = null)
    {
        foreach (var unit in Samples.Changzhi.Units)
        {
            var values = Samples.ValuesOf(unit.Code);
            foreach (var field in Samples.Campaign.Fields.Where(f => f.IsCumulativeFigure))
            {
                values[field.Code] = value(unit.Code, field.Code, values[field.Code]);
            }
            if (note is not null)
            {
                values["verify_note"] = note;
            }
            Samples.WriteFilled(inbox, unit, values, period);
        }
    }

    private static JsonDocument Run(string store, string inbox, ReportingPeriod period, string output)
    {
        var options = Samples.Options(RepositoryPaths.SampleRoster, inbox, output) with { Period = period, StorePath = store };
        new RunPipeline(FixedClock.Default).Execute(options);
        return JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "summary.json")));
    }

    [Fact]
    public void Increments_signals_year_on_year_and_trend_come_from_the_store()
    {
        using var temp = new TempDirectory();
        var store = Path.Combine(temp.Path, "store.db");

        // May: 80% of June, except 潞州区 (more than in June: a cumulative figure going down), 上党区 (a tenth: a jump),
        // 屯留区 (exactly June's figures: a copied return).
        WritePeriod(temp.Sub("may"), May, (unit, field, value) => unit switch
        {
            "140403" when field == "emp_total" => Scaled(value, 1.1m),
            "140404" when field == "publicity_events" => Scaled(value, 0.1m),
            "140405" => value,
            _ when field is "emp_outside" or "cadre_trained" or "proj_started" or "fund_matched" or "issues_fixed" => Scaled(value, 0.7m),
            _ => Scaled(value, 0.8m),
        });
        Run(store, Path.Combine(temp.Path, "may"), May, temp.Sub("may-out")).Dispose();

        using var june = Run(store, RepositoryPaths.SampleInbox, Samples.Period, temp.Sub("june-out"));
        var root = june.RootElement;
        Assert.Equal("2022-05", root.GetProperty("previousPeriod").GetString());

        // 本期新增 = June − May, recomputed here.
        var increment = root.GetProperty("increments").EnumerateArray()
            .Single(i => i.GetProperty("unit").GetString() == "140406" && i.GetProperty("field").GetString() == "training_sessions");
        var juneSessions = Samples.Value("140406", "training_sessions");
        Assert.Equal(juneSessions - decimal.Round(juneSessions * 0.8m, 0), increment.GetProperty("increment").GetDecimal());

        string[] Signals(string unit) => root.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("code").GetString() == unit)
            .GetProperty("signals").EnumerateArray().Select(s => s.GetProperty("code").GetString()!).ToArray();
        // A cumulative figure below May's accepted one is a must-explain check of intake (RPT045), not a signal: the
        // sample's 潞州区 did not explain it, so its June return is sent back, naming May's figure.
        using var intake = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(temp.Path, "june-out", "intake.json")));
        var luzhou = intake.RootElement.EnumerateArray().Single(f => f.GetProperty("unit").GetString() == "140403");
        Assert.Equal("rejected", luzhou.GetProperty("status").GetString());
        var mayTotal = decimal.Round(Samples.Value("140403", "emp_total") * 1.1m, 0);
        Assert.Contains(luzhou.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "RPT045"
            && d.GetProperty("message").GetString()!.Contains($"已采用的 {mayTotal}人", StringComparison.Ordinal));
        Assert.Contains(luzhou.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "RPT046");
        Assert.DoesNotContain("DQ003", root.GetRawText());
        Assert.Contains("DQ004", Signals("140404"));
        Assert.Equal(["DQ005"], Signals("140405"));
        Assert.Empty(Signals("140406"));

        // No 2021-06 in the store: year-on-year comes from the return's own last-year fields.
        var yoy = root.GetProperty("yearOnYear").EnumerateArray().Single(y => y.GetProperty("field").GetString() == "emp_total");
        Assert.Equal("return", yoy.GetProperty("source").GetString());
        // Over the accepted units (潞州区 was sent back), computed here from the value sheet.
        var accepted = Samples.SampleValues.Where(u => u.Key != "140403").Select(u => u.Value).ToList();
        Assert.Equal((double)(Figures.Sum(accepted, "emp_total") / Figures.Sum(accepted, "emp_total_prev")), yoy.GetProperty("ratio").GetDouble(), 10);

        // The trend runs over the campaign's periods the store holds.
        Assert.Equal(["2022-05", "2022-06"], root.GetProperty("trend").EnumerateArray().Select(t => t.GetProperty("period").GetString()));
    }

    [Fact]
    public void Year_on_year_comes_from_the_store_when_it_holds_last_year()
    {
        using var temp = new TempDirectory();
        var store = Path.Combine(temp.Path, "store.db");
        // Half of this June's figures against the same 上年度 figures: a must-explain fall, explained.
        WritePeriod(temp.Sub("last-june"), LastJune, (_, _, value) => Scaled(value, 0.5m), "上年同期受疫情影响，外出务工人员大多尚未返岗，务工人数约为上年度的一半");
        Run(store, Path.Combine(temp.Path, "last-june"), LastJune, temp.Sub("last-out")).Dispose();

        using var june = Run(store, RepositoryPaths.SampleInbox, Samples.Period, temp.Sub("june-out"));
        var yoy = june.RootElement.GetProperty("yearOnYear").EnumerateArray().Single(y => y.GetProperty("field").GetString() == "emp_total");
        Assert.Equal("store", yoy.GetProperty("source").GetString());
        Assert.Equal("2021-06", yoy.GetProperty("lastYearPeriod").GetString());
        var lastYear = Samples.SampleValues.Values.Sum(v => decimal.Round(Figures.Number(v["emp_total"]) * 0.5m, 0));
        Assert.Equal(lastYear, yoy.GetProperty("lastYear").GetDecimal());
        Assert.Equal((double)(104731m / lastYear), yoy.GetProperty("ratio").GetDouble(), 10);
    }
}
