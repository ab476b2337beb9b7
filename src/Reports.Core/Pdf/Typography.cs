using SkiaSharp;

namespace Reports.Pdf;

/// <summary>Sizes, spacing and colours of the briefing layout, in PDF points.</summary>
internal static class Typography
{
    public static readonly SKColor Text = new(0x00, 0x00, 0x00);
    public static readonly SKColor Red = new(0xC0, 0x00, 0x00);
    public static readonly SKColor TableHeaderFill = new(0xE6, 0xE6, 0xE6);
    public static readonly SKColor TableBorder = new(0x40, 0x40, 0x40);

    // Body text: 3号 (16 pt) 仿宋, 22 lines to the 225 mm 版心 (GB/T 9704-2012), no space between paragraphs.
    public const float BodySize = 16f;
    public const float BodyLeading = 225f * PdfPageSettings.PointsPerMm / 22f / BodySize;
    public const int FirstLineIndentChars = 2;

    // Masthead (报头): the red title in 小标宋, the issue line, office and date in 3号.
    public const float MastheadTitleSize = 30f;
    public const float MastheadTitleLetterSpacing = 0.12f;  // extra space between title characters, in ems
    public const float MastheadIssueSize = 16f;
    public const float MastheadInfoSize = 16f;
    public const float MastheadRuleWidth = 2f;
    public const float MastheadSpacingAfter = 14f;

    // Headings: the title 2号 (22 pt) 小标宋 centred; "一、" and "（一）" at the body's size in 黑体 and 楷体, indented two characters.
    public const float Heading1Size = 22f;
    public const float Heading1Leading = 1.5f;
    public const float Heading1SpacingBefore = 6f;
    public const float Heading1SpacingAfter = 4f;
    public const float Heading2Size = BodySize;
    public const float Heading2Leading = BodyLeading;

    // Tables: 五号 (10.5 pt) cells, 小四 (12 pt) 黑体 caption.
    public const float TableSize = 10.5f;
    public const float TableLeading = 1.4f;
    public const float TableCellPaddingX = 3f;
    public const float TableCellPaddingY = 3f;
    public const float TableBorderWidth = 0.6f;
    public const float TableCaptionSize = 12f;
    public const float TableSpacingBefore = 6f;
    public const float TableSpacingAfter = 10f;

    // Charts.
    public const float ChartSpacingBefore = 4f;
    public const float ChartSpacingAfter = 10f;
    public const float ChartTickSize = 8f;
    public const float ChartLabelSize = 8.5f;
    public const float ChartValueSize = 7f;
    public static readonly SKColor ChartBar = new(0x4A, 0x78, 0xB0);
    public static readonly SKColor ChartBarHighlight = new(0xD0, 0x5A, 0x2C);

    // 报尾: 4号 (14 pt) 仿宋 between rules 0.35 mm (first and last) and 0.25 mm (between) thick.
    public const float DistributionSize = 14f;
    public const float DistributionLeading = 1.7f;
    public const float DistributionThickRule = 0.35f * PdfPageSettings.PointsPerMm;
    public const float DistributionThinRule = 0.25f * PdfPageSettings.PointsPerMm;
    public const float DistributionRuleGap = 3f;
    public const float DistributionSpacingBefore = 24f;

    // Page numbers: 4号 (14 pt) 宋体 "— 1 —", the dash 7 mm below the 版心, odd pages right and even left, one character in.
    public const float FooterSize = 14f;
    public const float FooterBelowBody = 7f * PdfPageSettings.PointsPerMm;
    public const float FooterInset = FooterSize;
}
