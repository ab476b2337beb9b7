using Reports.Periods;

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

    /// <summary>The checks declared besides the field rules, each must-fix or must-explain (<c>"checks"</c>).</summary>
    public IReadOnlyList<ReturnCheck> Checks { get; init; } = [];

    /// <summary>The 情况说明 cell where a county explains what a must-explain check found; null when the return has none.</summary>
    public FieldDefinition? VerifyNote => FindField(VerifyNoteField);

    /// <summary>The field code of the 情况说明 cell, the same in every return.</summary>
    public const string VerifyNoteField = "verify_note";

    /// <summary>The frequencies the return is collected at (<c>"frequencies"</c>), shortest first; monthly when the definition says none.</summary>
    public IReadOnlyList<Frequency> Frequencies { get; init; } = [Frequency.Month];

    /// <summary>Whether the return is collected at the period's frequency.</summary>
    public bool CollectsAt(ReportingPeriod period) => Frequencies.Contains(period.Frequency);

    /// <summary>Why a period of another frequency is refused, naming the ones the return is collected at.</summary>
    public string FrequencyRefusal(ReportingPeriod period) =>
        $"报表 {Code} 按{string.Join("、", Frequencies.Select(f => f.Chinese()))}报送，不收{period.Frequency.Chinese()}的报告期 {period}"
        + $"；可用的报告期如 {string.Join("、", Frequencies.Select(f => ReportingPeriod.Containing(f, period.LastDay).ToString()))}";

    public FieldDefinition? FindField(string code) => Fields.FirstOrDefault(f => f.Code == code);

    public IndicatorDefinition? FindIndicator(string code) => Indicators.FirstOrDefault(i => i.Code == code);
}
