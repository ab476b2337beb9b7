using OfficeOpenXml;
using Reports.Cli;
using Reports.Cli.Settings;
using Reports.Diagnostics;
using Reports.Intake;
using Reports.Outputs.Receipts;
using Reports.Outputs.Spreadsheet;
using Reports.Pipeline;
using Reports.Pipeline.Outputs;
using Reports.Templates;
using Reports.Tests.Support;

namespace Reports.Tests.Outputs;

/// <summary>Receipts (回执) say what was received and, at the cell, why a return was sent back; they open without repair.</summary>
public sealed class ReceiptTests
{
    private static (IntakeFileResult Result, byte[] Receipt) ReceiptFor(Dictionary<string, string> values, IReadOnlyDictionary<string, object>? typed = null)
    {
        using var temp = new TempDirectory();
        var unit = Samples.Changzhi.Units[0];
        var path = Samples.WriteFilled(temp.Path, unit, values);
        if (typed is not null)
        {
            OpenXmlNameWriter.Fill(path, typed);
        }
        var result = new ReturnFileReader(new IntakeContext(Samples.Campaign, Samples.Changzhi, Samples.Period)).Read(path);
        var receipt = new ReceiptWriter(FixedClock.Default, roster: Samples.Changzhi, period: Samples.Period).Write(result.File, InboxIntake.Alone(result), Samples.Campaign);
        return (result, receipt);
    }

    /// <summary>The 回执 sheet's facts: label → value.</summary>
    private static Dictionary<string, string> Facts(ExcelPackage package)
    {
        var sheet = package.Workbook.Worksheets[ReceiptWriter.SummarySheet];
        return Enumerable.Range(1, 12).Where(r => sheet.Cells[r, 1].Text.Length > 0 && sheet.Cells[r, 2].Text.Length > 0)
            .ToDictionary(r => sheet.Cells[r, 1].Text, r => sheet.Cells[r, 2].Text);
    }

    [Fact]
    public void A_clean_receipt_names_the_unit_and_the_period_it_was_checked_for()
    {
        var unit = Samples.Changzhi.Units[0];
        var (result, receipt) = ReceiptFor(Samples.ValuesOf(unit.Code));
        Assert.Equal(IntakeStatus.Accepted, result.Status);
        using var package = new ExcelPackage(new MemoryStream(receipt));
        var facts = Facts(package);
        Assert.Equal(unit.Code, facts["单位代码"]);
        Assert.Equal(unit.Name, facts["单位名称"]);
        Assert.Equal($"{Samples.Period.Year}年{Samples.Period.Month}月", facts["报告期"]);
    }

    [Fact]
    public void The_rebuilt_return_shows_the_period_itself()
    {
        var values = Samples.ValuesOf("140403");
        values["emp_outside"] = "999999";
        var (result, receipt) = ReceiptFor(values);
        Assert.Equal(IntakeStatus.Rejected, result.Status);
        using var package = new ExcelPackage(new MemoryStream(receipt));
        var sheet = package.Workbook.Worksheets[ReceiptWriter.ReturnSheet];
        var label = Enumerable.Range(1, 6).Single(c => sheet.Cells[3, c].Text == "报告期");
        Assert.Equal($"{Samples.Period.Year}年{Samples.Period.Month}月", sheet.Cells[3, label + 1].Text);
    }

    [Fact]
    public void Findings_and_a_long_file_name_get_rows_as_high_as_their_wrapped_text()
    {
        using var temp = new TempDirectory();
        var unit = Samples.Changzhi.Units[0];
        var values = Samples.ValuesOf(unit.Code);
        values["emp_outside"] = "999999";
        values["proj_started"] = "999";
        var file = Samples.WriteFilled(temp.Path, unit, values);
        var named = Path.Combine(temp.Path, Path.GetFileNameWithoutExtension(file) + "-第二次更正版本（经县级联席会议审定后重新报送的最终版本，请以此为准）.xlsx");
        File.Move(file, named);
        var result = new ReturnFileReader(new IntakeContext(Samples.Campaign, Samples.Changzhi, Samples.Period)).Read(named);
        var receipt = new ReceiptWriter(FixedClock.Default, roster: Samples.Changzhi, period: Samples.Period).Write(result.File, InboxIntake.Alone(result), Samples.Campaign);
        Assert.Equal(IntakeStatus.Rejected, result.Status);

        using var package = new ExcelPackage(new MemoryStream(receipt));
        var findings = package.Workbook.Worksheets[ReceiptWriter.FindingsSheet];
        var wrapped = 0;
        for (var row = 2; row <= 1 + result.Diagnostics.Count; row++)
        {
            // Lines the wrapped 说明 and 怎么做 take in their columns, counted here: no reader grows the row on its own.
            var lines = new[] { 7, 8 }.Max(c => Math.Max(1, Math.Ceiling(TextMeasure.Width(findings.Cells[row, c].Text) / (findings.Column(c).Width - 1))));
            Assert.True(findings.Row(row).Height >= 15 * lines - 0.01, $"row {row}: {findings.Row(row).Height} pt for {lines} lines");
            wrapped += lines > 1 ? 1 : 0;
        }
        Assert.True(wrapped > 0, "a finding's text wraps");

        var summary = package.Workbook.Worksheets[ReceiptWriter.SummarySheet];
        var fileRow = Enumerable.Range(1, 10).Single(r => summary.Cells[r, 1].Text == "文件");
        Assert.Equal(Path.GetFileName(named), summary.Cells[fileRow, 2].Text);
        var merged = Enumerable.Range(2, 4).Sum(c => summary.Column(c).Width);
        var fileLines = Math.Ceiling(TextMeasure.Width(Path.GetFileName(named)) / (merged - 1));
        Assert.True(fileLines > 1);
        Assert.True(summary.Row(fileRow).Height >= 15 * fileLines - 0.01);
        Assert.True(summary.Cells[fileRow, 2].Style.WrapText);
    }

    /// <summary>The receipt's cell for a field: where our template's layout puts it.</summary>
    private static ExcelRange OurCell(ExcelPackage package, string field)
    {
        var (row, column) = TemplateLayout.Cells(Samples.Campaign)[field];
        return package.Workbook.Worksheets[ReceiptWriter.ReturnSheet].Cells[row, column];
    }

    [Fact]
    public void A_rejected_return_comes_back_in_our_layout_with_its_cells_highlighted_and_commented_and_every_finding_listed()
    {
        var values = Samples.ValuesOf("140403");
        values["emp_outside"] = "999999"; // more than emp_total
        values["fund_invested"] = "";      // required
        var (result, receipt) = ReceiptFor(values);
        Assert.Equal(IntakeStatus.Rejected, result.Status);

        Assert.Empty(WorkbookValidation.Errors(receipt));
        using var package = new ExcelPackage(new MemoryStream(receipt));
        var sheets = package.Workbook.Worksheets.Select(s => s.Name).ToList();
        Assert.Equal([ReceiptWriter.SummarySheet, ReceiptWriter.ReturnSheet, ReceiptWriter.FindingsSheet], sheets);
        Assert.Empty(package.Workbook.Names); // nothing of the county's workbook, not even its names

        foreach (var diagnostic in result.Diagnostics)
        {
            var comment = OurCell(package, diagnostic.Field!).Comment;
            Assert.NotNull(comment);
            Assert.Contains(diagnostic.Code, comment.Text);
            Assert.Contains(diagnostic.Message, comment.Text);
            Assert.Contains($"{diagnostic.Sheet}!{diagnostic.Cell}", comment.Text); // where to find it in their own file
            Assert.Equal(ReceiptWriter.CommentAuthor, comment.Author);
            Assert.Equal("FFFFC7CE", OurCell(package, diagnostic.Field!).Style.Fill.BackgroundColor.Rgb);
        }
        // The county's figures as read; a blank cell says so.
        Assert.Equal(999999m, Convert.ToDecimal(OurCell(package, "emp_outside").Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("（空）", OurCell(package, "fund_invested").Value);
        Assert.Equal(result.Submission!.Values["emp_total"], Convert.ToDecimal(OurCell(package, "emp_total").Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(OurCell(package, "emp_total").Comment);

        var findings = package.Workbook.Worksheets[ReceiptWriter.FindingsSheet];
        var codes = Enumerable.Range(2, result.Diagnostics.Count).Select(r => findings.Cells[r, 2].Text).ToList();
        Assert.Equal(result.Diagnostics.Select(d => d.Code), codes);
        Assert.Equal("", findings.Cells[2 + result.Diagnostics.Count, 2].Text);
        Assert.Contains("“其中”项", findings.Cells[2, 8].Text + findings.Cells[3, 8].Text);
    }

    [Fact]
    public void What_the_clerk_typed_is_shown_where_it_did_not_parse_and_the_cell_is_marked()
    {
        var (result, receipt) = ReceiptFor(Samples.ValuesOf("140403"), new Dictionary<string, object> { ["emp_total"] = "约11500", ["cadre_total"] = "=SUM(1,2)" });
        Assert.Equal(IntakeStatus.Rejected, result.Status);
        var finding = Assert.Single(result.Diagnostics, d => d.Field == "emp_total");

        Assert.Empty(WorkbookValidation.Errors(receipt));
        using var package = new ExcelPackage(new MemoryStream(receipt));
        var cell = OurCell(package, "emp_total");
        Assert.Equal("约11500", cell.Value);
        Assert.Equal("FFFFC7CE", cell.Style.Fill.BackgroundColor.Rgb);
        Assert.Contains(finding.Code, cell.Comment.Text);
        Assert.Contains($"{finding.Sheet}!{finding.Cell}", cell.Comment.Text);
        Assert.Contains(DiagnosticCatalog.Find(finding.Code)!.Advice, cell.Comment.Text);
        // Text that looks like a formula stays text.
        var formulaLike = OurCell(package, "cadre_total");
        Assert.Equal("=SUM(1,2)", formulaLike.Value);
        Assert.True(string.IsNullOrEmpty(formulaLike.Formula));
        Assert.DoesNotContain("<f>", ZipParts.AllText(receipt), StringComparison.Ordinal);

        // The summary sheet shows the same, never "not read" for a cell that held something.
        var summary = package.Workbook.Worksheets[ReceiptWriter.SummarySheet];
        var row = Enumerable.Range(1, 60).Single(r => summary.Cells[r, 1].Text == "emp_total");
        Assert.Equal("约11500", summary.Cells[row, 3].Value);
        Assert.Equal($"{finding.Sheet}!{finding.Cell}", summary.Cells[row, 5].Text);
        Assert.DoesNotContain("未读取", ZipParts.AllText(receipt), StringComparison.Ordinal);
    }

    [Fact]
    public void Our_layout_puts_every_name_where_the_template_does()
    {
        using var template = new ExcelPackage(new MemoryStream(Samples.Template(Samples.Changzhi.Units[0])));
        var cells = TemplateLayout.Cells(Samples.Campaign);
        var names = Samples.Campaign.Fields.Select(f => f.Code).Concat([.. MetaNames.All, MetaNames.Submitted]).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), cells.Keys.Order(StringComparer.Ordinal));
        foreach (var name in names)
        {
            var named = template.Workbook.Names[name];
            Assert.Equal((named.Start.Row, named.Start.Column), cells[name]);
        }
    }

    [Fact]
    public void Receipts_are_drawn_from_the_intake_result_and_never_take_or_read_the_county_bytes()
    {
        // The API has no way in for the county's file.
        var parameters = typeof(ReceiptWriter).GetMethods().Concat(typeof(ReceiptFolder).GetMethods())
            .Where(m => m.DeclaringType != typeof(object)).SelectMany(m => m.GetParameters()).Select(p => p.ParameterType).ToList();
        Assert.DoesNotContain(parameters, t => t == typeof(byte[]) || typeof(Stream).IsAssignableFrom(t) || (t.IsGenericType && t.GetGenericArguments().Contains(typeof(byte[]))));

        // Deterministic: the same result and clock give the same bytes.
        var values = Samples.ValuesOf("140403");
        values["emp_outside"] = "999999";
        var (result, clean) = ReceiptFor(values);
        var writer = new ReceiptWriter(FixedClock.Default, roster: Samples.Changzhi, period: Samples.Period);
        Assert.Equal(clean, writer.Write(result.File, InboxIntake.Alone(result), Samples.Campaign));
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
        Assert.Matches(@"140404-上党区-campaign-5plus1-2022-06\.xlsx\[填报!D[0-9]+\]: 错误 RPT073: .*约500.* \(cadre_total\)", stdout.ToString());
        Assert.Equal("", stderr.ToString());
        Assert.Equal(2, Directory.GetFiles(receipts, "自查-*.xlsx").Length);
        Assert.Empty(Directory.GetFiles(receipts, "回执-*.xlsx")); // a self-check is no receipt of reception
    }

    [Fact]
    public void Every_receipt_sheet_prints_on_A4_one_page_wide_with_its_header_rows_repeated_and_findings_wrapped_in_borders()
    {
        var values = Samples.ValuesOf("140403");
        values["emp_outside"] = "999999";
        var (result, receipt) = ReceiptFor(values, new Dictionary<string, object> { ["emp_total"] = "约11500" });
        Assert.Equal(IntakeStatus.Rejected, result.Status);

        using var package = new ExcelPackage(new MemoryStream(receipt));
        Assert.Equal(3, package.Workbook.Worksheets.Count);
        foreach (var sheet in package.Workbook.Worksheets)
        {
            Assert.Equal(ePaperSize.A4, sheet.PrinterSettings.PaperSize);
            Assert.True(sheet.PrinterSettings.FitToPage, sheet.Name);
            Assert.Equal(1, sheet.PrinterSettings.FitToWidth);
            Assert.Equal(0, sheet.PrinterSettings.FitToHeight); // as many pages long as it takes
            Assert.NotNull(sheet.PrinterSettings.RepeatRows);
        }
        var findings = package.Workbook.Worksheets[ReceiptWriter.FindingsSheet];
        Assert.Equal(eOrientation.Landscape, findings.PrinterSettings.Orientation);
        Assert.Equal(1, findings.PrinterSettings.RepeatRows.Start.Row);
        Assert.Equal("说明", findings.Cells[1, 7].Text);
        Assert.Equal("怎么做", findings.Cells[1, 8].Text);
        for (var row = 2; row <= 1 + result.Diagnostics.Count; row++)
        {
            foreach (var column in new[] { 7, 8 })
            {
                var style = findings.Cells[row, column].Style;
                Assert.True(style.WrapText);
                Assert.Equal(OfficeOpenXml.Style.ExcelBorderStyle.Thin, style.Border.Left.Style);
                Assert.Equal(OfficeOpenXml.Style.ExcelBorderStyle.Thin, style.Border.Bottom.Style);
            }
            // Both columns together fit a landscape page at a legible scale: no column wider than half of it.
            Assert.InRange(findings.Column(7).Width + findings.Column(8).Width, 60, 100);
        }

        // The 回执 sheet quotes what the clerk typed in the failing cell.
        var summary = package.Workbook.Worksheets[ReceiptWriter.SummarySheet];
        var emp = Enumerable.Range(1, 60).Single(r => summary.Cells[r, 1].Text == "emp_total");
        Assert.Equal("约11500", summary.Cells[emp, 3].Text);
    }

    [Fact]
    public void Validate_writes_a_self_check_that_says_the_file_was_not_sent_and_never_a_receipt_of_reception()
    {
        using var temp = new TempDirectory();
        var unit = Samples.Changzhi.Units[0];
        var bad = Samples.WriteFilled(temp.Path, unit, Samples.ValuesOf(unit.Code));
        OpenXmlNameWriter.Fill(bad, new Dictionary<string, object> { ["emp_total"] = "约11500" });
        var folder = temp.Sub("自查");

        var exit = new ReportsCommand(FixedClock.Default, new StringWriter(), new StringWriter()).Invoke(["validate", bad, "--roster", RepositoryPaths.SampleRoster, "--receipts", folder]);
        Assert.Equal((int)ExitCode.Incomplete, exit);
        var written = Assert.Single(Directory.GetFiles(folder));
        Assert.StartsWith("自查-", Path.GetFileName(written), StringComparison.Ordinal);

        var bytes = File.ReadAllBytes(written);
        Assert.Empty(WorkbookValidation.Errors(bytes));
        var text = ZipParts.AllText(bytes);
        Assert.DoesNotContain("报表接收回执", text, StringComparison.Ordinal);
        Assert.DoesNotContain("接收时间", text, StringComparison.Ordinal);
        Assert.DoesNotContain("已接收", text, StringComparison.Ordinal);
        using var package = new ExcelPackage(new MemoryStream(bytes));
        var sheet = package.Workbook.Worksheets.First();
        Assert.Equal(ReceiptWriter.SelfCheckSheet, sheet.Name);
        Assert.Null(package.Workbook.Worksheets[ReceiptWriter.SummarySheet]);
        var cells = Enumerable.Range(1, 12).Select(r => sheet.Cells[r, 1].Text + " " + sheet.Cells[r, 2].Text).ToList();
        Assert.Contains(cells, c => c.Contains("尚未报送", StringComparison.Ordinal) && c.Contains("市级尚未收到", StringComparison.Ordinal));
        Assert.Contains(cells, c => c.StartsWith("结果 未通过", StringComparison.Ordinal));
        // And the return in our layout, the clerk's text quoted where it failed.
        var (row, column) = TemplateLayout.Cells(Samples.Campaign)["emp_total"];
        Assert.Equal("约11500", package.Workbook.Worksheets[ReceiptWriter.ReturnSheet].Cells[row, column].Text);
    }

    [Fact]
    public void Validate_of_a_missing_file_is_a_usage_error()
    {
        var stderr = new StringWriter();
        var exit = new ReportsCommand(FixedClock.Default, new StringWriter(), stderr).Invoke(["validate", "/nonexistent/140403.xlsx"]);
        Assert.Equal((int)ExitCode.UsageError, exit);
    }
}
