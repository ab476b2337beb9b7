using Reports.Intake.Xlsx;

namespace Reports.Tests.Intake.Xlsx;

public class XlsxReferenceTests
{
    [Theory]
    [InlineData("A", 1)]
    [InlineData("Z", 26)]
    [InlineData("AA", 27)]
    [InlineData("AZ", 52)]
    [InlineData("BA", 53)]
    [InlineData("ZZ", 702)]
    [InlineData("AAA", 703)]
    [InlineData("XFD", 16384)]
    public void Column_letters_round_trip(string letters, int index)
    {
        Assert.Equal(index, XlsxCellRef.ColumnIndex(letters));
        Assert.Equal(index, XlsxCellRef.ColumnIndex(letters.ToLowerInvariant()));
        Assert.Equal(letters, XlsxCellRef.ColumnName(index));
    }

    [Fact]
    public void All_columns_round_trip_and_out_of_range_is_rejected()
    {
        for (var c = 1; c <= XlsxCellRef.MaxColumn; c++)
        {
            Assert.Equal(c, XlsxCellRef.ColumnIndex(XlsxCellRef.ColumnName(c)));
        }
        Assert.Equal(0, XlsxCellRef.ColumnIndex("XFE"));
        Assert.Equal(0, XlsxCellRef.ColumnIndex("AAAA"));
        Assert.Equal(0, XlsxCellRef.ColumnIndex(""));
        Assert.Equal(0, XlsxCellRef.ColumnIndex("A1"));
        Assert.Throws<ArgumentOutOfRangeException>(() => XlsxCellRef.ColumnName(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => XlsxCellRef.ColumnName(16385));
    }

    [Theory]
    [InlineData("C5", 5, 3)]
    [InlineData("$C$5", 5, 3)]
    [InlineData("c$5", 5, 3)]
    [InlineData("XFD1048576", 1048576, 16384)]
    public void Cell_refs_parse(string text, int row, int col)
    {
        Assert.True(XlsxCellRef.TryParse(text, out var r, out var c));
        Assert.Equal((row, col), (r, c));
    }

    [Theory]
    [InlineData("")]
    [InlineData("C")]
    [InlineData("5")]
    [InlineData("C0")]
    [InlineData("C05x")]
    [InlineData("$$C5")]
    [InlineData("C1048577")]
    [InlineData("C99999999999")]
    [InlineData("C5:C6")]
    public void Bad_cell_refs_are_rejected(string text) => Assert.False(XlsxCellRef.TryParse(text, out _, out _));

    [Theory]
    [InlineData("'潞州区 (2)'!$C$5", "潞州区 (2)", "C5")]
    [InlineData("Sheet1!$C$5", "Sheet1", "C5")]
    [InlineData("Sheet1!C5", "Sheet1", "C5")]
    [InlineData("Sheet1!$C$5:$C$5", "Sheet1", "C5")]
    [InlineData("Sheet1!C5:$C$5", "Sheet1", "C5")]
    [InlineData("=Sheet1!$c$5", "Sheet1", "C5")]
    [InlineData("  表1!$AB$12 ", "表1", "AB12")]
    [InlineData("'Bob''s Sheet 1'!$B$2", "Bob's Sheet 1", "B2")]
    [InlineData("''''!A1", "'", "A1")]
    [InlineData("'Sheet!1'!A1", "Sheet!1", "A1")]
    [InlineData("Data_2024.Q1!$A$1", "Data_2024.Q1", "A1")]
    public void Single_cell_references(string reference, string sheet, string cell)
    {
        Assert.True(XlsxReference.TryParseSingleCell(reference, out var s, out var c));
        Assert.Equal(sheet, s);
        Assert.Equal(cell, c);
    }

    [Theory]
    [InlineData("#REF!")]
    [InlineData("Sheet1!#REF!")]
    [InlineData("'潞州区 (2)'!#REF!")]
    [InlineData("Sheet1!$C$5:$D$5")]
    [InlineData("Sheet1!$C:$C")]
    [InlineData("Sheet1!$5:$5")]
    [InlineData("Sheet1!$A$1,Sheet1!$B$2")]
    [InlineData("Sheet1:Sheet3!$A$1")]
    [InlineData("'Sheet 1:Sheet 3'!$A$1")]
    [InlineData("[1]Sheet1!$A$1")]
    [InlineData("'[Book.xlsx]Sheet1'!$A$1")]
    [InlineData("0.25")]
    [InlineData("\"text\"")]
    [InlineData("SUM(Sheet1!$A$1:$A$3)")]
    [InlineData("OFFSET(Sheet1!$A$1,0,0)")]
    [InlineData("Sheet1!$A$1+1")]
    [InlineData("'unterminated!A1")]
    [InlineData("'no bang'A1")]
    [InlineData("!A1")]
    [InlineData("Sheet 1!A1")]
    [InlineData("Table1[Column]")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Not_single_cell_references(string? reference)
    {
        Assert.False(XlsxReference.TryParseSingleCell(reference, out var s, out var c));
        Assert.Null(s);
        Assert.Null(c);
    }

    [Fact]
    public void Relationship_targets_resolve()
    {
        Assert.Equal("xl/worksheets/sheet1.xml", XlsxWorkbook.ResolveTarget("xl/workbook.xml", "worksheets/sheet1.xml"));
        Assert.Equal("xl/worksheets/sheet1.xml", XlsxWorkbook.ResolveTarget("xl/workbook.xml", "/xl/worksheets/sheet1.xml"));
        Assert.Equal("other/s.xml", XlsxWorkbook.ResolveTarget("xl/workbook.xml", "../other/./s.xml"));
        Assert.Equal("xl/workbook.xml", XlsxWorkbook.ResolveTarget("", "xl/workbook.xml"));
        Assert.Equal("xl/my sheet.xml", XlsxWorkbook.ResolveTarget("xl/workbook.xml", "my%20sheet.xml"));
        Assert.Equal("xl/_rels/workbook.xml.rels", XlsxWorkbook.RelationshipsPartFor("xl/workbook.xml"));
        Assert.Equal("_rels/book.xml.rels", XlsxWorkbook.RelationshipsPartFor("book.xml"));
    }
}
