using Reports.Cli;
using Reports.Templates;

namespace Reports.Tests.Architecture;

/// <summary>
/// The shipped program carries no unmaintained package: EPPlus 4.5 (frozen since its licence changed, and what pulled
/// System.Drawing.Common in) is used by the tests alone, as an independent engine that reads workbooks back.
/// </summary>
public sealed class ShippedPackagesTests
{
    public static TheoryData<string> ShippedAssemblies() => new(typeof(TemplateGenerator).Assembly.GetName().Name!, typeof(ReportsCommand).Assembly.GetName().Name!);

    [Theory]
    [MemberData(nameof(ShippedAssemblies))]
    public void A_shipped_assembly_references_neither_EPPlus_nor_System_Drawing(string assembly)
    {
        var shipped = new[] { typeof(TemplateGenerator).Assembly, typeof(ReportsCommand).Assembly }.Single(a => a.GetName().Name == assembly);
        var referenced = shipped.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.Contains("System.Runtime", referenced);
        Assert.DoesNotContain("EPPlus", referenced);
        Assert.DoesNotContain("System.Drawing.Common", referenced);
        Assert.DoesNotContain("System.Drawing", referenced);
    }
}
