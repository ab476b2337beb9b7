namespace Reports.Definitions;

/// <summary>A standard return (报表) as the office defines it under templates/returns.</summary>
public sealed record ReturnDefinition(
    string Code,
    string Version,
    string Title,
    string BriefingTitle,
    bool Cumulative,
    IReadOnlyList<SectionDefinition> Sections)
{
    public IEnumerable<FieldDefinition> Fields => Sections.SelectMany(s => s.Fields);
    public IEnumerable<FieldDefinition> NumericFields => Fields.Where(f => f.IsNumeric);
    public IEnumerable<IndicatorDefinition> Indicators => Sections.SelectMany(s => s.Indicators);

    /// <summary>The detail tables (台账) the return carries besides its fixed cells; none for most returns.</summary>
    public IReadOnlyList<DetailTableDefinition> Details { get; init; } = [];

    public FieldDefinition? FindField(string code) => Fields.FirstOrDefault(f => f.Code == code);
}
