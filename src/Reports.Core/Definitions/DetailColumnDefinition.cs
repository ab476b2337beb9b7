namespace Reports.Definitions;

/// <summary>
/// A column of a detail table. <see cref="Unique"/>: no two rows of one county may share a value (项目编号);
/// <see cref="RequiredWhen"/>: the column must be filled on rows where another column has a value
/// (开工日期 when 是否开工 = 是).
/// </summary>
public sealed record DetailColumnDefinition(
    string Code,
    string Label,
    string Unit,
    DetailColumnKind Kind,
    bool Required,
    IReadOnlyList<string> Choices,
    bool Unique = false,
    DetailCondition? RequiredWhen = null)
{
    public bool IsNumeric => Kind is DetailColumnKind.Amount or DetailColumnKind.Count;

    /// <summary>The header text of the column in the template: "计划投资(万元)".</summary>
    public string Header => Unit.Length == 0 ? Label : $"{Label}({Unit})";

    /// <summary>The values a list column allows: its choices, or 是/否.</summary>
    public IReadOnlyList<string> Allowed => Kind == DetailColumnKind.YesNo ? YesNo : Choices;

    public static readonly IReadOnlyList<string> YesNo = ["是", "否"];
}

/// <summary>Rows whose <see cref="Column"/> holds <see cref="Value"/> (started = 是).</summary>
public sealed record DetailCondition(string Column, string Value);
