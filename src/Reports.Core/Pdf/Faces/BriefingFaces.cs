using Reports.Pdf;

namespace Reports.Pdf.Faces;

/// <summary>A role's face from settings: a font file's path (with its face in a collection) or an installed family's name.</summary>
public sealed record FaceSetting(string Value, int FaceIndex = 0);

/// <summary>
/// The faces of a briefing per role, chosen once per run: the face a setting names (a font file, or a family to look
/// up); else the office's installed face (仿宋_GB2312/FangSong, 方正小标宋简体, 黑体/SimHei, 楷体_GB2312/KaiTi, 宋体/SimSun),
/// if it is glyf TrueType; else the bundled one: AR PL KaitiM GB (楷) for 仿宋 and 楷体, AR PL SungtiL GB (宋, drawn bold)
/// for 小标宋 and for page numbers, WenQuanYi Micro Hei for 黑体 and as every role's fallback for missing characters.
/// </summary>
public sealed record BriefingFaces(PdfFonts Fonts, IReadOnlyList<ServedFace> Served)
{
    public const string BundledSong = "gbsn00lp.ttf";
    public const string BundledKai = "gkai00mp.ttf";

    /// <summary>The installed families tried per role, in order.</summary>
    public static readonly IReadOnlyDictionary<PdfFontRole, IReadOnlyList<string>> Families = new Dictionary<PdfFontRole, IReadOnlyList<string>>
    {
        [PdfFontRole.Body] = ["仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "华文仿宋", "STFangsong"],
        [PdfFontRole.Title] = ["方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "FZXiaoBiaoSong-B05"],
        [PdfFontRole.Heading] = ["黑体", "SimHei", "华文黑体", "STHeiti"],
        [PdfFontRole.Subheading] = ["楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "华文楷体", "STKaiti"],
        [PdfFontRole.Numerals] = ["宋体", "SimSun"],
    };

    public static string RoleName(PdfFontRole role) => role switch
    {
        PdfFontRole.Body => "正文（仿宋）",
        PdfFontRole.Title => "标题（小标宋）",
        PdfFontRole.Heading => "一级标题（黑体）",
        PdfFontRole.Subheading => "二级标题（楷体）",
        PdfFontRole.Numerals => "页码（宋体）",
        _ => role.ToString(),
    };

    /// <summary>The bundled faces alone, whatever is installed (tests, and the pinned default).</summary>
    public static BriefingFaces Bundled(PdfFontFile fallback) => Resolve(fallback, NoInstalledFonts.Instance, new Dictionary<PdfFontRole, FaceSetting>());

    /// <param name="fallback">The bundled fallback font (fonts/wqy-microhei.ttc); the bundled 宋 and 楷 lie beside it.</param>
    /// <param name="chosen">Per role, a font file (an existing path) or a family name, from settings.</param>
    public static BriefingFaces Resolve(PdfFontFile fallback, IFontLookup lookup, IReadOnlyDictionary<PdfFontRole, FaceSetting> chosen)
    {
        var folder = System.IO.Path.GetDirectoryName(fallback.Path) ?? ".";
        PdfFontFile? Beside(string name) => File.Exists(System.IO.Path.Combine(folder, name)) ? new PdfFontFile(System.IO.Path.Combine(folder, name), 0) : null;
        var song = Beside(BundledSong);
        var kai = Beside(BundledKai);

        var served = new List<ServedFace>();
        var emboldened = new HashSet<PdfFontRole>();
        foreach (var role in Enum.GetValues<PdfFontRole>())
        {
            served.Add(Choose(role));
        }

        ServedFace Choose(PdfFontRole role)
        {
            if (chosen.TryGetValue(role, out var setting) && !string.IsNullOrWhiteSpace(setting.Value))
            {
                if (System.IO.Path.IsPathRooted(setting.Value) && !File.Exists(setting.Value))
                {
                    throw new FileNotFoundException($"简报字体文件不存在：{setting.Value}（{RoleName(role)}）", setting.Value);
                }
                if (File.Exists(setting.Value))
                {
                    return new ServedFace(role, new PdfFontFile(setting.Value, setting.FaceIndex), "设置指定的字体文件");
                }
                if (Installed(setting.Value) is { } named)
                {
                    return new ServedFace(role, named, $"设置指定的已安装字体“{setting.Value}”");
                }
            }
            foreach (var family in Families[role])
            {
                if (Installed(family) is { } installed)
                {
                    return new ServedFace(role, installed, $"已安装的“{family}”");
                }
            }
            switch (role)
            {
                case PdfFontRole.Body when kai is not null:
                    return new ServedFace(role, kai, "随附的文鼎楷体代仿宋");
                case PdfFontRole.Subheading when kai is not null:
                    return new ServedFace(role, kai, "随附的文鼎楷体");
                case PdfFontRole.Title when song is not null:
                    emboldened.Add(role);
                    return new ServedFace(role, song, "随附的文鼎宋体加粗代小标宋");
                case PdfFontRole.Numerals when song is not null:
                    return new ServedFace(role, song, "随附的文鼎宋体");
                case PdfFontRole.Title:
                    emboldened.Add(role);
                    return new ServedFace(role, fallback, "随附的文泉驿微米黑加粗代小标宋");
                default:
                    return new ServedFace(role, fallback, role == PdfFontRole.Heading ? "随附的文泉驿微米黑代黑体" : "随附的文泉驿微米黑");
            }
        }

        PdfFontFile? Installed(string family) =>
            lookup.Find(family) is { } file && TrueTypeCheck.HasGlyfOutlines(file.Path, file.FaceIndex) ? file : null;

        var fonts = new PdfFonts(fallback, served.Single(s => s.Role == PdfFontRole.Body).File, served.Single(s => s.Role == PdfFontRole.Heading).File)
        {
            Roles = served.Where(s => s.Role is not (PdfFontRole.Body or PdfFontRole.Heading)).ToDictionary(s => s.Role, s => s.File),
            Emboldened = emboldened,
        };
        // Before any work: a face that cannot be read would fail the run after intake committed.
        FontFileCheck.Check(fallback, "随附字体，补缺字用");
        foreach (var face in served.DistinctBy(f => f.File).Where(f => f.File != fallback))
        {
            FontFileCheck.Check(face.File, RoleName(face.Role));
        }
        return new BriefingFaces(fonts, served);
    }

    /// <summary>The lookup of this operating system: the Windows fonts folder, else fontconfig.</summary>
    public static IFontLookup SystemLookup() =>
        OperatingSystem.IsWindows() ? WindowsFontsLookup.ForThisMachine() : new FontconfigLookup();
}
