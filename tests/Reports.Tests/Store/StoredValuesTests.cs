using Reports.Intake;
using Reports.Pipeline;
using Reports.Store;
using Reports.Templates;
using Reports.Tests.Support;

namespace Reports.Tests.Store;

/// <summary>A version's values go into the store and come back exactly as the reader read them.</summary>
public sealed class StoredValuesTests
{
    [Fact]
    public void Texts_beyond_the_basic_plane_quotes_and_control_characters_come_back_from_the_store_as_read()
    {
        using var temp = new TempDirectory();
        var unit = Samples.Changzhi.Units[0];
        var roster = Samples.WriteRoster(temp.Path, unit);
        var inbox = temp.Sub("inbox");
        var values = Samples.ValuesOf(unit.Code);
        // A rare character outside the basic plane (a surrogate pair in .NET), quotes, a backslash, markup, a tab and a line break.
        values["remarks"] = "𠀀𪚥 \"引号\" 'x' \\路径\\ <a>&amp; \t第二行\n完";
        var path = Path.Combine(inbox, $"{unit.Code}.xlsx");
        File.WriteAllBytes(path, ReturnFiller.Fill(Samples.Template(unit), Samples.Campaign, values));
        var read = new ReturnFileReader(new IntakeContext(Samples.Campaign, Samples.Changzhi, Samples.Period)).Read(path).Submission!;
        Assert.Contains("𠀀", read.Texts["remarks"], StringComparison.Ordinal);

        var store = Path.Combine(temp.Path, "reports.db");
        new RunPipeline(FixedClock.Default).Execute(Samples.Options(roster, inbox, temp.Sub("out")) with { StorePath = store });

        using var opened = ReturnStore.Open(store, FixedClock.Default);
        var stored = Assert.Single(opened.Versions(Samples.ReturnCode, Samples.Period)).Submission!;
        Assert.Equal(read.Texts.OrderBy(t => t.Key, StringComparer.Ordinal), stored.Texts.OrderBy(t => t.Key, StringComparer.Ordinal));
        Assert.Equal(read.Values.OrderBy(v => v.Key, StringComparer.Ordinal), stored.Values.OrderBy(v => v.Key, StringComparer.Ordinal));
        Assert.Equal(read.Cells.OrderBy(c => c.Key, StringComparer.Ordinal), stored.Cells.OrderBy(c => c.Key, StringComparer.Ordinal));
    }
}
