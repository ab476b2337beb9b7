using OfficeOpenXml;
using Reports.Intake;
using Reports.Rosters;
using Reports.Templates;
using Reports.Tests.Support;

namespace Reports.Tests.Intake;

/// <summary>A workbook that is not this unit's return of this period, or whose names or locked values were changed, says so with its own code.</summary>
public sealed class IdentificationTests
{
    private static readonly RosterUnit Unit = new("140403", "潞州区");

    private static readonly IReadOnlyDictionary<string, decimal> Prefill = new Dictionary<string, decimal>
    {
        ["emp_total_prev"] = 5000m, // within the must-explain range of the unit's 务工总人数 (5379)
        ["loan_target_campaign"] = 1500m,
    };

    private static IntakeFileResult Read(Action<ExcelPackage> edit, IReadOnlyDictionary<string, decimal>? prefill = null)
    {
        using var temp = new TempDirectory();
        var request = new TemplateRequest(Samples.Campaign, Samples.Period, Unit, prefill);
        var values = Samples.ValuesOf(Unit.Code);
        foreach (var (code, value) in prefill ?? new Dictionary<string, decimal>())
        {
            values.Remove(code); // the county leaves the office's figures as they came
        }
        var bytes = ReturnFiller.Fill(new TemplateGenerator(FixedClock.Default).Generate(request), Samples.Campaign, values);
        var path = Path.Combine(temp.Path, request.FileName);
        using (var package = new ExcelPackage(new MemoryStream(bytes)))
        {
            edit(package);
            File.WriteAllBytes(path, package.GetAsByteArray());
        }
        var expected = prefill is null ? null : new Dictionary<string, IReadOnlyDictionary<string, decimal>> { [Unit.Code] = prefill };
        return new ReturnFileReader(new IntakeContext(Samples.Campaign, Samples.Changzhi, Samples.Period, Prefilled: expected)).Read(path);
    }

    [Fact]
    public void A_workbook_without_meta_names_is_not_a_template()
    {
        var result = Read(p => p.Workbook.Names.Remove(MetaNames.Return));
        Assert.Equal("RPT010", Assert.Single(result.Diagnostics).Code);
        Assert.Contains(MetaNames.Return, result.Diagnostics[0].Message);
    }

    [Fact]
    public void Another_return_is_named()
    {
        var result = Read(p => p.Workbook.Names[MetaNames.Return].Value = "employment-scale");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("RPT011", diagnostic.Code);
        Assert.Contains("employment-scale", diagnostic.Message);
    }

    [Fact]
    public void An_older_template_version_is_named()
    {
        var result = Read(p => p.Workbook.Names[MetaNames.Version].Value = "0");
        Assert.Equal(IntakeStatus.Rejected, result.Status);
        Assert.Equal(MetaNames.Version, Assert.Single(result.Diagnostics, d => d.Code == "RPT012").Field);
    }

    [Fact]
    public void A_name_pointing_at_a_range_or_at_another_fields_cell_is_listed()
    {
        var result = Read(p =>
        {
            var names = p.Workbook.Names;
            var sheet = p.Workbook.Worksheets[0];
            names.Remove("proj_library");
            names.Add("proj_library", sheet.Cells["D10:D12"]);
            var target = names["fund_invested"].Address;
            names.Remove("fund_matched");
            names.Add("fund_matched", sheet.Cells[target]);
        });
        Assert.Equal(IntakeStatus.Rejected, result.Status);
        Assert.Equal("proj_library", Assert.Single(result.Diagnostics, d => d.Code == "RPT021").Field);
        Assert.Equal(["fund_invested", "fund_matched"], result.Diagnostics.Where(d => d.Code == "RPT022").Select(d => d.Field).Order());
        Assert.DoesNotContain("fund_invested", result.Submission!.Values.Keys);
    }

    [Fact]
    public void Prefilled_values_arrive_locked_and_unchanged_are_accepted()
    {
        var result = Read(_ => { }, Prefill);
        Assert.Equal(IntakeStatus.Accepted, result.Status);
        Assert.Equal(5000m, result.Submission!.Values["emp_total_prev"]);
        Assert.Equal(1500m, result.Submission.Values["loan_target_campaign"]);
    }

    [Fact]
    public void A_changed_target_is_rejected_naming_what_the_office_sent()
    {
        var result = Read(p => p.Workbook.Names["loan_target_campaign"].Value = 1200m, Prefill);
        Assert.Equal(IntakeStatus.Rejected, result.Status);
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Code == "RPT023");
        Assert.Equal("loan_target_campaign", diagnostic.Field);
        Assert.Contains("1500", diagnostic.Message);
        Assert.Contains("1200", diagnostic.Message);
        Assert.NotNull(diagnostic.Cell);
    }

    [Fact]
    public void A_written_submission_stamp_is_read_and_a_garbled_one_warned()
    {
        var stamped = Read(p => p.Workbook.Names[MetaNames.Submitted].Value = "2022-07-03 16:30");
        Assert.Equal(new DateTimeOffset(2022, 7, 3, 16, 30, 0, TimeSpan.Zero), stamped.Submission!.SubmittedAt);

        var serial = Read(p => p.Workbook.Names[MetaNames.Submitted].Value = new DateTime(2022, 7, 4, 9, 15, 0));
        Assert.Equal(new DateTimeOffset(2022, 7, 4, 9, 15, 0, TimeSpan.Zero), serial.Submission!.Stamp);

        var garbled = Read(p => p.Workbook.Names[MetaNames.Submitted].Value = "昨天下午");
        Assert.Null(garbled.Submission!.Stamp);
        Assert.Equal(IntakeStatus.Accepted, garbled.Status);
        Assert.Equal("RPT053", Assert.Single(garbled.Diagnostics).Code);
    }
}
