namespace Reports.Templates;

/// <summary>
/// How a template cell looks and whether a clerk may type in it. Colours are ARGB hex ("FFFFF2CC"); a null number
/// format is General; text sits at the bottom of its cell unless <see cref="Middle"/> or <see cref="Top"/>. Cells are locked unless <see cref="Unlocked"/>: on a protected sheet only the input cells take typing.
/// </summary>
internal sealed record TemplateStyle(
    bool Bold = false,
    double Size = TemplateStyle.BodySize,
    string? Color = null,
    string? Fill = null,
    bool Center = false,
    bool Middle = false,
    bool Top = false,
    bool Wrap = false,
    bool Border = false,
    bool BottomBorder = false,
    bool Unlocked = false,
    string? NumberFormat = null)
{
    public const string Font = "宋体";
    public const double BodySize = 11;

    public static TemplateStyle Plain { get; } = new();
}
