using Reports.Intake.Xlsx;

namespace Reports.Tests.Intake.Xlsx;

/// <summary>
/// The reader tells which numbers show as dates, from the styles part: built-in date formats, custom ones with
/// date codes, under the same hardening as every other part (no DTD, malformed XML a problem, a missing part no
/// formats at all).
/// </summary>
public sealed class XlsxStylesTests
{
    private const string RelsWithStyles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
          <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
        </Relationships>
        """;

    /// <summary>cellXfs 0 General, 1 built-in 14, 2 custom yyyy/m/d, 3 custom Chinese, 4 "0.00", 5 built-in 3 (#,##0), 6 custom [h]:mm.</summary>
    private const string Styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
          <numFmts count="4">
            <numFmt numFmtId="176" formatCode="yyyy/m/d"/>
            <numFmt numFmtId="177" formatCode="[$-804]yyyy年m月d日"/>
            <numFmt numFmtId="178" formatCode="0.00"/>
            <numFmt numFmtId="179" formatCode="[h]:mm"/>
          </numFmts>
          <fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>
          <fills count="1"><fill><patternFill patternType="none"/></fill></fills>
          <borders count="1"><border/></borders>
          <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
          <cellXfs count="7">
            <xf numFmtId="0" fontId="0"/>
            <xf numFmtId="14" fontId="0" applyNumberFormat="1"/>
            <xf numFmtId="176" applyNumberFormat="1"/>
            <xf numFmtId="177" applyNumberFormat="1"/>
            <xf numFmtId="178" applyNumberFormat="1"/>
            <xf numFmtId="3" applyNumberFormat="1"/>
            <xf numFmtId="179" applyNumberFormat="1"/>
          </cellXfs>
          <cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>
        </styleSheet>
        """;

    private const string Row = """
        <row r="1">
          <c r="A1" s="0"><v>44742</v></c>
          <c r="B1" s="1"><v>44742</v></c>
          <c r="C1" s="2"><v>44742</v></c>
          <c r="D1" s="3"><v>44742</v></c>
          <c r="E1" s="4"><v>44742</v></c>
          <c r="F1" s="5"><v>44742</v></c>
          <c r="G1" s="6"><v>1.5</v></c>
          <c r="H1"><v>44742</v></c>
          <c r="I1" s="99"><v>44742</v></c>
          <c r="J1" s="1" t="inlineStr"><is><t>2022-06-30</t></is></c>
        </row>
        """;

    private static readonly string[] Columns = ["A1", "B1", "C1", "D1", "E1", "F1", "G1", "H1", "I1", "J1"];

    private static byte[] Workbook(string? styles) => styles is null
        ? XlsxTestFiles.MinimalWorkbook(Row)
        : XlsxTestFiles.Zip(
            ("_rels/.rels", XlsxTestFiles.RootRels),
            ("xl/workbook.xml", XlsxTestFiles.SimpleWorkbook),
            ("xl/_rels/workbook.xml.rels", RelsWithStyles),
            ("xl/styles.xml", styles),
            ("xl/worksheets/sheet1.xml", XlsxTestFiles.SheetXml(Row)));

    private static XlsxWorkbook Open(byte[] bytes)
    {
        var workbook = XlsxWorkbook.Open(new MemoryStream(bytes), null, out var problem);
        Assert.Null(problem);
        return workbook!;
    }

    [Fact]
    public void Numbers_in_built_in_and_custom_date_formats_are_dates_and_others_are_not()
    {
        using var workbook = Open(Workbook(Styles));
        var cells = workbook.ReadCells(Columns.Select(c => ("Sheet1", c)), out var problem);
        Assert.Null(problem);
        Assert.Equal(
            [false, true, true, true, false, false, true, false, false, false],
            Columns.Select(c => cells[("Sheet1", c)].IsDate));
        Assert.Equal(new XlsxCellValue(XlsxCellKind.Number, "44742", null) { IsDate = true }, cells[("Sheet1", "B1")]);
    }

    [Fact]
    public void Streamed_rows_carry_the_same_dates()
    {
        using var workbook = Open(Workbook(Styles));
        XlsxCellValue[]? row = null;
        workbook.ReadRows("Sheet1", 1, 1, 10, (_, cells) => row = cells, out var problem);
        Assert.Null(problem);
        Assert.Equal([false, true, true, true, false, false, true, false, false, false], row!.Select(c => c.IsDate));
    }

    [Fact]
    public void Without_a_styles_part_nothing_is_a_date()
    {
        using var workbook = Open(Workbook(null));
        var cells = workbook.ReadCells(Columns.Select(c => ("Sheet1", c)), out var problem);
        Assert.Null(problem);
        Assert.All(cells.Values, c => Assert.False(c.IsDate));
    }

    [Fact]
    public void A_styles_part_with_a_dtd_is_refused_as_every_part_is()
    {
        var styles = """
            <?xml version="1.0"?>
            <!DOCTYPE styleSheet [<!ENTITY lol "lol">]>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs><xf numFmtId="14"/></cellXfs></styleSheet>
            """;
        using var workbook = Open(Workbook(styles));
        var cells = workbook.ReadCells([("Sheet1", "B1")], out var problem);
        Assert.Equal(XlsxProblemKind.DtdProhibited, problem?.Kind);
        Assert.Empty(cells);
        workbook.ReadRows("Sheet1", 1, 1, 10, (_, _) => { }, out problem);
        Assert.Equal(XlsxProblemKind.DtdProhibited, problem?.Kind);
    }

    [Fact]
    public void A_malformed_styles_part_is_a_malformed_workbook()
    {
        using var workbook = Open(Workbook("<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><cellXfs><xf numFmtId=\"14\">"));
        workbook.ReadCells([("Sheet1", "B1")], out var problem);
        Assert.Equal(XlsxProblemKind.MalformedXml, problem?.Kind);
    }

    [Fact]
    public void Cells_without_a_styled_number_never_read_the_styles_part()
    {
        // The styles part is broken, but only text and unstyled numbers are asked for: it is never opened.
        using var workbook = Open(Workbook("<not xml"));
        var cells = workbook.ReadCells([("Sheet1", "H1"), ("Sheet1", "J1")], out var problem);
        Assert.Null(problem);
        Assert.False(cells[("Sheet1", "H1")].IsDate);
    }

    [Theory]
    [InlineData("yyyy/m/d", true)]
    [InlineData("[$-804]yyyy年m月d日", true)]
    [InlineData("yyyy\"年\"m\"月\"d\"日\"", true)]
    [InlineData("[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\"", true)]
    [InlineData("m/d/yy h:mm", true)]
    [InlineData("mmm-yy", true)]
    [InlineData("h:mm AM/PM", true)]
    [InlineData("上午/下午h\"时\"mm\"分\"", true)]
    [InlineData("[h]:mm:ss", true)]
    [InlineData("mm:ss.0", true)]
    [InlineData("General", false)]
    [InlineData("G/通用格式", false)]
    [InlineData("0", false)]
    [InlineData("0.00", false)]
    [InlineData("#,##0.00_);[Red]\\(#,##0.00\\)", false)]
    [InlineData("0.00%", false)]
    [InlineData("0.00E+00", false)]
    [InlineData("#,##0\"人\"", false)]
    [InlineData("#,##0\" days\"", false)]
    [InlineData("[Red]0.00;[Blue]-0.00", false)]
    [InlineData("[$¥-804]#,##0.00", false)]
    [InlineData("_-\"¥\"* #,##0.00_-;\\-\"¥\"* #,##0.00_-;_-\"¥\"* \"-\"??_-;_-@_-", false)]
    [InlineData("@", false)]
    [InlineData("0.0\\m", false)]
    public void A_format_code_is_a_date_when_it_has_a_date_code_outside_quotes_brackets_and_escapes(string code, bool isDate) =>
        Assert.Equal(isDate, XlsxNumberFormat.IsDate(code));

    [Theory]
    [InlineData(0, false)]
    [InlineData(3, false)]
    [InlineData(14, true)]
    [InlineData(22, true)]
    [InlineData(31, true)]
    [InlineData(45, true)]
    [InlineData(47, true)]
    [InlineData(49, false)]
    [InlineData(58, true)]
    public void Built_in_formats_are_dates_by_their_id(int id, bool isDate) => Assert.Equal(isDate, XlsxNumberFormat.IsBuiltInDate(id));
}
