namespace Reports.Definitions;

/// <summary>A task (务工就业, 项目开工建设 …) with its fields and indicators.</summary>
public sealed record SectionDefinition(
    string Code,
    string Number,
    string Title,
    bool Informational,
    IReadOnlyList<FieldDefinition> Fields,
    IReadOnlyList<IndicatorDefinition> Indicators)
{
    /// <summary>"一、务工就业"; informational sections have no number.</summary>
    public string Heading => Number.Length == 0 ? Title : $"{Number}、{Title}";
}
