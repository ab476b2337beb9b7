using Reports.Definitions;
using Reports.Diagnostics;
using Reports.Intake;
using Reports.Templates;
using Reports.Tests.Support;

namespace Reports.Tests.Checks;

/// <summary>
/// Must-fix and must-explain checks of generated returns, read by intake: a must-explain finding with a real 情况说明
/// is a warning carrying it; without one, or with only 核实无误, an error at the 情况说明 cell sends the return back;
/// a must-fix finding rejects whatever the 情况说明 says.
/// </summary>
public sealed class MustExplainIntakeTests
{
    private const string Explanation = "今年新建劳务输出基地两个，县人社局组织专列输出脱贫劳动力，务工人数比上年度明显增加";

    private static readonly string VerifyNoteCell = Cell(ReturnDefinition.VerifyNoteField);

    private static string Cell(string field)
    {
        var (row, column) = TemplateLayout.Cells(Samples.Campaign)[field];
        return WorkbookReadBack.Reference(row, column);
    }

    private static IntakeFileResult Read(string unitCode, Action<Dictionary<string, string>> change)
    {
        using var temp = new TempDirectory();
        var unit = Samples.Changzhi.Find(unitCode)!;
        var values = Samples.ValuesOf(unitCode);
        change(values);
        var path = Samples.WriteFilled(temp.Path, unit, values);
        return new ReturnFileReader(new IntakeContext(Samples.Campaign, Samples.Changzhi, Samples.Period)).Read(path);
    }

    /// <summary>1.79 times last year's 11160: outside [0.7, 1.5].</summary>
    private static void Jump(Dictionary<string, string> values) => values["emp_total"] = "20000";

    [Fact]
    public void An_explained_jump_is_accepted_with_the_explanation_beside_its_warning()
    {
        var result = Read("140404", v => { Jump(v); v["verify_note"] = Explanation; });

        Assert.Equal(IntakeStatus.Accepted, result.Status);
        var finding = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCatalog.OutsideRange.Code, finding.Code);
        Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
        Assert.Equal(Explanation, finding.Explanation);
        Assert.Equal("emp_total", finding.Field);
        Assert.Equal(Cell("emp_total"), finding.Cell);
        // 20000 / 11160 = 179.21%, independently of the code under test.
        Assert.Contains((20000m / 11160m * 100).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "%", finding.Message);
        Assert.Contains("70.00%～150.00%", finding.Message);
    }

    [Fact]
    public void An_unexplained_jump_is_sent_back_naming_the_verify_note_cell()
    {
        var result = Read("140404", Jump);

        Assert.Equal(IntakeStatus.Rejected, result.Status);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCatalog.NotExplained.Code, error.Code);
        Assert.Equal((TemplateGenerator.SheetName, VerifyNoteCell, ReturnDefinition.VerifyNoteField), (error.Sheet, error.Cell, error.Field));
        Assert.Contains($"情况说明一栏（{TemplateGenerator.SheetName}!{VerifyNoteCell}）", error.Message);
        Assert.Contains("务工总人数占上年度", error.Message);
        var warning = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCatalog.OutsideRange.Code);
        Assert.Null(warning.Explanation);
    }

    [Theory]
    [InlineData("核实无误")]
    [InlineData("经核实无误。")]
    [InlineData(" 数据属实！ ")]
    [InlineData("情况属实，数据正确")]
    [InlineData("无误")]
    [InlineData("见附件")]
    public void A_formula_of_assent_is_no_explanation_and_sends_the_return_back(string note)
    {
        var result = Read("140404", v => { Jump(v); v["verify_note"] = note; });

        Assert.Equal(IntakeStatus.Rejected, result.Status);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCatalog.NotAnExplanation.Code, error.Code);
        Assert.Equal(VerifyNoteCell, error.Cell);
        Assert.Contains(note.Trim(), error.Message);
        Assert.All(result.Diagnostics, d => Assert.Null(d.Explanation));
    }

    [Fact]
    public void A_loan_amount_with_no_households_is_must_fix_whatever_the_verify_note_says()
    {
        var result = Read("140403", v => { v["loan_households"] = "0"; v["verify_note"] = Explanation; });

        Assert.Equal(IntakeStatus.Rejected, result.Status);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCatalog.NeedsViolated.Code, error.Code);
        Assert.Equal(("loan_households", Cell("loan_households")), (error.Field, error.Cell));
        Assert.Null(error.Explanation);
    }

    [Fact]
    public void A_range_an_office_declares_must_fix_rejects_even_with_an_explanation()
    {
        var strict = Samples.Campaign with { Checks = [new ReturnCheck(ReturnCheckKind.Range, CheckClass.MustFix, "emp_total_ratio", 0.7m, 1.5m)] };
        using var temp = new TempDirectory();
        var values = Samples.ValuesOf("140404");
        Jump(values);
        values["verify_note"] = Explanation;
        var path = Samples.WriteFilled(temp.Path, Samples.Changzhi.Find("140404")!, values);

        var result = new ReturnFileReader(new IntakeContext(strict, Samples.Changzhi, Samples.Period)).Read(path);

        Assert.Equal(IntakeStatus.Rejected, result.Status);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCatalog.OutsideRange.Code, DiagnosticSeverity.Error, (string?)null), (error.Code, error.Severity, error.Explanation));
    }

    [Fact]
    public void An_average_loan_above_five_ten_thousand_yuan_must_be_explained()
    {
        // 1586.76万元 over 300 households: 5.29万元 a household.
        var result = Read("140403", v => v["loan_households"] = "300");

        Assert.Equal(IntakeStatus.Rejected, result.Status);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCatalog.OutsideRange.Code && d.Message.Contains("5.29万元", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCatalog.NotExplained.Code);
    }

    [Fact]
    public void Figures_within_every_check_need_no_explanation()
    {
        var result = Read("140405", _ => { });

        Assert.Equal(IntakeStatus.Accepted, result.Status);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void A_yulu_rate_below_ninety_percent_must_be_explained_in_the_employment_return()
    {
        using var temp = new TempDirectory();
        var unit = SampleReturn.Employment.Roster.Find("410181")!;
        var values = new Dictionary<string, string>(SampleReturn.Employment.SampleValues["410181"]) { ["yulu_placed"] = "50" }; // 50 of 62: 80.6%
        var path = SampleReturn.Employment.WriteFilled(temp.Path, unit, values);
        var reader = new ReturnFileReader(new IntakeContext(SampleReturn.Employment.Definition, SampleReturn.Employment.Roster, SampleReturn.Employment.Period));

        var unexplained = reader.Read(path);
        values["verify_note"] = "今年毕业生中有12人参加专升本考试，成绩尚未公布，暂按未就业统计";
        File.Delete(path);
        var explained = reader.Read(SampleReturn.Employment.WriteFilled(temp.Path, unit, values));

        Assert.Equal(IntakeStatus.Rejected, unexplained.Status);
        Assert.Contains(unexplained.Diagnostics, d => d.Code == DiagnosticCatalog.BelowRequired.Code && d.Message.Contains("80.6%", StringComparison.Ordinal) && d.Message.Contains("90%", StringComparison.Ordinal));
        Assert.Equal(IntakeStatus.Accepted, explained.Status);
        Assert.Equal(values["verify_note"], Assert.Single(explained.Diagnostics).Explanation);
    }

    [Fact]
    public void An_industry_share_below_the_years_required_share_must_be_explained()
    {
        using var temp = new TempDirectory();
        var unit = Samples.Changzhi.Find("140403")!;
        var (values, ledger) = FundLedgers.Made("140403", 3);
        var allocated = Figures.Number(values["fund_allocated"]);
        values["fund_industry"] = decimal.Round(allocated * 0.6m, 2).ToString(System.Globalization.CultureInfo.InvariantCulture); // 60% < 65% (2024)
        var path = SampleReturn.Fund.WriteFilled(temp.Path, unit, values, ledger: ledger);

        var in2024 = new ReturnFileReader(new IntakeContext(SampleReturn.Fund.Definition, Samples.Changzhi, new Reports.Periods.ReportingPeriod(2024, 6))).Read(path);
        var in2022 = new ReturnFileReader(new IntakeContext(SampleReturn.Fund.Definition, Samples.Changzhi, Samples.Period)).Read(path);

        Assert.Contains(in2024.Diagnostics, d => d.Code == DiagnosticCatalog.BelowRequired.Code && d.Message.Contains("65%", StringComparison.Ordinal));
        Assert.Contains(in2024.Diagnostics, d => d.Code == DiagnosticCatalog.NotExplained.Code);
        Assert.DoesNotContain(in2022.Diagnostics, d => d.Code == DiagnosticCatalog.BelowRequired.Code); // no share required before 2024
    }

    [Fact]
    public void A_file_from_a_template_without_the_verify_note_cell_is_told_to_use_the_latest_template()
    {
        using var temp = new TempDirectory();
        var unit = Samples.Changzhi.Find("140404")!;
        var values = Samples.ValuesOf("140404");
        Jump(values);
        var path = Samples.WriteFilled(temp.Path, unit, values);
        using (var package = new OfficeOpenXml.ExcelPackage(new FileInfo(path)))
        {
            package.Workbook.Names.Remove(ReturnDefinition.VerifyNoteField); // as a template made before 情况说明 was
            package.Save();
        }

        var result = new ReturnFileReader(new IntakeContext(Samples.Campaign, Samples.Changzhi, Samples.Period)).Read(path);

        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCatalog.NotExplained.Code, error.Code);
        Assert.Null(error.Cell);
        Assert.Contains("旧模板", error.Message);
    }
}
