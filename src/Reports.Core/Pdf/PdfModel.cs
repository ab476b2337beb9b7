namespace Reports.Pdf;

/// <summary>A font file on disk; <see cref="FaceIndex"/> selects the face inside a TrueType collection (.ttc).</summary>
public sealed record PdfFontFile(string Path, int FaceIndex);

/// <summary>
/// The document's fonts. <see cref="Fallback"/> (the font the project carries) draws every character a role's font
/// lacks, and the charts; a role without a font of its own (null <see cref="Body"/>, <see cref="Heading"/>, or no
/// entry in <see cref="Roles"/>) is set in the fallback font. <see cref="Emboldened"/> roles are drawn with a fake
/// bold: a stand-in face (bold 宋 for 小标宋) that has no weight of its own.
/// </summary>
public sealed record PdfFonts(PdfFontFile Fallback, PdfFontFile? Body = null, PdfFontFile? Heading = null)
{
    /// <summary>Fonts of the roles beyond body and heading (title, subheading, numerals).</summary>
    public IReadOnlyDictionary<PdfFontRole, PdfFontFile> Roles { get; init; } = new Dictionary<PdfFontRole, PdfFontFile>();

    public IReadOnlySet<PdfFontRole> Emboldened { get; init; } = new HashSet<PdfFontRole>();

    /// <summary>The font a role is set in (before the per-character fallback).</summary>
    public PdfFontFile For(PdfFontRole role) => role switch
    {
        PdfFontRole.Body => Body ?? Fallback,
        PdfFontRole.Heading => Heading ?? Fallback,
        _ => Roles.GetValueOrDefault(role) ?? Fallback,
    };
}

/// <summary>Which configured font a piece of text is set in: body (仿宋), level-1 headings and captions (黑体),
/// titles and the masthead (小标宋), level-2 headings and subtitles (楷体), page numbers (宋体).</summary>
public enum PdfFontRole { Body, Heading, Title, Subheading, Numerals }

/// <summary>What rendering found: characters no configured font (nor the fallback) can draw, which print as empty boxes.</summary>
public sealed record PdfRenderReport(IReadOnlyList<int> MissingCodePoints)
{
    public string MissingText => string.Concat(MissingCodePoints.Select(char.ConvertFromUtf32));
}

/// <summary>Page size and margins in PDF points (1/72 inch). Defaults: A4 portrait with the 版心 of GB/T 9704-2012:
/// 156 × 225 mm, 天头 (top) 37 mm, 订口 (left) 28 mm.</summary>
public sealed record PdfPageSettings(
    float WidthPt = 595.28f,
    float HeightPt = 841.89f,
    float MarginTopPt = 37 * PdfPageSettings.PointsPerMm,
    float MarginBottomPt = 35 * PdfPageSettings.PointsPerMm,
    float MarginLeftPt = 28 * PdfPageSettings.PointsPerMm,
    float MarginRightPt = 26 * PdfPageSettings.PointsPerMm)
{
    public const float PointsPerMm = 72f / 25.4f;
}

/// <summary>Document information; <see cref="Created"/> is written as both creation and modification date.</summary>
public sealed record PdfMetadata(string Title, string Author, DateTimeOffset Created);

/// <summary>Base of every block of the document body, laid out top to bottom.</summary>
public abstract record PdfBlock;

/// <summary>报头: big red centred title, the issue line ("第N期") centred, office left and date right, then a red rule.</summary>
public sealed record PdfMasthead(string Title, string IssueLine, string Office, string Date) : PdfBlock;

/// <summary>The box under the 报头 in which a leader's instruction (领导批示) is printed: the label, then the
/// paragraphs, framed by a thin rule.</summary>
public sealed record PdfInstructionBox(string Label, IReadOnlyList<string> Paragraphs) : PdfBlock;

/// <summary>Level 1: centred article title (小标宋). Level 2: section heading "一、…" (黑体). Level 3 (or more):
/// "（一）…" (楷体). Headings keep the body's size and indent, as in an official document.</summary>
public sealed record PdfHeading(string Text, int Level) : PdfBlock;

/// <summary>Body text; the first line is indented by two CJK characters unless <see cref="FirstLineIndent"/> is false.
/// A '\n' in <see cref="Text"/> forces a line break. Left-aligned paragraphs are justified; centred ones are not.
/// A paragraph never leaves its first line alone at a page foot nor its last alone at a page top;
/// <see cref="KeepWithNext"/> also keeps its last two lines on the page where the next block starts (before a short
/// closing paragraph, so that one never stands alone on a page).</summary>
public sealed record PdfParagraph(
    string Text, bool FirstLineIndent = true, float? FontSizePt = null, PdfAlign Align = PdfAlign.Left, PdfFontRole Role = PdfFontRole.Body) : PdfBlock
{
    public bool KeepWithNext { get; init; }
}

/// <summary>A table; the header row (column titles) is repeated on every page the table crosses and rows are never split
/// across pages (unless a single row is taller than a page). The last <see cref="BoldLastRows"/> rows are bold (e.g. a total).</summary>
public sealed record PdfTable(
    IReadOnlyList<PdfTableColumn> Columns,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    string? Caption = null,
    int BoldLastRows = 0,
    float? FontSizePt = null) : PdfBlock;

public sealed record PdfTableColumn(string Title, float RelativeWidth, PdfAlign Align)
{
    /// <summary>Each line of the column's cells (a file name) is kept on one line, shortened in the middle when too wide
    /// (<see cref="MiddleEllipsis"/>), and the column gets the room of its longest line, up to a share of the table.</summary>
    public bool OneLine { get; init; }
}

public enum PdfAlign { Left, Center, Right }

/// <summary>
/// A bar chart drawn as vectors into the page (text stays text): one bar per <see cref="PdfBar"/>, values in percent;
/// an optional dashed reference line (time progress) with its label. Highlighted bars (lagging units) stand out and
/// <see cref="LegendLabel"/> names them in a legend.
/// </summary>
public sealed record PdfBarChart(
    string Caption,
    IReadOnlyList<PdfBar> Bars,
    string ValueAxisLabel,
    double? ReferenceValue = null,
    string? ReferenceLabel = null,
    float HeightPt = 200,
    string? LegendLabel = null) : PdfBlock;

/// <summary>
/// A line chart over periods (a campaign's weeks): one labelled point per period on the horizontal axis, each
/// <see cref="PdfLine"/> a series in percent (a dashed one for time progress), named in a legend.
/// </summary>
public sealed record PdfLineChart(
    string Caption,
    IReadOnlyList<string> Periods,
    IReadOnlyList<PdfLine> Lines,
    string ValueAxisLabel,
    float HeightPt = 190) : PdfBlock;

/// <summary>A series of a line chart, one value per period (null: none that period); <see cref="Dashed"/> for a reference such as time progress.</summary>
public sealed record PdfLine(string Label, IReadOnlyList<double?> Values, bool Dashed = false);

/// <summary>A bar; <see cref="ValueText"/> is the label over it (null: the value with one decimal).</summary>
public sealed record PdfBar(string Label, double Value, bool Highlight = false, string? ValueText = null);

/// <summary>报尾: the distribution lines (报：…, 送：…, 抄送：…) and the 印发 line (office left, date right, the number of
/// copies after it) between rules (first and last thick, the one between thin), set at the foot of the last page.</summary>
public sealed record PdfDistribution(IReadOnlyList<string> Lines, string? Copies, string? IssuedBy = null, string? IssuedOn = null) : PdfBlock;

/// <summary>The next block starts a new page (each return's part of a briefing); nothing at the top of a page.</summary>
public sealed record PdfPageBreak : PdfBlock;

/// <summary>Vertical white space; dropped at the top of a page.</summary>
public sealed record PdfSpacer(float HeightPt) : PdfBlock;

/// <summary>The whole document. <see cref="FooterFormat"/> is a composite format string: {0} = page number,
/// {1} = page count; null means no footer.</summary>
public sealed record PdfDocumentModel(PdfMetadata Metadata, IReadOnlyList<PdfBlock> Blocks, string? FooterFormat = "— {0} —")
{
    /// <summary>The words lines break around (terms, units of measure); none by default.</summary>
    public PdfVocabulary Vocabulary { get; init; } = PdfVocabulary.Empty;
}
