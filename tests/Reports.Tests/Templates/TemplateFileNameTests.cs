using Reports.Rosters;
using Reports.Templates;
using Reports.Tests.Support;

namespace Reports.Tests.Templates;

/// <summary>A unit's name never takes a template outside --out, nor makes a name Windows or Linux refuses.</summary>
public sealed class TemplateFileNameTests
{
    [Theory]
    [InlineData("潞州区", "潞州区")]
    [InlineData("../逃逸", "_逃逸")]
    [InlineData("..", "_")]
    [InlineData("a/b\\c", "a_b_c")]
    [InlineData("C:x*y?\"<>|", "C_x_y_____")]
    [InlineData(".隐藏", "隐藏")]
    [InlineData("  名称\t带\u0001控制符  ", "名称_带_控制符")]
    [InlineData("结尾的点.", "结尾的点")]
    public void A_name_part_is_safe(string name, string expected)
    {
        Assert.Equal(expected, SafeFileName.Part(name));
    }

    [Fact]
    public void A_long_name_is_bounded_without_splitting_a_character()
    {
        var name = string.Concat(Enumerable.Repeat("𠀀", 30)); // outside the BMP: surrogate pairs
        var part = SafeFileName.Part(name);
        Assert.True(part.Length <= SafeFileName.MaxLength);
        Assert.False(char.IsHighSurrogate(part[^1]));
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(new TemplateRequest(Samples.Campaign, Samples.Period, new RosterUnit("140403001001", new string('名', 500))).FileName) < 255);
    }

    [Fact]
    public void The_template_verb_writes_every_unit_inside_out()
    {
        using var temp = new TempDirectory();
        var names = new[] { "../逃逸", "a/b", "..", "/etc/passwd", "x\\..\\..\\y" };
        var units = Samples.Changzhi.Units.Take(names.Length).Zip(names, (u, n) => new RosterUnit(u.Code, n)).ToArray();
        var roster = Samples.WriteRoster(temp.Sub("roster"), units);
        var outDirectory = Path.Combine(temp.Sub("deep"), "t");

        var result = Support.Cli.Invoke("template", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", roster, "--out", outDirectory);

        Assert.True(result.Exit == 0, result.Stderr);
        var written = Directory.GetFiles(temp.Path, "*.xlsx", SearchOption.AllDirectories);
        Assert.Equal(names.Length, written.Length);
        Assert.All(written, f => Assert.Equal(outDirectory, Path.GetDirectoryName(f)));
        Assert.Contains(Path.Combine(outDirectory, $"{units[0].Code}-_逃逸-{Samples.ReturnCode}-2022-06.xlsx"), written);
        Assert.Contains(Path.Combine(outDirectory, $"{units[1].Code}-a_b-{Samples.ReturnCode}-2022-06.xlsx"), written);
        Assert.Contains(Path.Combine(outDirectory, $"{units[3].Code}-_etc_passwd-{Samples.ReturnCode}-2022-06.xlsx"), written);
    }
}
