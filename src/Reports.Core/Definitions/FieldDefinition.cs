namespace Reports.Definitions;

/// <summary>One input cell of a return. <see cref="Code"/> is the workbook-level defined name of that cell.</summary>
public sealed record FieldDefinition(
    string Code,
    string Label,
    string Unit,
    FieldKind Kind,
    bool Required,
    string? AtMost,
    bool Target,
    string? Note)
{
    public bool IsNumeric => Kind != FieldKind.Text;

    /// <summary>Label with its unit, as a table header shows it: "投放金额(万元)".</summary>
    public string LabelWithUnit => Unit.Length == 0 ? Label : $"{Label}({Unit})";
}
