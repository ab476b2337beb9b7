using System.Text;
using System.Text.RegularExpressions;
using OfficeOpenXml;
using Reports.Intake;
using Reports.Intake.Xlsx;
using Reports.Templates;
using Reports.Tests.Corpus;
using Reports.Tests.Support;

namespace Reports.Tests.Intake.Xlsx;

/// <summary>
/// A package that reads two ways is refused, never resolved by a pick; what a spreadsheet shows is what is read: the
/// 1904 date system, the _xHHHH_ escapes of strings; a stored part's checksum is checked.
/// </summary>
public sealed class AmbiguousPackageTests
{
    private static readonly UTF8Encoding Utf8 = new(false);

    private static IntakeFileResult Read(byte[] bytes, string name = "140426-黎城县.xlsx") =>
        new ReturnFileReader(new IntakeContext(Samples.Campaign, Samples.Changzhi, Samples.Period)).Read(name, bytes, FixedClock.Default.GetUtcNow());

    private static byte[] Corpus(string name) => HostileCorpus.Entries.Single(e => e.FileName == name).Make();

    [Theory]
    [InlineData("39-duplicate-zip-entry.xlsx", "两个同名部件")]
    [InlineData("40-cell-given-twice.xlsx", "单元格 D7 写了两次")]
    [InlineData("41-implied-columns-past-xfd.xlsx", "超出第 16384 列")]
    [InlineData("42-names-differing-in-case.xlsx", "EMP_TOTAL 与 emp_total 只差大小写")]
    public void An_ambiguous_package_is_refused_with_what_reads_two_ways(string file, string said)
    {
        var result = Read(Corpus(file));
        Assert.Equal(IntakeStatus.Rejected, result.Status);
        var diagnostic = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("RPT066", diagnostic.Code);
        Assert.Contains(said, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_stored_part_is_told_by_its_checksum()
    {
        var result = Read(Corpus("43-damaged-stored-entry.xlsx"));
        var diagnostic = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("RPT006", diagnostic.Code);
        Assert.Contains("CRC-32", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_on_a_very_hidden_sheet_is_said_and_a_stray_cell_far_below_is_no_reason_to_refuse()
    {
        var hidden = Read(Corpus("44-name-in-veryhidden-sheet.xlsx"), "140430-x.xlsx");
        Assert.Equal(IntakeStatus.Accepted, hidden.Status);
        var warning = Assert.Single(hidden.Diagnostics, d => d.Code == "RPT067");
        Assert.Equal("remarks", warning.Field);
        Assert.Equal("看不到的备注", hidden.Submission!.Texts["remarks"]);

        var stray = Read(Corpus("45-stray-cell-far-below.xlsx"), "140431-x.xlsx");
        Assert.True(stray.Status == IntakeStatus.Accepted, string.Join("; ", stray.Diagnostics));
        Assert.Equal(Samples.Value("140431", "emp_total"), stray.Submission!.Values["emp_total"]);
    }

    [Fact]
    public void The_stamp_of_a_1904_workbook_is_the_date_it_shows()
    {
        // 2022-07-01 12:00 is serial 44743.5 counted from 1900 and 43281.5 counted from 1904.
        var stamped = Edit(HostileCorpus.Good(), p =>
        {
            var name = p.Workbook.Names[MetaNames.Submitted];
            name.Value = 43281.5;
            name.Style.Numberformat.Format = "yyyy-mm-dd hh:mm";
        });
        var as1904 = ZipParts.Patch(stamped, (part, xml) => part == "xl/workbook.xml" ? With1904(xml) : xml);
        Assert.Equal(new DateTimeOffset(2022, 7, 1, 12, 0, 0, TimeSpan.Zero), Read(as1904).Submission!.Stamp);
        // The same serial in a 1900 workbook is four years earlier: the system decides.
        Assert.Equal(new DateTimeOffset(2018, 6, 30, 12, 0, 0, TimeSpan.Zero), Read(stamped).Submission!.Stamp);
    }

    private static string With1904(string xml) => xml.Contains("<workbookPr", StringComparison.Ordinal)
        ? xml.Replace("<workbookPr", "<workbookPr date1904=\"1\"", StringComparison.Ordinal)
        : Regex.Replace(xml, "(<workbook [^>]*>)", "$1<workbookPr date1904=\"1\"/>");

    [Fact]
    public void Escaped_characters_in_strings_are_decoded_as_a_spreadsheet_shows_them()
    {
        var file = XlsxTestFiles.MinimalWorkbook("""
            <row r="1"><c r="A1" t="inlineStr"><is><t>第一行_x000D__x000A_第二行_x005F_x0041_</t></is></c><c r="B1" t="str"><f>"a"</f><v>x_x0009_y</v></c></row>
            """);
        using var workbook = XlsxWorkbook.Open(new MemoryStream(file), null, out var problem);
        Assert.Null(problem);
        Assert.Equal("第一行\r\n第二行_x0041_", workbook!.ReadCell("Sheet1", "A1", out _)!.Raw);
        Assert.Equal("x\ty", workbook.ReadCell("Sheet1", "B1", out _)!.Raw);
    }

    private static byte[] Edit(byte[] workbook, Action<ExcelPackage> edit)
    {
        using var package = new ExcelPackage(new MemoryStream(workbook));
        edit(package);
        return package.GetAsByteArray();
    }
}
