using SkiaSharp;

namespace Reports.Pdf;

/// <summary>Sizes, spacing and colours of the briefing layout, in PDF points.</summary>
internal static class Typography
{
    public static readonly SKColor Text = new(0x00, 0x00, 0x00);
    public static readonly SKColor Red = new(0xC0, 0x00, 0x00);
    public static readonly SKColor TableHeaderFill = new(0xE6, 0xE6, 0xE6);
    public static readonly SKColor TableBorder = new(0x40, 0x40, 0x40);

    // Body text (a 仿宋-like 小四 size) and paragraphs.
    public const float BodySize = 12f;
    public const float BodyLeading = 1.75f;          // line height = size x leading
    public const float ParagraphSpacingAfter = 3f;
    public const int FirstLineIndentChars = 2;

    // Masthead (报头).
    public const float MastheadTitleSize = 26f;
    public const float MastheadTitleLetterSpacing = 0.12f;  // extra space between title characters, in ems
    public const float MastheadIssueSize = 14f;
    public const float MastheadInfoSize = 12f;
    public const float MastheadRuleWidth = 2f;
    public const float MastheadSpacingAfter = 18f;

    // Headings.
    public const float Heading1Size = 18f;
    public const float Heading1Leading = 1.5f;
    public const float Heading1SpacingBefore = 10f;
    public const float Heading1SpacingAfter = 12f;
    public const float Heading2Size = 14f;
    public const float Heading2Leading = 1.6f;
    public const float Heading2SpacingBefore = 8f;
    public const float Heading2SpacingAfter = 2f;

    // Tables.
    public const float TableSize = 10.5f;
    public const float TableLeading = 1.4f;
    public const float TableCellPaddingX = 4f;
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

    // 报尾 (distribution lines).
    public const float DistributionSize = 12f;
    public const float DistributionLeading = 1.7f;
    public const float DistributionRuleWidth = 0.75f;
    public const float DistributionRuleGap = 4f;
    public const float DistributionSpacingBefore = 24f;

    // Footer (page number), baseline measured up from the bottom edge of the page.
    public const float FooterSize = 10.5f;
    public const float FooterBaselineFromBottom = 36f;
}
