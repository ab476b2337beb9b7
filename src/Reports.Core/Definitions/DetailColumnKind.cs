namespace Reports.Definitions;

/// <summary>What a column of a detail table (台账) holds, which decides its validation and how it is read.</summary>
public enum DetailColumnKind
{
    /// <summary>Free text (项目编号, 项目名称).</summary>
    Text,
    /// <summary>An amount in 万元, ≥ 0, up to two decimals.</summary>
    Amount,
    /// <summary>A whole number ≥ 0.</summary>
    Count,
    /// <summary>One of the column's <see cref="DetailColumnDefinition.Choices"/> (项目类别).</summary>
    Choice,
    /// <summary>是 or 否.</summary>
    YesNo,
    /// <summary>A calendar date (开工日期).</summary>
    Date,
}
