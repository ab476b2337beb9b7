namespace Reports.Pdf;

/// <summary>A font file on disk; <see cref="FaceIndex"/> selects the face inside a TrueType collection (.ttc).</summary>
public sealed record PdfFontFile(string Path, int FaceIndex);

/// <summary>
/// The document's fonts. <see cref="Fallback"/> (the font the project carries) draws every character the body or
/// heading font lacks, and the charts; null <see cref="Body"/> or <see cref="Heading"/> means the fallback font.
/// </summary>
public sealed record PdfFonts(PdfFontFile Fallback, PdfFontFile? Body = null, PdfFontFile? Heading = null);

/// <summary>Which configured font a piece of text is set in.</summary>
public enum PdfFontRole { Body, Heading }

/// <summary>What rendering found: characters no configured font (nor the fallback) can draw, which print as empty boxes.</summary>
public sealed record PdfRenderReport(IReadOnlyList<int> MissingCodePoints)
{
    public string MissingText => string.Concat(MissingCodePoints.Select(char.ConvertFromUtf32));
}

/// <summary>Page size and margins in PDF points (1/72 inch). Defaults: A4 portrait.</summary>
public sealed record PdfPageSettings(
    float WidthPt = 595.28f,
    float HeightPt = 841.89f,
    float MarginTopPt = 72,
    float MarginBottomPt = 64,
    float MarginLeftPt = 68,
    float MarginRightPt = 68);

/// <summary>Document information; <see cref="Created"/> is written as both creation and modification date.</summary>
public sealed record PdfMetadata(string Title, string Author, DateTimeOffset Created);

/// <summary>Base of every block of the document body, laid out top to bottom.</summary>
public abstract record PdfBlock;

/// <summary>报头: big red centred title, the issue line ("第N期") centred, office left and date right, then a red rule.</summary>
public sealed record PdfMasthead(string Title, string IssueLine, string Office, string Date) : PdfBlock;

/// <summary>Level 1: centred article title (large, bold). Level 2 (or more): section heading, bold, left.</summary>
public sealed record PdfHeading(string Text, int Level) : PdfBlock;

/// <summary>Body text; the first line is indented by two CJK characters unless <see cref="FirstLineIndent"/> is false.
/// A '\n' in <see cref="Text"/> forces a line break. Left-aligned paragraphs are justified; centred ones are not.</summary>
public sealed record PdfParagraph(string Text, bool FirstLineIndent = true, float? FontSizePt = null, PdfAlign Align = PdfAlign.Left) : PdfBlock;

/// <summary>A table; the header row (column titles) is repeated on every page the table crosses and rows are never split
/// across pages (unless a single row is taller than a page). The last <see cref="BoldLastRows"/> rows are bold (e.g. a total).</summary>
public sealed record PdfTable(
    IReadOnlyList<PdfTableColumn> Columns,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    string? Caption = null,
    int BoldLastRows = 0,
    float? FontSizePt = null) : PdfBlock;

public sealed record PdfTableColumn(string Title, float RelativeWidth, PdfAlign Align);

public enum PdfAlign { Left, Center, Right }

/// <summary>
/// A bar chart drawn as vectors into the page (text stays text): one bar per <see cref="PdfBar"/>, values in percent;
/// an optional dashed reference line (time progress) with its label. Highlighted bars (lagging units) stand out.
/// </summary>
public sealed record PdfBarChart(
    string Caption,
    IReadOnlyList<PdfBar> Bars,
    string ValueAxisLabel,
    double? ReferenceValue = null,
    string? ReferenceLabel = null,
    float HeightPt = 200) : PdfBlock;

public sealed record PdfBar(string Label, double Value, bool Highlight = false);

/// <summary>报尾: the distribution lines (报：…, 送：…, 抄送：…) between two rules and the number of copies,
/// set at the foot of the last page.</summary>
public sealed record PdfDistribution(IReadOnlyList<string> Lines, string? Copies) : PdfBlock;

/// <summary>Vertical white space; dropped at the top of a page.</summary>
public sealed record PdfSpacer(float HeightPt) : PdfBlock;

/// <summary>The whole document. <see cref="FooterFormat"/> is a composite format string: {0} = page number,
/// {1} = page count; null means no footer.</summary>
public sealed record PdfDocumentModel(PdfMetadata Metadata, IReadOnlyList<PdfBlock> Blocks, string? FooterFormat = "- {0} -");
