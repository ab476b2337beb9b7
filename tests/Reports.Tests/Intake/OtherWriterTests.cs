using System.Globalization;
using OfficeOpenXml;
using Reports.Intake;
using Reports.Pipeline;
using Reports.Rosters;
using Reports.Templates;
using Reports.Tests.Support;

namespace Reports.Tests.Intake;

/// <summary>
/// The template contract: a return filled by any program that writes by defined name merges correctly,
/// wherever the cells ended up after rows were inserted.
/// </summary>
public sealed class OtherWriterTests
{
    private static readonly RosterUnit Luzhou = new("140403", "潞州区");

    [Fact]
    public void A_return_filled_by_the_open_xml_sdk_after_a_row_was_inserted_merges_to_the_right_values()
    {
        using var temp = new TempDirectory();
        var inbox = temp.Sub("inbox");
        var path = Path.Combine(inbox, new TemplateRequest(Samples.Campaign, Samples.Period, Luzhou).FileName);

        // A clerk inserts a row above the inputs (Excel moves the names with the cells).
        string before, after;
        using (var package = new ExcelPackage(new MemoryStream(Samples.Template(Luzhou))))
        {
            before = package.Workbook.Names["emp_total"].Address;
            var sheet = package.Workbook.Worksheets[TemplateGenerator.SheetName];
            sheet.Protection.IsProtected = false;
            sheet.InsertRow(6, 2);
            sheet.Cells[6, 2].Value = "本表数据已经乡镇审核";
            after = package.Workbook.Names["emp_total"].Address;
            package.SaveAs(new FileInfo(path));
        }
        Assert.NotEqual(before, after); // the inputs really moved

        // Another program fills it by defined name only.
        var expected = Samples.ValuesOf("140403");
        var typed = expected.Where(v => v.Value.Length > 0).ToDictionary(
            v => v.Key,
            v => Samples.Campaign.FindField(v.Key)!.IsNumeric ? (object)decimal.Parse(v.Value, CultureInfo.InvariantCulture) : v.Value);
        OpenXmlNameWriter.Fill(path, typed);

        var roster = Samples.WriteRoster(temp.Path, Luzhou);
        var outcome = new RunPipeline(FixedClock.Default).Execute(Samples.Options(roster, inbox, temp.Sub("out")));

        Assert.Equal(ExitCode.Success, outcome.ExitCode);
        var file = Assert.Single(outcome.Intake);
        Assert.Equal(IntakeStatus.Accepted, file.Status);
        var unit = Assert.Single(outcome.Merge.Units);
        foreach (var field in Samples.Campaign.NumericFields)
        {
            Assert.Equal(decimal.Parse(expected[field.Code], CultureInfo.InvariantCulture), unit.Values[field.Code]);
        }
        Assert.Equal(expected["filled_by"], unit.Texts["filled_by"]);
        Assert.Equal(expected["phone"], unit.Texts["phone"]);
    }
}
