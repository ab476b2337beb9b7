using DocumentFormat.OpenXml.Wordprocessing;
using Reports.Pdf;
using Reports.Pdf.Faces;

namespace Reports.Outputs.Draft;

/// <summary>
/// The draft's named styles, the PDF's typography in Word's terms, so that an edit in WPS 文字 or Word keeps the form:
/// 正文 (仿宋 3号 16 pt, 22 lines to the 版心), 一级标题 (黑体), 二级标题 (楷体), 标题 (小标宋 2号 22 pt), and the 报头's, captions',
/// tables', 版记's and page numbers' own. Fonts are the office's families (仿宋_GB2312, 黑体, 楷体_GB2312,
/// 方正小标宋简体, 宋体), set for East Asian text and figures alike; the font table names for each the alternative a
/// machine without it uses (仿宋, SimHei, 楷体, 宋体), as the PDF falls back from the office's face to one it carries.
/// </summary>
internal static class DraftStyles
{
    public const string Body = "Zhengwen";
    public const string Heading1 = "YijiBiaoti";
    public const string Heading2 = "ErjiBiaoti";
    public const string Title = "Biaoti";
    public const string Masthead = "Bantou";
    public const string Caption = "Tubiaoti";
    public const string TableText = "Biaoge";
    public const string Distribution = "Banji";
    public const string PageNumber = "Yema";

    /// <summary>Body text size in half-points (3号, 16 pt).</summary>
    public const int BodyHalfPoints = 32;

    /// <summary>The body's line pitch: 225 mm of 版心 over 22 lines, in twips (exactly, as the PDF sets it).</summary>
    public const int LinePitch = 580;

    /// <summary>The office's family of each role (the first the PDF looks for) and what a machine without it uses.</summary>
    public static string Family(PdfFontRole role) => BriefingFaces.Families[role][0];

    private static readonly IReadOnlyDictionary<PdfFontRole, string> Alternatives = new Dictionary<PdfFontRole, string>
    {
        [PdfFontRole.Body] = "仿宋",
        [PdfFontRole.Heading] = "SimHei",
        [PdfFontRole.Title] = "宋体",
        [PdfFontRole.Subheading] = "楷体",
        [PdfFontRole.Numerals] = "SimSun",
    };

    public static RunFonts Fonts(PdfFontRole role)
    {
        var family = Family(role);
        return new RunFonts { Ascii = family, HighAnsi = family, EastAsia = family, ComplexScript = family };
    }

    public static Fonts FontTable() =>
        new(Enum.GetValues<PdfFontRole>().Select(role => new Font(
            new AltName { Val = Alternatives[role] },
            new FontCharSet { Val = "86" },
            new FontFamily { Val = role == PdfFontRole.Heading ? FontFamilyValues.Modern : FontFamilyValues.Roman },
            new Pitch { Val = FontPitchValues.Variable })
        { Name = Family(role) }));

    public static Styles Build()
    {
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    Fonts(PdfFontRole.Body),
                    new Kern { Val = 2 },
                    new FontSize { Val = Half(BodyHalfPoints) },
                    new FontSizeComplexScript { Val = Half(BodyHalfPoints) },
                    new Languages { Val = "en-US", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { Line = Twips(LinePitch), LineRule = LineSpacingRuleValues.Exact }))));
        styles.Append(Paragraph("Normal", "Normal", null, isDefault: true, paragraph: [], run: []));
        styles.Append(Paragraph(Body, "正文", "Normal",
            paragraph: [new Indentation { FirstLineChars = 200, FirstLine = Twips(BodyHalfPoints * 20) }, new Justification { Val = JustificationValues.Both }],
            run: [Fonts(PdfFontRole.Body)], next: Body));
        styles.Append(Paragraph(Heading1, "一级标题", Body,
            paragraph: [new KeepNext(), new OutlineLevel { Val = 0 }],
            run: [Fonts(PdfFontRole.Heading)], next: Body));
        styles.Append(Paragraph(Heading2, "二级标题", Body,
            paragraph: [new KeepNext(), new OutlineLevel { Val = 1 }],
            run: [Fonts(PdfFontRole.Subheading)], next: Body));
        styles.Append(Paragraph(Title, "标题", "Normal",
            paragraph: [new KeepNext(), new SpacingBetweenLines { Before = "120", After = "80", Line = "660", LineRule = LineSpacingRuleValues.Exact },
                new Justification { Val = JustificationValues.Center }],
            run: [Fonts(PdfFontRole.Title), new FontSize { Val = "44" }, new FontSizeComplexScript { Val = "44" }], next: Body));
        styles.Append(Paragraph(Masthead, "版头", "Normal",
            paragraph: [new SpacingBetweenLines { Line = "870", LineRule = LineSpacingRuleValues.Exact }, new Justification { Val = JustificationValues.Center }],
            run: [Fonts(PdfFontRole.Title), new Color { Val = "C00000" }, new Spacing { Val = 72 }, new FontSize { Val = "60" }, new FontSizeComplexScript { Val = "60" }]));
        styles.Append(Paragraph(Caption, "图表标题", "Normal",
            paragraph: [new KeepNext(), new SpacingBetweenLines { Before = "120", Line = "384", LineRule = LineSpacingRuleValues.Exact }, new Justification { Val = JustificationValues.Center }],
            run: [Fonts(PdfFontRole.Heading), new FontSize { Val = "24" }, new FontSizeComplexScript { Val = "24" }]));
        styles.Append(Paragraph(TableText, "表格文字", "Normal",
            paragraph: [new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto }],
            run: [Fonts(PdfFontRole.Body), new FontSize { Val = "21" }, new FontSizeComplexScript { Val = "21" }]));
        styles.Append(Paragraph(Distribution, "版记", "Normal",
            paragraph: [new SpacingBetweenLines { Line = "476", LineRule = LineSpacingRuleValues.Exact }],
            run: [Fonts(PdfFontRole.Body), new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" }]));
        styles.Append(Paragraph(PageNumber, "页码", "Normal",
            paragraph: [new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto }],
            run: [Fonts(PdfFontRole.Numerals), new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" }]));
        styles.Append(new Style(new StyleName { Val = "Table Grid" }, new UIPriority { Val = 59 },
            new StyleTableProperties(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4, Color = "404040" },
                new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "404040" },
                new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "404040" },
                new RightBorder { Val = BorderValues.Single, Size = 4, Color = "404040" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "404040" },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "404040" })))
        { Type = StyleValues.Table, StyleId = "TableGrid" });
        return styles;
    }

    private static Style Paragraph(string id, string name, string? basedOn, DocumentFormat.OpenXml.OpenXmlElement[] paragraph, DocumentFormat.OpenXml.OpenXmlElement[] run,
        string? next = null, bool isDefault = false)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, Default = isDefault ? true : null };
        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
        }
        if (next is not null)
        {
            style.Append(new NextParagraphStyle { Val = next });
        }
        style.Append(new PrimaryStyle());
        if (paragraph.Length > 0)
        {
            style.Append(new StyleParagraphProperties(paragraph));
        }
        if (run.Length > 0)
        {
            style.Append(new StyleRunProperties(run));
        }
        return style;
    }

    private static string Half(int halfPoints) => halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Twips(int twips) => twips.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
