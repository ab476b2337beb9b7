using OfficeOpenXml;
using Reports.Definitions;
using Reports.Diagnostics;
using Reports.Intake;
using Reports.Intake.Xlsx;
using Reports.Rosters;
using Reports.Tests.Support;

namespace Reports.Tests.Intake;

/// <summary>
/// Hostile figures in generated returns: numbers beyond 10^15 or with more than six decimals, typed or stored, are
/// RPT079; a date in a count or amount cell is RPT078 showing the date; a formula in a remark is kept as its text
/// with RPT056. Nothing impossible reaches the merge, and nothing becomes 0 on the way.
/// </summary>
public sealed class NumberBoundsTests
{
    private static readonly RosterUnit Unit = new("140403", "潞州区");

    private static IntakeFileResult ReadWith(Action<ExcelPackage>? edit = null, IReadOnlyDictionary<string, object>? otherWriter = null)
    {
        using var temp = new TempDirectory();
        var path = Samples.WriteFilled(temp.Path, Unit, Samples.ValuesOf(Unit.Code));
        if (edit is not null)
        {
            using var package = new ExcelPackage(new FileInfo(path));
            edit(package);
            package.Save();
        }
        if (otherWriter is not null)
        {
            OpenXmlNameWriter.Fill(path, otherWriter);
        }
        return new ReturnFileReader(new IntakeContext(Samples.Campaign, Samples.Changzhi, Samples.Period)).Read(path);
    }

    private static Diagnostic Only(IntakeFileResult result, DiagnosticCode code, string field)
    {
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Code == code.Code);
        Assert.Equal(field, diagnostic.Field);
        Assert.NotNull(diagnostic.Cell);
        return diagnostic;
    }

    [Theory]
    [InlineData("emp_total", "79228162514264337593543950335")]
    [InlineData("emp_total", "1000000000000000000")]
    [InlineData("emp_total", "79228162514264337593543950336")] // one past decimal.MaxValue: still a range, not "not a number"
    [InlineData("loan_amount", "1,000,000,000,000,000.01")]
    public void A_huge_typed_number_is_out_of_range_quoting_what_was_typed(string field, string typed)
    {
        var result = ReadWith(otherWriter: new Dictionary<string, object> { [field] = typed });

        Assert.Equal(IntakeStatus.Rejected, result.Status);
        var diagnostic = Only(result, DiagnosticCatalog.OutOfRange, field);
        Assert.True(diagnostic.IsError);
        Assert.Contains($"“{typed}”", diagnostic.Message);
        Assert.Contains("10^15", diagnostic.Message);
        // The rest of the return is still read.
        var clean = ReadWith().Submission!.Values;
        Assert.Equal(clean.Where(v => v.Key != field).OrderBy(v => v.Key, StringComparer.Ordinal), result.Submission!.Values.OrderBy(v => v.Key, StringComparer.Ordinal));
        Assert.DoesNotContain(field, result.Submission.Values.Keys);
    }

    [Fact]
    public void The_largest_possible_figure_is_read()
    {
        var result = ReadWith(otherWriter: new Dictionary<string, object> { ["sales_fairs"] = "1000000000000000" });
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == DiagnosticCatalog.OutOfRange.Code);
        Assert.Equal(1_000_000_000_000_000m, result.Submission!.Values["sales_fairs"]);
    }

    [Theory]
    [InlineData(1e20, "1E+20")]
    [InlineData(1e-300, "1E-300")]
    public void A_stored_number_out_of_range_is_refused_not_zeroed(double stored, string shown)
    {
        var result = ReadWith(otherWriter: new Dictionary<string, object> { ["emp_total"] = stored });

        var diagnostic = Only(result, DiagnosticCatalog.OutOfRange, "emp_total");
        Assert.Contains(shown, diagnostic.Message);
        Assert.DoesNotContain("emp_total", result.Submission!.Values.Keys);
    }

    [Theory]
    [InlineData("0.0000000000000000000000000001")] // 28 places: a decimal holds it
    [InlineData("0.00000000000000000000000000000001")] // 32 places: a decimal would round it to 0
    [InlineData("0.0000001")]
    [InlineData("12.34567891%")]
    public void Too_many_decimals_in_a_rate_are_out_of_range(string typed)
    {
        var diagnostics = new List<Diagnostic>();
        var rate = new FieldDefinition("match_rate", "资金匹配率", "%", FieldKind.Rate, true, null, false, null);
        var parsed = ValueParser.Parse(new FieldCell(rate, "填报", "D9", new XlsxCellValue(XlsxCellKind.Text, typed, null)), "x.xlsx", diagnostics);

        Assert.True(parsed.IsBlank);
        var diagnostic = Assert.Single(diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCatalog.OutOfRange.Code, diagnostic.Code);
        Assert.Contains("小数位过多", diagnostic.Message);
        Assert.Contains(typed, diagnostic.Message);
    }

    [Fact]
    public void Six_decimals_in_a_rate_are_read()
    {
        var diagnostics = new List<Diagnostic>();
        var rate = new FieldDefinition("match_rate", "资金匹配率", "%", FieldKind.Rate, true, null, false, null);
        var parsed = ValueParser.Parse(new FieldCell(rate, "填报", "D9", new XlsxCellValue(XlsxCellKind.Number, "0.123456", null)), "x.xlsx", diagnostics);
        Assert.Equal(0.123456m, parsed.Number);
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("emp_total", "0.000000000000000000000000000001")]
    [InlineData("loan_amount", "0.000000000000000000000000000001")]
    public void A_tiny_typed_figure_is_an_error_never_a_zero(string field, string typed)
    {
        var result = ReadWith(otherWriter: new Dictionary<string, object> { [field] = typed });

        Assert.Equal(IntakeStatus.Rejected, result.Status);
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Field == field);
        Assert.DoesNotContain(field, result.Submission!.Values.Keys);
    }

    [Theory]
    [InlineData("emp_total", 14u, null)]
    [InlineData("emp_total", 200u, "[$-804]yyyy年m月d日")]
    [InlineData("loan_amount", 201u, "yyyy/m/d")]
    public void A_date_in_a_count_or_amount_cell_is_refused_showing_the_date(string field, uint format, string? code)
    {
        var result = ReadWith(otherWriter: new Dictionary<string, object> { [field] = new OpenXmlNameWriter.Formatted(44742, format, code) });

        Assert.Equal(IntakeStatus.Rejected, result.Status);
        var diagnostic = Only(result, DiagnosticCatalog.DateInNumberCell, field);
        Assert.Contains("2022-06-30", diagnostic.Message);
        Assert.DoesNotContain(field, result.Submission!.Values.Keys);
    }

    [Fact]
    public void A_number_in_a_number_format_is_still_a_number()
    {
        var result = ReadWith(otherWriter: new Dictionary<string, object> { ["emp_total"] = new OpenXmlNameWriter.Formatted(5379, 3) }); // #,##0
        Assert.Equal(IntakeStatus.Accepted, result.Status);
        Assert.Equal(5379m, result.Submission!.Values["emp_total"]);
    }

    [Fact]
    public void The_submission_stamp_in_its_date_format_still_reads()
    {
        var result = ReadWith(otherWriter: new Dictionary<string, object> { [Reports.Templates.MetaNames.Submitted] = new OpenXmlNameWriter.Formatted(44742.5, 22) });
        Assert.Equal(IntakeStatus.Accepted, result.Status);
        Assert.Equal(new DateTimeOffset(2022, 6, 30, 12, 0, 0, TimeSpan.Zero), result.Submission!.Stamp);
    }

    [Fact]
    public void A_formula_without_a_value_in_a_remark_is_kept_as_its_text_with_a_warning()
    {
        const string formula = "HYPERLINK(\"http://example.org/附件.pdf\",\"附件\")";
        var result = ReadWith(p => p.Workbook.Names["remarks"].Formula = formula);

        Assert.Equal(IntakeStatus.Accepted, result.Status);
        var diagnostic = Only(result, DiagnosticCatalog.FormulaInTextField, "remarks");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("=" + formula, result.Submission!.Texts["remarks"]);
        Assert.Equal("=" + formula, result.Submission.Cells["remarks"].Typed);
    }

    [Fact]
    public void Dates_in_a_ledger_date_column_still_read_and_a_date_in_a_ledger_count_column_does_not()
    {
        using var temp = new TempDirectory();
        var unit = Samples.Changzhi.Units[0];
        var (values, ledger) = FundLedgers.Made(unit.Code, 6);
        var path = SampleReturn.Fund.WriteFilled(temp.Path, unit, values, ledger: ledger);
        using (var package = new ExcelPackage(new FileInfo(path)))
        {
            var sheet = package.Workbook.Worksheets["项目台账"];
            var header = Reports.Templates.DetailSheetWriter.HeaderRow;
            var beneficiaries = Enumerable.Range(1, sheet.Dimension.End.Column).Single(c => sheet.Cells[header, c].Text.StartsWith("带动脱贫人口数", StringComparison.Ordinal));
            sheet.Cells[header + 1, beneficiaries].Style.Numberformat.Format = "yyyy-mm-dd";
            package.Save();
        }

        var result = new ReturnFileReader(new IntakeContext(SampleReturn.Fund.Definition, Samples.Changzhi, Samples.Period)).Read(path);

        var rows = result.Submission!.Details["projects"];
        Assert.Equal(ledger.Select(r => r["start_date"]), rows.Select(r => r.Texts["start_date"]));
        var date = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCatalog.DateInNumberCell.Code);
        Assert.Equal("projects.beneficiaries", date.Field);
    }
}
