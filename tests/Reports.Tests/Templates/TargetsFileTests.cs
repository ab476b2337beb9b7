using OfficeOpenXml;
using Reports.Templates;
using Reports.Tests.Support;

namespace Reports.Tests.Templates;

/// <summary>The office's targets file may be kept as CSV or as a workbook; both read the same.</summary>
public sealed class TargetsFileTests
{
    [Fact]
    public void A_targets_workbook_reads_like_the_csv()
    {
        var csvPath = Path.Combine(RepositoryPaths.Root, "seeds", "campaign-5plus1", "2022-06-targets.csv");
        var rows = CsvTable.Parse(File.ReadAllText(csvPath));
        using var temp = new TempDirectory();
        var xlsxPath = Path.Combine(temp.Path, "targets.xlsx");
        using (var package = new ExcelPackage())
        {
            var sheet = package.Workbook.Worksheets.Add("目标任务");
            for (var r = 0; r < rows.Count; r++)
            {
                for (var c = 0; c < rows[r].Count; c++)
                {
                    // Codes as text, figures as numbers, as an office would keep them.
                    sheet.Cells[r + 1, c + 1].Value = r > 0 && c > 1 ? decimal.Parse(rows[r][c], System.Globalization.CultureInfo.InvariantCulture) : rows[r][c];
                }
            }
            sheet.Cells[2, 5].Style.Numberformat.Format = "#,##0.00";
            package.SaveAs(new FileInfo(xlsxPath));
        }

        var fromCsv = PrefillSheet.Load(csvPath, Samples.Campaign);
        var fromXlsx = PrefillSheet.Load(xlsxPath, Samples.Campaign);
        Assert.Equal(12, fromXlsx.Count);
        foreach (var (unit, values) in fromCsv)
        {
            Assert.Equal(values, fromXlsx[unit]);
        }
        Assert.Equal(1639m, fromXlsx["140403"]["loan_target_campaign"]);
    }

    [Fact]
    public void The_sample_returns_carry_the_offices_targets_locked()
    {
        var targets = PrefillSheet.Load(Path.Combine(RepositoryPaths.Root, "seeds", "campaign-5plus1", "2022-06-targets.csv"), Samples.Campaign);
        var unit = Samples.Changzhi.Units[0];
        using var package = new ExcelPackage(new FileInfo(Path.Combine(RepositoryPaths.SampleInbox, new TemplateRequest(Samples.Campaign, Samples.Period, unit).FileName)));
        foreach (var (code, value) in targets[unit.Code])
        {
            var cell = package.Workbook.Names[code];
            Assert.Equal(value, Convert.ToDecimal(cell.Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(cell.Style.Locked, $"{code} must be locked");
        }
    }
}
