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
    string? Note,
    /// <summary>For a last-year reference value (上年度…): the field it is last year's figure of.</summary>
    string? PreviousOf = null,
    /// <summary>A declared sum rule: this field must equal the sum of these fields (emp_total = 省外 + 省内县外 + 县内).</summary>
    IReadOnlyList<string>? SumOf = null)
{
    /// <summary>A figure the county accumulates over the campaign, as opposed to a target or a last-year reference.</summary>
    public bool IsCumulativeFigure => IsNumeric && !Target && PreviousOf is null;

    public bool IsNumeric => Kind != FieldKind.Text;

    /// <summary>Label with its unit, as a table header shows it: "投放金额(万元)".</summary>
    public string LabelWithUnit => Unit.Length == 0 ? Label : $"{Label}({Unit})";
}
