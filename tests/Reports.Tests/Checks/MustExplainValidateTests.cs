using Reports.Diagnostics;
using Reports.Pipeline;
using Reports.Templates;
using Reports.Tests.Support;

namespace Reports.Tests.Checks;

/// <summary><c>reports validate</c> tells the county before it sends what the city would: explain, and where.</summary>
public sealed class MustExplainValidateTests
{
    private static Support.Cli.Result Validate(Action<Dictionary<string, string>> change)
    {
        using var temp = new TempDirectory();
        var unit = Samples.Changzhi.Find("140404")!;
        var values = Samples.ValuesOf("140404");
        values["emp_total"] = "20000";
        change(values);
        var path = Samples.WriteFilled(temp.Path, unit, values);
        return Support.Cli.Invoke("validate", path, "--roster", RepositoryPaths.SampleRoster, "--setting", $"Reports:Store={Path.Combine(temp.Path, "no-store.db")}");
    }

    private static string NoteCell()
    {
        var (row, column) = TemplateLayout.Cells(Samples.Campaign)["verify_note"];
        return $"{TemplateGenerator.SheetName}!{WorkbookReadBack.Reference(row, column)}";
    }

    [Fact]
    public void An_unexplained_jump_fails_validate_with_exit_3_naming_the_verify_note_cell()
    {
        var result = Validate(_ => { });

        Assert.Equal((int)ExitCode.Incomplete, result.Exit);
        Assert.Contains($"[{NoteCell()}]: 错误 {DiagnosticCatalog.NotExplained.Code}", result.Stdout);
        Assert.Equal("", result.Stderr);
        Assert.Contains($"1 项核实性问题没有说明：数字属实的，请在情况说明 {NoteCell()} 写明原因", result.Stdout);
        Assert.Contains("不通过", result.Stdout);
    }

    [Fact]
    public void A_bare_assent_fails_validate_as_no_explanation()
    {
        var result = Validate(v => v["verify_note"] = "经核实，数据无误。");

        Assert.Equal((int)ExitCode.Incomplete, result.Exit);
        Assert.Contains($"错误 {DiagnosticCatalog.NotAnExplanation.Code}", result.Stdout);
        Assert.Contains("只写核实无误不算", result.Stdout);
    }

    [Fact]
    public void An_explained_jump_passes_validate_with_exit_0_and_says_the_explanation_goes_with_it()
    {
        var result = Validate(v => v["verify_note"] = "今年新建劳务输出基地两个，务工人数比上年度明显增加");

        Assert.Equal((int)ExitCode.Success, result.Exit);
        Assert.Contains($"提醒 {DiagnosticCatalog.OutsideRange.Code}", result.Stdout);
        Assert.Contains("1 项核实性问题已在情况说明中说明", result.Stdout);
        Assert.DoesNotContain("错误", result.Stdout);
    }
}
