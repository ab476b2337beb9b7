using OfficeOpenXml;
using OfficeOpenXml.DataValidation;
using Reports.Definitions;
using Reports.Templates;
using Reports.Tests.Support;

namespace Reports.Tests.Templates;

/// <summary>The blank return the office sends: the contract of defined names, locks, validation and prompts.</summary>
public sealed class TemplateGeneratorTests
{
    private static ExcelPackage Generate() =>
        new(new MemoryStream(Samples.Template(Samples.Changzhi.Units[0])));

    [Fact]
    public void Every_field_is_a_workbook_level_name_on_an_unlocked_input_cell()
    {
        using var package = Generate();
        var names = package.Workbook.Names;
        foreach (var field in Samples.Campaign.Fields)
        {
            Assert.True(names.ContainsKey(field.Code), field.Code);
            var cell = names[field.Code];
            Assert.Equal(1, cell.Rows);
            Assert.Equal(1, cell.Columns);
            Assert.False(cell.Style.Locked, $"{field.Code} must be unlocked");
            Assert.Null(cell.Value);
            // The label of the field stands in the same row, locked.
            var label = cell.Worksheet.Cells[cell.Start.Row, 2];
            Assert.Equal(field.Label, label.Text);
            Assert.True(label.Style.Locked);
        }
        Assert.True(package.Workbook.Worksheets[TemplateGenerator.SheetName].Protection.IsProtected);
    }

    [Fact]
    public void Meta_names_identify_the_return_and_are_locked()
    {
        using var package = Generate();
        var names = package.Workbook.Names;
        Assert.Equal("campaign-5plus1", names[MetaNames.Return].Text);
        Assert.Equal(Samples.Campaign.Version, names[MetaNames.Version].Text);
        Assert.Equal("140403", names[MetaNames.Unit].Text);
        Assert.Equal("2022-06", names[MetaNames.Period].Text);
        Assert.All(MetaNames.All, name => Assert.True(names[name].Style.Locked));
        var sheet = package.Workbook.Worksheets[TemplateGenerator.SheetName];
        Assert.Equal(Samples.Campaign.Title, sheet.Cells[1, 1].Text);
        Assert.Contains(sheet.Cells["A1:F200"], c => c.Text == "一、务工就业");
        Assert.Contains(sheet.Cells["A1:F200"], c => c.Text == "六、推动政策创设落实");
    }

    [Fact]
    public void Input_cells_carry_validation_with_a_chinese_prompt()
    {
        using var package = Generate();
        var sheet = package.Workbook.Worksheets[TemplateGenerator.SheetName];
        foreach (var field in Samples.Campaign.Fields)
        {
            var cell = package.Workbook.Names[field.Code];
            var validation = sheet.DataValidations.Single(v => v.Address.Start.Row == cell.Start.Row && v.Address.Start.Column == cell.Start.Column);
            Assert.True(validation.ShowInputMessage);
            Assert.False(string.IsNullOrWhiteSpace(validation.Prompt));
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", validation.Prompt);
            var expected = field.Kind switch
            {
                FieldKind.Count => eDataValidationType.Whole,
                FieldKind.Amount => eDataValidationType.Custom,
                _ => eDataValidationType.TextLength,
            };
            Assert.Equal(expected, validation.ValidationType.Type);
        }
    }

    [Fact]
    public void The_file_name_names_the_unit_the_return_and_the_period()
    {
        var request = new TemplateRequest(Samples.Campaign, Samples.Period, Samples.Changzhi.Units[0]);
        Assert.Equal("140403-潞州区-campaign-5plus1-2022-06.xlsx", request.FileName);
    }

    [Fact]
    public void The_bundled_sample_returns_are_the_value_sheet_written_into_generated_templates()
    {
        // The sample inbox must obey the contract: read back by name, each file holds its row of the value sheet.
        foreach (var unit in Samples.Changzhi.Units)
        {
            var path = Path.Combine(RepositoryPaths.SampleInbox, new TemplateRequest(Samples.Campaign, Samples.Period, unit).FileName);
            using var package = new ExcelPackage(new FileInfo(path));
            foreach (var (code, text) in Samples.SampleValues[unit.Code])
            {
                var value = package.Workbook.Names[code].Value;
                if (text.Length == 0)
                {
                    Assert.Null(value);
                }
                else if (Samples.Campaign.FindField(code)!.IsNumeric)
                {
                    Assert.Equal(decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture), Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture));
                }
                else
                {
                    Assert.Equal(text, value);
                }
            }
        }
    }

    [Fact]
    public void The_same_request_and_clock_give_the_same_bytes_and_so_does_filling_them()
    {
        var unit = Samples.Changzhi.Units[0];
        var request = new TemplateRequest(Samples.Campaign, Samples.Period, unit);
        var first = new TemplateGenerator(FixedClock.Default).Generate(request);
        var second = new TemplateGenerator(new FixedClock(FixedClock.Default.GetUtcNow())).Generate(request);
        Assert.Equal(first, second);
        Assert.NotEqual(first, new TemplateGenerator(new FixedClock(FixedClock.Default.GetUtcNow().AddDays(1))).Generate(request));
        var values = Samples.ValuesOf(unit.Code);
        Assert.Equal(ReturnFiller.Fill(first, Samples.Campaign, values), ReturnFiller.Fill(second, Samples.Campaign, values));
    }

    [Fact]
    public void A_detail_table_is_an_excel_table_under_its_header_name_with_validation_on_every_column_for_ten_thousand_rows()
    {
        var fund = SampleReturn.Fund;
        var bytes = new TemplateGenerator(FixedClock.Default).Generate(new TemplateRequest(fund.Definition, fund.Period, fund.Roster.Units[0]));
        using var package = new ExcelPackage(new MemoryStream(bytes));
        foreach (var detail in fund.Definition.Details)
        {
            var sheet = package.Workbook.Worksheets[detail.SheetName];
            var header = package.Workbook.Names[detail.HeaderName];
            Assert.Equal((DetailSheetWriter.HeaderRow, 1, detail.Columns.Count), (header.Start.Row, header.Start.Column, header.End.Column));
            var table = Assert.Single(sheet.Tables);
            Assert.Equal(detail.TableName, table.Name);
            Assert.Equal(header.Start.Row, table.Address.Start.Row);
            Assert.Equal(detail.Columns.Select(c => c.Header), table.Columns.Select(c => c.Name));
            Assert.False(sheet.Protection.IsProtected);
            for (var c = 0; c < detail.Columns.Count; c++)
            {
                var column = detail.Columns[c];
                Assert.Equal(column.Header, sheet.Cells[DetailSheetWriter.HeaderRow, c + 1].Text);
                var validation = Assert.Single(sheet.DataValidations, v => v.Address.Start.Column == c + 1);
                Assert.Equal((DetailSheetWriter.HeaderRow + 1, DetailSheetWriter.HeaderRow + DetailSheetWriter.ValidatedRows), (validation.Address.Start.Row, validation.Address.End.Row));
                Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", validation.Prompt);
                Assert.Equal(column.Kind switch
                {
                    DetailColumnKind.Choice or DetailColumnKind.YesNo => eDataValidationType.List,
                    DetailColumnKind.Date => eDataValidationType.DateTime,
                    DetailColumnKind.Count => eDataValidationType.Whole,
                    DetailColumnKind.Amount => eDataValidationType.Custom,
                    _ => eDataValidationType.TextLength,
                }, validation.ValidationType.Type);
                if (validation is OfficeOpenXml.DataValidation.Contracts.IExcelDataValidationList list)
                {
                    Assert.Equal(column.Allowed, list.Formula.Values);
                }
            }
        }
    }
}
