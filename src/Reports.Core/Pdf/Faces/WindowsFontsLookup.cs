using Reports.Pdf;

namespace Reports.Pdf.Faces;

/// <summary>Installed fonts in the Windows fonts folder, by the file names the offices' faces are installed under.</summary>
public sealed class WindowsFontsLookup(string fontsFolder) : IFontLookup
{
    private static readonly Dictionary<string, string[]> Files = new(StringComparer.OrdinalIgnoreCase)
    {
        ["仿宋_GB2312"] = ["FS_GB2312.ttf", "仿宋_GB2312.ttf"],
        ["FangSong_GB2312"] = ["FS_GB2312.ttf"],
        ["仿宋"] = ["simfang.ttf"],
        ["FangSong"] = ["simfang.ttf"],
        ["方正小标宋简体"] = ["FZXBSJW.TTF", "方正小标宋简体.ttf"],
        ["方正小标宋_GBK"] = ["FZXBSK.TTF"],
        ["黑体"] = ["simhei.ttf"],
        ["SimHei"] = ["simhei.ttf"],
        ["楷体_GB2312"] = ["SIMKAI_GB2312.ttf", "楷体_GB2312.ttf"],
        ["KaiTi_GB2312"] = ["SIMKAI_GB2312.ttf"],
        ["楷体"] = ["simkai.ttf"],
        ["KaiTi"] = ["simkai.ttf"],
        ["宋体"] = ["simsun.ttc"],
        ["SimSun"] = ["simsun.ttc"],
    };

    public static WindowsFontsLookup ForThisMachine() =>
        new(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.Windows), "Fonts"));

    public PdfFontFile? Find(string family)
    {
        if (!Files.TryGetValue(family, out var names))
        {
            return null;
        }
        foreach (var folder in new[] { fontsFolder, Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "Microsoft", "Windows", "Fonts") })
        {
            foreach (var name in names)
            {
                var path = Path.Combine(folder, name);
                if (File.Exists(path))
                {
                    return new PdfFontFile(path, 0);
                }
            }
        }
        return null;
    }
}
