using System.Reflection;
using Reports.Diagnostics;
using Reports.Tests.Support;

namespace Reports.Tests.Diagnostics;

/// <summary>The catalogue is complete, its codes unique, and docs/diagnostics.md says exactly what it says.</summary>
public sealed class DiagnosticCatalogTests
{
    private static string DocumentPath => Path.Combine(RepositoryPaths.Root, "docs", "diagnostics.md");

    [Fact]
    public void Every_declared_code_is_listed_once_and_codes_are_unique()
    {
        var declared = typeof(DiagnosticCatalog).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticCode))
            .Select(f => (DiagnosticCode)f.GetValue(null)!)
            .ToList();
        Assert.Equal(declared.Count, DiagnosticCatalog.All.Count);
        Assert.All(declared, code => Assert.Contains(code, DiagnosticCatalog.All));
        Assert.Equal(DiagnosticCatalog.All.Count, DiagnosticCatalog.All.Select(c => c.Code).Distinct().Count());
        Assert.All(DiagnosticCatalog.All, code => Assert.Matches("^(RPT|DQ)[0-9]{3}$", code.Code));
    }

    [Fact]
    public void Every_code_tells_the_clerk_what_to_do_in_Chinese()
    {
        Assert.All(DiagnosticCatalog.All, code =>
        {
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", code.Title);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", code.Advice);
            Assert.EndsWith("。", code.Advice);
            // Chinese text uses full-width punctuation.
            Assert.DoesNotMatch(@"[\p{IsCJKUnifiedIdeographs}][,;:()]|[,;:()][\p{IsCJKUnifiedIdeographs}]", code.Advice);
        });
    }

    [Fact]
    public void The_published_catalogue_matches_the_code()
    {
        var expected = DiagnosticCatalogDocument.Render();
        if (Environment.GetEnvironmentVariable("REPORTS_UPDATE_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(DocumentPath)!);
            File.WriteAllText(DocumentPath, expected);
        }
        Assert.True(File.Exists(DocumentPath), "docs/diagnostics.md is missing: run REPORTS_UPDATE_DOCS=1 dotnet test --filter DiagnosticCatalogTests");
        var published = File.ReadAllText(DocumentPath).ReplaceLineEndings("\n");
        Assert.Equal(expected, published);
        Assert.All(DiagnosticCatalog.All, code => Assert.Contains($"| {code.Code} | ", published));
    }
}
