using System.Globalization;
using OfficeOpenXml;
using OfficeOpenXml.DataValidation;
using OfficeOpenXml.DataValidation.Contracts;
using Reports.Diagnostics;
using Reports.Intake;
using Reports.Templates;
using Reports.Tests.Support;

namespace Reports.Tests.Intake;

/// <summary>
/// The project ledger (项目台账) of the fund-project-matching return: offered by the template with validation,
/// read whole whatever its length, and checked against the fixed part, each disagreement with its own code.
/// </summary>
public sealed class ProjectLedgerTests
{
    private static readonly Rosters.RosterUnit Luzhou = Samples.Changzhi.Units[0];

    private static IntakeFileResult Read(string path) =>
        new ReturnFileReader(new IntakeContext(SampleReturn.Fund.Definition, Samples.Changzhi, Samples.Period)).Read(path);

    [Fact]
    public void The_template_offers_the_ledger_with_lists_dates_a_header_name_and_an_excel_table()
    {
        var bytes = new TemplateGenerator(FixedClock.Default).Generate(new TemplateRequest(SampleReturn.Fund.Definition, Samples.Period, Luzhou));
        using var package = new ExcelPackage(new MemoryStream(bytes));
        var sheet = package.Workbook.Worksheets["项目台账"];
        Assert.NotNull(sheet);
        var header = package.Workbook.Names["projects_header"];
        Assert.Equal("项目台账", header.Worksheet.Name);
        Assert.Equal(FundLedgers.Projects.Columns.Select(c => c.Header), Enumerable.Range(header.Start.Column, header.Columns).Select(c => sheet.Cells[header.Start.Row, c].Text));
        var table = Assert.Single(sheet.Tables);
        Assert.Equal("tbl_projects", table.Name);
        Assert.Equal(header.Start.Row, table.Address.Start.Row);

        int ColumnOf(string code) => header.Start.Column + FundLedgers.Projects.Columns.ToList().FindIndex(c => c.Code == code);
        IExcelDataValidation ValidationOf(string code) =>
            sheet.DataValidations.Single(v => new ExcelAddress(v.Address.Address).Start.Column == ColumnOf(code));
        var type = Assert.IsAssignableFrom<OfficeOpenXml.DataValidation.Contracts.IExcelDataValidationList>(ValidationOf("project_type"));
        Assert.Equal(["产业发展", "基础设施", "就业帮扶", "其他"], type.Formula.Values);
        var started = Assert.IsAssignableFrom<OfficeOpenXml.DataValidation.Contracts.IExcelDataValidationList>(ValidationOf("started"));
        Assert.Equal(["是", "否"], started.Formula.Values);
        Assert.Equal(eDataValidationType.DateTime, ValidationOf("start_date").ValidationType.Type);
        Assert.Equal(eDataValidationType.Whole, ValidationOf("beneficiaries").ValidationType.Type);
        Assert.True(new ExcelAddress(ValidationOf("fund_matched").Address.Address).End.Row >= header.Start.Row + 5000);
    }

    [Fact]
    public void A_ledger_of_600_projects_in_one_county_is_read_whole_and_agrees_with_the_fixed_part()
    {
        using var temp = new TempDirectory();
        var (values, ledger) = FundLedgers.Made(Luzhou.Code, 600);
        var result = Read(SampleReturn.Fund.WriteFilled(temp.Path, Luzhou, values, ledger: ledger));

        Assert.Equal(IntakeStatus.Accepted, result.Status);
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        var rows = result.Submission!.Details["projects"];
        Assert.Equal(600, rows.Count);
        Assert.Equal(ledger.Sum(r => Figures.Number(r["fund_matched"])), rows.Sum(r => r.Numbers["fund_matched"]));
        Assert.Equal(ledger.Select(r => r["project_id"]), rows.Select(r => r.Texts["project_id"]));
        Assert.Equal("2022-01-02", rows[0].Texts["start_date"]);
    }

    [Fact]
    public void Rows_typed_below_the_excel_table_are_read_too()
    {
        using var temp = new TempDirectory();
        var (values, ledger) = FundLedgers.Made(Luzhou.Code, 30);
        var path = SampleReturn.Fund.WriteFilled(temp.Path, Luzhou, values, ledger: ledger.Take(25).ToList());
        using (var package = new ExcelPackage(new FileInfo(path)))
        {
            // A clerk types the last five projects a few rows under the table, past its end, leaving a blank row.
            var sheet = package.Workbook.Worksheets["项目台账"];
            var end = sheet.Tables[0].Address.End.Row;
            var columns = FundLedgers.Projects.Columns;
            for (var i = 25; i < 30; i++)
            {
                for (var c = 0; c < columns.Count; c++)
                {
                    var text = ledger[i][columns[c].Code];
                    sheet.Cells[end + 2 + i - 25, c + 1].Value = columns[c].IsNumeric ? decimal.Parse(text, CultureInfo.InvariantCulture) : text;
                }
            }
            package.Save();
        }

        var result = Read(path);

        Assert.Equal(IntakeStatus.Accepted, result.Status);
        Assert.Equal(30, result.Submission!.Details["projects"].Count);
    }

    [Fact]
    public void Columns_are_found_by_their_header_so_a_clerk_who_swapped_two_columns_is_still_read_right()
    {
        using var temp = new TempDirectory();
        var (values, ledger) = FundLedgers.Made(Luzhou.Code, 8);
        var path = SampleReturn.Fund.WriteFilled(temp.Path, Luzhou, values, ledger: ledger);
        using (var package = new ExcelPackage(new FileInfo(path)))
        {
            var sheet = package.Workbook.Worksheets["项目台账"];
            for (var row = 3; row <= 3 + ledger.Count; row++)
            {
                (sheet.Cells[row, 2].Value, sheet.Cells[row, 3].Value) = (sheet.Cells[row, 3].Value, sheet.Cells[row, 2].Value);
            }
            package.Save();
        }

        var result = Read(path);

        Assert.Equal(IntakeStatus.Accepted, result.Status);
        var rows = result.Submission!.Details["projects"];
        Assert.Equal(ledger.Select(r => r["project_type"]), rows.Select(r => r.Texts["project_type"]));
        Assert.Equal(ledger.Select(r => r["project_name"]), rows.Select(r => r.Texts["project_name"]));
        Assert.Equal("C", new string([.. rows[0].CellOf("project_name").TakeWhile(char.IsAsciiLetter)]));
    }

    public static TheoryData<string, string, string> Disagreements => new()
    {
        { "sum", DiagnosticCatalog.DetailSumMismatch.Code, "fund_matched" },
        { "spent", DiagnosticCatalog.DetailSpentMismatch.Code, "fund_spent" },
        { "rows", DiagnosticCatalog.DetailRowCountMismatch.Code, "proj_planned" },
        { "started", DiagnosticCatalog.DetailCountWhereMismatch.Code, "proj_started" },
        { "completed", DiagnosticCatalog.DetailCompletedMismatch.Code, "proj_completed" },
        { "no-date", DiagnosticCatalog.DetailConditionalBlank.Code, "projects.start_date" },
        { "duplicate", DiagnosticCatalog.DetailDuplicate.Code, "projects.project_id" },
        { "type", DiagnosticCatalog.DetailNotInList.Code, "projects.project_type" },
        { "date", DiagnosticCatalog.DetailBadDate.Code, "projects.start_date" },
    };

    [Fact]
    public void Each_disagreement_has_a_code_of_its_own()
    {
        var codes = Disagreements.Select(d => (string)d[1]).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Disagreements))]
    public void A_ledger_that_disagrees_is_rejected_with_its_own_code(string change, string code, string field)
    {
        using var temp = new TempDirectory();
        var (values, made) = FundLedgers.Made(Luzhou.Code, 40);
        var ledger = made.Select(r => new Dictionary<string, string>(r)).ToList();
        switch (change)
        {
            case "sum": ledger[7]["fund_matched"] = "99.99"; ledger[7]["fund_spent"] = "1"; values["fund_spent"] = ledger.Sum(r => Figures.Number(r["fund_spent"])).ToString(CultureInfo.InvariantCulture); break;
            case "spent": values["fund_spent"] = (Figures.Number(values["fund_spent"]) - 0.02m).ToString(CultureInfo.InvariantCulture); break;
            case "rows": values["proj_planned"] = "41"; break;
            case "started": ledger[3]["started"] = "否"; ledger[3]["start_date"] = ""; ledger[3]["completed"] = "否"; values["proj_completed"] = ledger.Count(r => r["completed"] == "是").ToString(CultureInfo.InvariantCulture); break;
            case "completed": values["proj_completed"] = "1"; break;
            case "no-date": ledger[5]["start_date"] = ""; break;
            case "duplicate": ledger[9]["project_id"] = ledger[2]["project_id"]; break;
            case "type": ledger[4]["project_type"] = "产业"; break;
            case "date": ledger[4]["start_date"] = "去年春天"; break;
        }
        var path = SampleReturn.Fund.WriteFilled(temp.Path, Luzhou, values, ledger: ledger.Cast<IReadOnlyDictionary<string, string>>().ToList());

        var result = Read(path);

        Assert.Equal(IntakeStatus.Rejected, result.Status);
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(code, error.Code);
        Assert.Equal(field, error.Field);
        Assert.NotNull(error.Cell);
        Assert.NotNull(error.Sheet);
    }

    [Fact]
    public void A_sum_within_one_cent_is_accepted_and_the_message_of_a_larger_gap_names_both_figures()
    {
        using var temp = new TempDirectory();
        var (values, ledger) = FundLedgers.Made(Luzhou.Code, 12);
        var stated = Figures.Number(values["fund_matched"]);
        values["fund_allocated"] = (stated + 1).ToString(CultureInfo.InvariantCulture);
        values["fund_matched"] = (stated + 0.01m).ToString(CultureInfo.InvariantCulture);
        Assert.Equal(IntakeStatus.Accepted, Read(SampleReturn.Fund.WriteFilled(temp.Path, Luzhou, values, ledger: ledger)).Status);

        values["fund_matched"] = (stated + 0.02m).ToString(CultureInfo.InvariantCulture);
        var error = Assert.Single(Read(SampleReturn.Fund.WriteFilled(temp.Path, Luzhou, values, ledger: ledger)).Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCatalog.DetailSumMismatch.Code, error.Code);
        Assert.Contains((stated + 0.02m).ToString("0.##", CultureInfo.InvariantCulture), error.Message);
        Assert.Contains(stated.ToString("0.##", CultureInfo.InvariantCulture), error.Message);
        Assert.Equal("填报", error.Sheet);
    }

    [Fact]
    public void A_return_whose_ledger_header_name_was_deleted_is_rejected()
    {
        using var temp = new TempDirectory();
        var (values, ledger) = FundLedgers.Made(Luzhou.Code, 3);
        var path = SampleReturn.Fund.WriteFilled(temp.Path, Luzhou, values, ledger: ledger);
        using (var package = new ExcelPackage(new FileInfo(path)))
        {
            package.Workbook.Names.Remove("projects_header");
            package.Save();
        }
        var error = Assert.Single(Read(path).Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCatalog.DetailTableMissing.Code, error.Code);
    }
}
