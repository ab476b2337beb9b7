using System.Text;
using Reports.Outputs;
using Reports.Rosters;
using Reports.Templates;
using Reports.Tests.Support;

namespace Reports.Tests.Cli;

/// <summary>The 催报 CSV keeps outside text as text: a name or file name that looks like a formula opens as itself in Excel and WPS.</summary>
public sealed class StatusCsvTests
{
    [Theory]
    [InlineData("潞州区", "潞州区")]
    [InlineData("=HYPERLINK(\"http://x.test\",\"点我\")", "\"'=HYPERLINK(\"\"http://x.test\"\",\"\"点我\"\")\"")]
    [InlineData("+86 355", "'+86 355")]
    [InlineData("-1+1", "'-1+1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("", "")]
    public void A_csv_cell_that_looks_like_a_formula_gets_an_apostrophe(string text, string expected)
    {
        Assert.Equal(expected, SpreadsheetText.CsvCell(text));
    }

    [Fact]
    public void Unit_and_file_names_like_formulas_are_escaped_in_the_chase_list()
    {
        using var temp = new TempDirectory();
        var hostile = new[] { "=HYPERLINK(\"http://x.test\",\"点我\")", "+1", "-2", "@SUM(A1)" };
        var units = Samples.Changzhi.Units.Take(hostile.Length).Zip(hostile, (u, n) => new RosterUnit(u.Code, n)).ToArray();
        var roster = Samples.WriteRoster(temp.Path, units);
        var inbox = temp.Sub("inbox");
        var file = Path.Combine(inbox, "=1+2.xlsx");
        File.WriteAllBytes(file, ReturnFiller.Fill(Samples.Template(units[0]), Samples.Campaign, Samples.ValuesOf(units[0].Code)));
        var csv = Path.Combine(temp.Path, "催报.csv");

        var result = Support.Cli.Invoke("status", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", roster, "--inbox", inbox,
            "--csv", csv, "--store", Path.Combine(temp.Path, "none.db"));

        Assert.True(result.Exit is 0 or 3, result.Stderr);
        var rows = CsvTable.Parse(Encoding.UTF8.GetString(File.ReadAllBytes(csv)[3..]));
        Assert.Equal(hostile.Select(n => "'" + n), rows.Skip(1).Select(r => r[1]));
        Assert.Equal("'=1+2.xlsx", rows[1][^1]);
        Assert.Equal(units.Select(u => u.Code), rows.Skip(1).Select(r => r[0]));
    }
}
