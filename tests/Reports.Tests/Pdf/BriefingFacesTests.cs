using Reports.Pdf;
using Reports.Pdf.Faces;
using Reports.Tests.Support;

namespace Reports.Tests.Pdf;

/// <summary>
/// Which face serves each role: a face the settings name, else the office's installed face (found through the
/// injected lookup, and only if it is glyf TrueType), else the bundled one; whatever the machine has installed.
/// </summary>
public sealed class BriefingFacesTests
{
    private static readonly PdfFontFile Fallback = new(RepositoryPaths.Font, 0);
    private static string Bundled(string name) => Path.Combine(RepositoryPaths.Root, "fonts", name);

    /// <summary>A lookup that "has installed" the given families at the given files.</summary>
    private sealed class FakeLookup(IReadOnlyDictionary<string, string> installed) : IFontLookup
    {
        public List<string> Asked { get; } = [];

        public PdfFontFile? Find(string family)
        {
            Asked.Add(family);
            return installed.TryGetValue(family, out var path) ? new PdfFontFile(path, 0) : null;
        }
    }

    [Fact]
    public void With_nothing_installed_the_bundled_kai_song_and_sans_serve_and_the_title_is_drawn_bold()
    {
        var faces = BriefingFaces.Bundled(Fallback);
        Assert.Equal(Bundled("gkai00mp.ttf"), faces.Fonts.For(PdfFontRole.Body).Path);
        Assert.Equal(Bundled("gkai00mp.ttf"), faces.Fonts.For(PdfFontRole.Subheading).Path);
        Assert.Equal(Bundled("gbsn00lp.ttf"), faces.Fonts.For(PdfFontRole.Title).Path);
        Assert.Equal(Bundled("gbsn00lp.ttf"), faces.Fonts.For(PdfFontRole.Numerals).Path);
        Assert.Equal(RepositoryPaths.Font, faces.Fonts.For(PdfFontRole.Heading).Path);
        Assert.Equal([PdfFontRole.Title], faces.Fonts.Emboldened);
        Assert.Equal(Enum.GetValues<PdfFontRole>().Length, faces.Served.Count);
        Assert.All([Bundled("gkai00mp.ttf"), Bundled("gbsn00lp.ttf")], path => Assert.True(TrueTypeCheck.HasGlyfOutlines(path, 0)));
    }

    [Fact]
    public void An_installed_office_face_is_preferred_by_family_name_and_named_in_the_log_line()
    {
        using var temp = new TempDirectory();
        var fangsong = Path.Combine(temp.Path, "simfang.ttf");
        File.Copy(Bundled("gkai00mp.ttf"), fangsong);
        var lookup = new FakeLookup(new Dictionary<string, string> { ["FangSong"] = fangsong });

        var faces = BriefingFaces.Resolve(Fallback, lookup, new Dictionary<PdfFontRole, FaceSetting>());

        Assert.Equal(fangsong, faces.Fonts.For(PdfFontRole.Body).Path);
        // 仿宋_GB2312 is asked for before FangSong.
        Assert.True(lookup.Asked.IndexOf("仿宋_GB2312") < lookup.Asked.IndexOf("FangSong"));
        Assert.Equal("正文（仿宋）：simfang.ttf（已安装的“FangSong”）", faces.Served.Single(s => s.Role == PdfFontRole.Body).Describe());
        // The title is still the bundled stand-in.
        Assert.Equal(Bundled("gbsn00lp.ttf"), faces.Fonts.For(PdfFontRole.Title).Path);
    }

    [Fact]
    public void An_installed_face_with_cff_outlines_is_passed_over()
    {
        using var temp = new TempDirectory();
        // An OpenType/CFF font's header: 'OTTO', one table, named CFF.
        var cff = Path.Combine(temp.Path, "FZXBSJW.otf");
        var bytes = new byte[12 + 16];
        "OTTO"u8.CopyTo(bytes);
        bytes[5] = 1;
        "CFF "u8.CopyTo(bytes.AsSpan(12));
        File.WriteAllBytes(cff, bytes);
        var lookup = new FakeLookup(new Dictionary<string, string> { ["方正小标宋简体"] = cff });

        var faces = BriefingFaces.Resolve(Fallback, lookup, new Dictionary<PdfFontRole, FaceSetting>());

        Assert.False(TrueTypeCheck.HasGlyfOutlines(cff, 0));
        Assert.Equal(Bundled("gbsn00lp.ttf"), faces.Fonts.For(PdfFontRole.Title).Path);
    }

    [Fact]
    public void A_face_named_in_settings_wins_and_a_missing_file_is_an_error_naming_it()
    {
        var lookup = new FakeLookup(new Dictionary<string, string>());
        var chosen = new Dictionary<PdfFontRole, FaceSetting> { [PdfFontRole.Heading] = new(Bundled("gbsn00lp.ttf")) };
        var faces = BriefingFaces.Resolve(Fallback, lookup, chosen);
        Assert.Equal(Bundled("gbsn00lp.ttf"), faces.Fonts.For(PdfFontRole.Heading).Path);
        Assert.DoesNotContain("黑体", lookup.Asked);

        var missing = Path.Combine(Path.GetTempPath(), "no-such-font-" + Guid.NewGuid().ToString("N") + ".ttf");
        var error = Assert.Throws<FileNotFoundException>(() =>
            BriefingFaces.Resolve(Fallback, lookup, new Dictionary<PdfFontRole, FaceSetting> { [PdfFontRole.Body] = new(missing) }));
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }
}
