using OfficeOpenXml;
using Reports.Cli;
using Reports.Cli.Settings;
using Reports.Intake;
using Reports.Outputs.Receipts;
using Reports.Pipeline;
using Reports.Tests.Support;

namespace Reports.Tests.Outputs;

/// <summary>Receipts (回执) say what was received and, at the cell, why a return was sent back; they open without repair.</summary>
public sealed class ReceiptTests
{
    private static (IntakeFileResult Result, byte[] Receipt) ReceiptFor(Dictionary<string, string> values)
    {
        using var temp = new TempDirectory();
        var unit = Samples.Changzhi.Units[0];
        var path = Samples.WriteFilled(temp.Path, unit, values);
        var result = new ReturnFileReader(new IntakeContext(Samples.Campaign, Samples.Changzhi, Samples.Period)).Read(path);
        var receipt = new ReceiptWriter(FixedClock.Default).Write(result, Samples.Campaign, File.ReadAllBytes(path));
        return (result, receipt);
    }

    [Fact]
    public void A_rejected_return_comes_back_with_its_cells_highlighted_and_commented_and_every_finding_listed()
    {
        var values = Samples.ValuesOf("140403");
        values["emp_outside"] = "999999"; // more than emp_total
        values["fund_invested"] = "";      // required
        var (result, receipt) = ReceiptFor(values);
        Assert.Equal(IntakeStatus.Rejected, result.Status);

        Assert.Empty(WorkbookValidation.Errors(receipt));
        using var package = new ExcelPackage(new MemoryStream(receipt));
        var sheets = package.Workbook.Worksheets.Select(s => s.Name).ToList();
        Assert.Equal([ReceiptWriter.SummarySheet, "填报", ReceiptWriter.FindingsSheet], sheets);

        var own = package.Workbook.Worksheets["填报"];
        foreach (var diagnostic in result.Diagnostics)
        {
            var comment = own.Cells[diagnostic.Cell!].Comment;
            Assert.NotNull(comment);
            Assert.Contains(diagnostic.Code, comment.Text);
            Assert.Contains(diagnostic.Message, comment.Text);
            Assert.Equal(ReceiptWriter.CommentAuthor, comment.Author);
        }
        // The county's own figures are still there, as sent.
        Assert.Equal(999999d, Convert.ToDouble(package.Workbook.Names["emp_outside"].Value, System.Globalization.CultureInfo.InvariantCulture));

        var findings = package.Workbook.Worksheets[ReceiptWriter.FindingsSheet];
        var codes = Enumerable.Range(2, result.Diagnostics.Count).Select(r => findings.Cells[r, 2].Text).ToList();
        Assert.Equal(result.Diagnostics.Select(d => d.Code), codes);
        Assert.Equal("", findings.Cells[2 + result.Diagnostics.Count, 2].Text);
        Assert.Contains("“其中”项", findings.Cells[2, 8].Text + findings.Cells[3, 8].Text);
    }

    [Fact]
    public void A_clean_return_gets_a_short_receipt_with_the_hash_and_the_figures_as_read()
    {
        var values = Samples.ValuesOf("140403");
        values["remarks"] = "=1+1";
        var (result, receipt) = ReceiptFor(values);
        Assert.Equal(IntakeStatus.Accepted, result.Status);

        Assert.Empty(WorkbookValidation.Errors(receipt));
        using var package = new ExcelPackage(new MemoryStream(receipt));
        var sheet = Assert.Single(package.Workbook.Worksheets);
        Assert.Equal(ReceiptWriter.SummarySheet, sheet.Name);
        var cells = Enumerable.Range(1, 60).ToDictionary(r => r, r => (Key: sheet.Cells[r, 1].Text, Value: sheet.Cells[r, 3]));
        Assert.Contains(Enumerable.Range(1, 10), r => sheet.Cells[r, 2].Text == result.Sha256);
        foreach (var (code, number) in result.Submission!.Values)
        {
            var row = cells.Single(c => c.Value.Key == code);
            Assert.Equal(number, Convert.ToDecimal(row.Value.Value.Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        var remarks = cells.Single(c => c.Value.Key == "remarks").Value.Value;
        Assert.Equal("=1+1", remarks.Value);
        Assert.True(string.IsNullOrEmpty(remarks.Formula));
    }

    [Fact]
    public void Validate_prints_the_intake_diagnostics_and_exits_3_with_errors_0_when_clean()
    {
        using var temp = new TempDirectory();
        var units = Samples.Changzhi.Units;
        var clean = Samples.WriteFilled(temp.Path, units[0], Samples.ValuesOf(units[0].Code));
        var bad = Samples.WriteFilled(temp.Path, units[1], Samples.ValuesOf(units[1].Code));
        OpenXmlNameWriter.Fill(bad, new Dictionary<string, object> { ["cadre_total"] = "约500" });

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = new ReportsCommand(FixedClock.Default, stdout, stderr).Invoke(["validate", clean, "--roster", RepositoryPaths.SampleRoster]);
        Assert.Equal((int)ExitCode.Success, exit);
        Assert.Equal("", stderr.ToString());
        Assert.Contains("通过", stdout.ToString());

        var receipts = temp.Sub("receipts");
        exit = new ReportsCommand(FixedClock.Default, stdout, stderr).Invoke(["validate", clean, bad, "--roster", RepositoryPaths.SampleRoster, "--receipts", receipts]);
        Assert.Equal((int)ExitCode.Incomplete, exit);
        Assert.Matches(@"140404-上党区-campaign-5plus1-2022-06\.xlsx\[填报!D[0-9]+\]: error RPT073: .*约500.* \(cadre_total\)", stderr.ToString());
        Assert.Equal(2, Directory.GetFiles(receipts, "回执-*.xlsx").Length);
    }

    [Fact]
    public void Validate_of_a_missing_file_is_a_usage_error()
    {
        var stderr = new StringWriter();
        var exit = new ReportsCommand(FixedClock.Default, new StringWriter(), stderr).Invoke(["validate", "/nonexistent/140403.xlsx"]);
        Assert.Equal((int)ExitCode.UsageError, exit);
    }
}
