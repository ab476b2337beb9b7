using System.IO.Compression;
using System.Text.RegularExpressions;
using Reports.Definitions;
using Reports.Diagnostics;
using Reports.Intake;
using Reports.Templates;
using Reports.Tests.Support;

namespace Reports.Tests.Checks;

/// <summary>
/// Quotes never nest (no ““百日攻坚”目标任务”): not in the catalogue, not in the templates' texts and prompts, not in
/// any message intake gives about any field of any return definition — labels that carry quotes of their own included.
/// </summary>
public sealed partial class QuoteNestingTests
{
    /// <summary>The deepest nesting of quotation marks in a text: 1 for “投放金额”, 2 for ““百日攻坚”目标任务”.</summary>
    public static int Depth(string text)
    {
        int depth = 0, deepest = 0;
        foreach (var c in text)
        {
            if (c is '“' or '‘' or '「')
            {
                deepest = Math.Max(deepest, ++depth);
            }
            else if (c is '”' or '’' or '」')
            {
                depth = Math.Max(0, depth - 1);
            }
        }
        return deepest;
    }

    public static IEnumerable<object[]> Definitions() =>
        Directory.GetFiles(Path.Combine(RepositoryPaths.Templates, "returns"), "*.json").Order(StringComparer.Ordinal).Select(p => new object[] { Path.GetFileNameWithoutExtension(p) });

    private static ReturnDefinition Load(string code) => ReturnDefinitionLoader.Load(ReturnDefinitionLoader.PathFor(RepositoryPaths.Templates, code));

    [Fact]
    public void The_depth_measure_sees_the_nesting_the_issue_shows()
    {
        Assert.Equal(2, Depth("““百日攻坚”目标任务”"));
        Assert.Equal(1, Depth(Quoted.Name("“百日攻坚”目标任务") + "大于" + Quoted.Name("投放金额")));
    }

    [Fact]
    public void No_catalogue_entry_nests_quotes()
    {
        Assert.All(DiagnosticCatalog.All, code => Assert.True(Depth(code.Title) <= 1 && Depth(code.Advice) <= 1, code.Code));
        Assert.True(Depth(DiagnosticCatalogDocument.Render()) <= 1);
    }

    [Theory]
    [MemberData(nameof(Definitions))]
    public void No_text_or_prompt_of_a_generated_template_nests_quotes(string code)
    {
        var bytes = new TemplateGenerator(FixedClock.Default).Generate(new TemplateRequest(Load(code), Samples.Period, Samples.Changzhi.Units[0]));
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var texts = zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .SelectMany(e =>
            {
                using var reader = new StreamReader(e.Open());
                var xml = reader.ReadToEnd();
                // Cell texts (shared or inline strings) and the validations' prompts and error messages.
                return TextElement().Matches(xml).Select(m => m.Groups[1].Value)
                    .Concat(PromptAttribute().Matches(xml).Select(m => m.Groups[1].Value));
            })
            .ToList();
        Assert.Contains(texts, t => t.Contains('“'));
        Assert.All(texts, t => Assert.True(Depth(System.Net.WebUtility.HtmlDecode(t)) <= 1, t));
    }

    [Theory]
    [MemberData(nameof(Definitions))]
    public void No_message_intake_gives_about_any_field_nests_quotes(string code)
    {
        var definition = Load(code);
        using var temp = new TempDirectory();
        var unit = Samples.Changzhi.Units[0];
        var context = new IntakeContext(definition, Samples.Changzhi, Samples.Period);
        var messages = new List<string>();
        // Every number approximate (a message quoting each field's label and what was typed), then every number
        // blank, then every ≤ rule broken: between them a message about every field and every rule.
        IReadOnlyDictionary<string, object>[] fillings =
        [
            definition.Fields.ToDictionary(f => f.Code, f => (object)(f.IsNumeric ? "约“12”" : "“核实无误”")),
            definition.Fields.Where(f => !f.IsNumeric).ToDictionary(f => f.Code, _ => (object)" "),
            definition.Fields.ToDictionary(f => f.Code, f => f.IsNumeric ? (f.AtMost is null ? 1 : 5) : (object)"张三"),
        ];
        foreach (var (values, index) in fillings.Select((v, i) => (v, i)))
        {
            var path = Path.Combine(temp.Path, $"{unit.Code}-{index}.xlsx");
            File.WriteAllBytes(path, new TemplateGenerator(FixedClock.Default).Generate(new TemplateRequest(definition, Samples.Period, unit)));
            OpenXmlNameWriter.Fill(path, values);
            messages.AddRange(new ReturnFileReader(context).Read(path).Diagnostics.Select(d => d.Message));
        }
        Assert.Contains(messages, m => m.Contains('“'));
        Assert.All(messages, m => Assert.True(Depth(m) <= 1, m));
    }

    [GeneratedRegex("<t(?: [^>]*)?>([^<]*)</t>")]
    private static partial Regex TextElement();

    [GeneratedRegex("(?:prompt|error|promptTitle|errorTitle)=\"([^\"]*)\"")]
    private static partial Regex PromptAttribute();
}
