using OfficeOpenXml;
using Reports.Diagnostics;
using Reports.Intake;
using Reports.Rosters;
using Reports.Templates;
using Reports.Tests.Support;

namespace Reports.Tests.Intake;

/// <summary>Each kind of bad value gets its own code, located at its cell and field.</summary>
public sealed class ValueCheckTests
{
    private static readonly RosterUnit Unit = new("140403", "潞州区");

    private static IntakeFileResult ReadWith(Action<ExcelPackage> edit, string? fileName = null, IReadOnlyDictionary<string, object>? otherWriter = null)
    {
        using var temp = new TempDirectory();
        var path = Samples.WriteFilled(temp.Path, Unit, Samples.ValuesOf(Unit.Code));
        using (var package = new ExcelPackage(new FileInfo(path)))
        {
            edit(package);
            package.Save();
        }
        if (otherWriter is not null)
        {
            OpenXmlNameWriter.Fill(path, otherWriter);
        }
        if (fileName is not null)
        {
            var renamed = Path.Combine(temp.Path, fileName);
            File.Move(path, renamed);
            path = renamed;
        }
        var context = new IntakeContext(Samples.Campaign, Samples.Changzhi, Samples.Period);
        return new ReturnFileReader(context).Read(path);
    }

    private static void Set(ExcelPackage package, string code, object? value) => package.Workbook.Names[code].Value = value;

    private static Diagnostic Only(IntakeFileResult result, string code)
    {
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Code == code);
        Assert.Equal(TemplateGenerator.SheetName, diagnostic.Sheet);
        Assert.NotNull(diagnostic.Cell);
        return diagnostic;
    }

    [Fact]
    public void A_clean_return_is_accepted_without_diagnostics()
    {
        var result = ReadWith(_ => { });
        Assert.Equal(IntakeStatus.Accepted, result.Status);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void A_fraction_in_a_count_field_is_rejected()
    {
        var result = ReadWith(p => Set(p, "loan_households", 12.5));
        Assert.Equal(IntakeStatus.Rejected, result.Status);
        Assert.Equal("loan_households", Only(result, "RPT032").Field);
    }

    [Fact]
    public void A_negative_value_is_rejected()
    {
        var result = ReadWith(p => Set(p, "sales_fairs", -3));
        Assert.Equal("sales_fairs", Only(result, "RPT033").Field);
    }

    [Fact]
    public void An_amount_with_three_decimals_is_rejected()
    {
        var result = ReadWith(p => Set(p, "loan_amount", 1586.765));
        Assert.Equal("loan_amount", Only(result, "RPT034").Field);
    }

    [Fact]
    public void A_blank_required_field_is_rejected_but_a_blank_optional_one_is_not()
    {
        var result = ReadWith(p =>
        {
            Set(p, "proj_library", null);
            Set(p, "emp_total_prev", null);
            Set(p, "emp_outside_prev", null);
        });
        Assert.Equal("proj_library", Only(result, "RPT030").Field);
        Assert.DoesNotContain(result.Diagnostics, d => d.Field is "emp_total_prev" or "emp_outside_prev");
    }

    [Fact]
    public void A_blank_required_text_field_is_rejected()
    {
        var result = ReadWith(p => Set(p, "filled_by", null));
        Assert.Equal("filled_by", Only(result, "RPT030").Field);
    }

    [Theory]
    [InlineData("emp_total", "5379", "RPT037", "5379")]
    [InlineData("emp_total", " 5379 ", "RPT070", "5379")]
    [InlineData("emp_total", "5,379", "RPT038", "5379")]
    [InlineData("emp_total", "５３７９", "RPT039", "5379")]
    [InlineData("emp_total", "5379人", "RPT072", "5379")]
    [InlineData("loan_amount", "1,586.76", "RPT038", "1586.76")]
    [InlineData("loan_amount", "1586.76万元", "RPT072", "1586.76")]
    public void A_number_typed_unambiguously_is_read_with_its_own_warning(string field, string typed, string code, string expected)
    {
        var result = ReadWith(p => Set(p, field, typed));
        Assert.Equal(IntakeStatus.Accepted, result.Status);
        var diagnostic = Only(result, code);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(field, diagnostic.Field);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.Submission!.Values[field]);
    }

    [Theory]
    [InlineData("emp_total", "约500", "RPT073")]
    [InlineData("emp_total", "500左右", "RPT073")]
    [InlineData("emp_total", "5000多", "RPT073")]
    [InlineData("emp_total", "500-600", "RPT074")]
    [InlineData("emp_total", "500～600", "RPT074")]
    [InlineData("emp_total", "12万", "RPT075")]
    [InlineData("loan_amount", "12万", "RPT075")]
    [InlineData("emp_total", "500户", "RPT076")]
    [InlineData("emp_total", "12.50%", "RPT077")]
    [InlineData("emp_total", "五千", "RPT031")]
    [InlineData("emp_total", "12,5", "RPT031")]
    public void A_number_typed_ambiguously_is_rejected_naming_the_cell_and_what_was_typed(string field, string typed, string code)
    {
        var result = ReadWith(p => Set(p, field, typed));
        Assert.Equal(IntakeStatus.Rejected, result.Status);
        var diagnostic = Only(result, code);
        Assert.True(diagnostic.IsError);
        Assert.Equal(field, diagnostic.Field);
        Assert.Equal(Samples.Campaign.FindField(field)!.Label, diagnostic.Message.Split('”')[0].TrimStart('“'));
        Assert.Contains(typed, diagnostic.Message);
        Assert.DoesNotContain(field, result.Submission!.Values.Keys);
    }

    [Fact]
    public void A_percentage_typed_in_a_rate_field_is_read_as_a_fraction_with_a_warning()
    {
        var rate = new Reports.Definitions.FieldDefinition("match_rate", "资金匹配率", "%", Reports.Definitions.FieldKind.Rate, true, null, false, null);
        var reading = TypedNumber.Read("12.50%", rate);
        Assert.Equal(0.125m, reading.Number);
        Assert.Equal("RPT071", Assert.Single(reading.Findings).Code.Code);

        var fullWidth = TypedNumber.Read("１２．５％", rate);
        Assert.Equal(0.125m, fullWidth.Number);
        Assert.Equal(["RPT039", "RPT071"], fullWidth.Findings.Select(f => f.Code.Code));
    }

    [Fact]
    public void An_error_value_is_rejected()
    {
        var result = ReadWith(_ => { }, otherWriter: new Dictionary<string, object> { ["fund_invested"] = new OpenXmlNameWriter.ErrorValue("#DIV/0!") });
        Assert.Contains("#DIV/0!", Only(result, "RPT036").Message);
    }

    [Fact]
    public void A_formula_without_a_stored_result_is_rejected()
    {
        var result = ReadWith(p => p.Workbook.Names["proj_started"].Formula = "D12");
        Assert.Equal("proj_started", Only(result, "RPT035").Field);
    }

    [Fact]
    public void A_return_for_another_period_or_unit_is_identified_and_rejected()
    {
        var result = ReadWith(p =>
        {
            p.Workbook.Names[MetaNames.Period].Value = "2022-05";
            p.Workbook.Names[MetaNames.Unit].Value = "999999";
        });
        Assert.Equal(IntakeStatus.Rejected, result.Status);
        Assert.Contains(result.Diagnostics, d => d.Code == "RPT014" && d.Field == MetaNames.Period);
        Assert.Contains(result.Diagnostics, d => d.Code == "RPT013" && d.Field == MetaNames.Unit);
    }

    [Fact]
    public void A_deleted_field_name_is_named()
    {
        var result = ReadWith(p => p.Workbook.Names.Remove("cadre_total"));
        Assert.Equal(IntakeStatus.Rejected, result.Status);
        Assert.Contains(result.Diagnostics, d => d.Code == "RPT020" && d.Field == "cadre_total");
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_is_rejected_not_thrown()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "140403-潞州区.xlsx");
        File.WriteAllText(path, "这不是工作簿");
        var result = new ReturnFileReader(new IntakeContext(Samples.Campaign, Samples.Changzhi, Samples.Period)).Read(path);
        Assert.Equal(IntakeStatus.Rejected, result.Status);
        Assert.Equal("RPT001", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void A_file_name_with_a_code_outside_the_roster_that_disagrees_with_the_unit_inside_is_warned()
    {
        var result = ReadWith(_ => { }, fileName: "149999-某县-campaign-5plus1-2022-06.xlsx");
        Assert.Equal(IntakeStatus.Accepted, result.Status);
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(result.Diagnostics, d => d.Code == "RPT015").Severity);
    }

    [Fact]
    public void A_file_named_for_another_roster_unit_is_rejected_naming_both_units()
    {
        var result = ReadWith(_ => { }, fileName: "140404-上党区-campaign-5plus1-2022-06.xlsx");
        Assert.Equal(IntakeStatus.Rejected, result.Status);
        var finding = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCatalog.SenderNameMismatch.Code);
        Assert.Contains("140404（上党区）", finding.Message);
        Assert.Contains("140403（潞州区）", finding.Message);
        Assert.False(Reports.Versions.VersionSelector.CanCount(Reports.Versions.StoredVersion.Unrecorded(result)));
    }

    [Fact]
    public void Diagnostics_print_in_the_file_sheet_cell_form()
    {
        var diagnostic = DiagnosticCatalog.AtMostViolated.At("示例", "/x/140403.xlsx", "填报", "D9", "emp_outside");
        Assert.Equal("140403.xlsx[填报!D9]: 错误 RPT040: 示例 (emp_outside)", diagnostic.ToString());
    }

    [Fact]
    public void Catalogue_codes_are_unique()
    {
        Assert.Equal(DiagnosticCatalog.All.Count, DiagnosticCatalog.All.Select(c => c.Code).Distinct().Count());
    }
}
