using System.Globalization;
using System.Text.Json;
using OfficeOpenXml;
using Reports.Pipeline;
using Reports.Tests.Support;

namespace Reports.Tests.Pipeline;

/// <summary>A data-quality signal reaches every output — summary.json, the workbook's 数据核查, the briefing's appendix — and changes no figure.</summary>
public sealed class SignalOutputsTests
{
    [Fact]
    public void An_amount_typed_in_yuan_is_flagged_in_every_output_and_still_merged()
    {
        using var temp = new TempDirectory();
        var inbox = temp.Sub("inbox");
        foreach (var unit in Samples.Changzhi.Units)
        {
            var values = Samples.ValuesOf(unit.Code);
            if (unit.Code == "140406")
            {
                values["sales_orders"] = (decimal.Parse(values["sales_orders"], CultureInfo.InvariantCulture) * 10000).ToString(CultureInfo.InvariantCulture);
            }
            Samples.WriteFilled(inbox, unit, values);
        }
        var output = temp.Sub("out");
        var outcome = new RunPipeline(FixedClock.Default).Execute(Samples.Options(RepositoryPaths.SampleRoster, inbox, output));

        Assert.Equal(ExitCode.Success, outcome.ExitCode); // a signal warns; it does not reject
        var expected = Samples.SampleValues.Keys.Sum(code => Samples.Value(code, "sales_orders") * (code == "140406" ? 10000 : 1));
        Assert.Equal(expected, outcome.Merge.Total.Values["sales_orders"]);

        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, "summary.json")));
        var lucheng = summary.RootElement.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("code").GetString() == "140406");
        var signal = Assert.Single(lucheng.GetProperty("signals").EnumerateArray());
        Assert.Equal("DQ002", signal.GetProperty("code").GetString());

        using (var package = new ExcelPackage(new FileInfo(outcome.OutputFiles.Single(f => Path.GetFileName(f).StartsWith("汇总表-", StringComparison.Ordinal)))))
        {
            var sheet = package.Workbook.Worksheets["数据核查"];
            var row = Enumerable.Range(1, sheet.Dimension.End.Row).Single(r => sheet.Cells[r, 8].Text == "DQ002");
            Assert.Equal("潞城区", sheet.Cells[row, 3].Text);
            Assert.Contains("元", sheet.Cells[row, 10].Text);
        }

        var text = PdfText.Of(outcome.OutputFiles.Single(f => f.EndsWith(".pdf", StringComparison.Ordinal)));
        Assert.Contains("可能误以“元”为单位填报", text);
    }
}
