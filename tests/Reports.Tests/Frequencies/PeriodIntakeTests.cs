using Reports.Diagnostics;
using Reports.Intake;
using Reports.Periods;
using Reports.Tests.Support;

namespace Reports.Tests.Frequencies;

/// <summary>A return carries its period: a file of one frequency never counts for a period of another, even one that ends on the same day.</summary>
public sealed class PeriodIntakeTests
{
    [Theory]
    [InlineData("2022-W26", "2022-06")]
    [InlineData("2022-06", "2022-W26")]
    [InlineData("2022-06-D3", "2022-06")]
    [InlineData("2022-06", "2022-06-D3")]
    [InlineData("2022-W25", "2022-06-D2")]
    [InlineData("2022-W25", "2021-W25")]
    public void A_file_of_one_period_is_refused_for_another(string filePeriod, string runPeriod)
    {
        Assert.True(ReportingPeriod.TryParse(filePeriod, out var sent));
        Assert.True(ReportingPeriod.TryParse(runPeriod, out var run));
        using var temp = new TempDirectory();
        var unit = Samples.Changzhi.Find("140403")!;
        var path = Samples.WriteFilled(temp.Path, unit, Samples.ValuesOf(unit.Code), sent);

        var elsewhere = new ReturnFileReader(new IntakeContext(Samples.Campaign, Samples.Changzhi, run)).Read(path);
        var own = new ReturnFileReader(new IntakeContext(Samples.Campaign, Samples.Changzhi, sent)).Read(path);

        var wrong = Assert.Single(elsewhere.Diagnostics, d => d.Code == DiagnosticCatalog.WrongPeriod.Code);
        Assert.Contains($"报告期为“{filePeriod}”，本次汇总的报告期为“{runPeriod}”", wrong.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(own.Diagnostics, d => d.Code == DiagnosticCatalog.WrongPeriod.Code);
    }
}
