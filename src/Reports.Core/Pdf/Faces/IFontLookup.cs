using Reports.Pdf;

namespace Reports.Pdf.Faces;

/// <summary>Finds an installed font by family name (仿宋_GB2312, SimHei …); injected, so tests pin the bundled faces
/// whatever the machine has installed.</summary>
public interface IFontLookup
{
    /// <summary>The font file of <paramref name="family"/>, or null when it is not installed.</summary>
    PdfFontFile? Find(string family);
}

/// <summary>No installed fonts: the bundled faces serve every role (tests, and machines without fontconfig).</summary>
public sealed class NoInstalledFonts : IFontLookup
{
    public static readonly NoInstalledFonts Instance = new();

    public PdfFontFile? Find(string family) => null;
}
