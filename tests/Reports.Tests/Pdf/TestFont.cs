using Reports.Pdf;

namespace Reports.Tests.Pdf;

/// <summary>Finds fonts/wqy-microhei.ttc by walking up from the test binaries' folder.</summary>
internal static class TestFont
{
    private const string RelativePath = "fonts/wqy-microhei.ttc";

    private static readonly Lazy<string> LazyPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, RelativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{RelativePath} not found above {AppContext.BaseDirectory}");
    });

    public static string FontPath => LazyPath.Value;

    public static PdfFontFile MicroHei => new(LazyPath.Value, 0);
}
