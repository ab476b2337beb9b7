using Reports.Diagnostics;

namespace Reports.Definitions;

/// <summary>The references of a definition's detail tables: columns and fields that exist and fit each check.</summary>
internal static class DetailDefinitionChecks
{
    public static void Check(ReturnDefinition definition, List<string> errors)
    {
        var names = new HashSet<string>(definition.Fields.Select(f => f.Code), StringComparer.OrdinalIgnoreCase);
        foreach (var table in definition.Details)
        {
            if (!names.Add(table.HeaderName) || !names.Add(table.TableName))
            {
                errors.Add($"台账代码“{table.Code}”与其他台账或字段的名称重复");
            }
            if (definition.Details.Count(t => t.SheetName == table.SheetName) > 1)
            {
                errors.Add($"台账标题{Quoted.Name(table.Title)}重复（用作工作表名）");
            }
            foreach (var duplicate in table.Columns.GroupBy(c => c.Code).Where(g => g.Count() > 1))
            {
                errors.Add($"台账“{table.Code}”的列代码“{duplicate.Key}”重复");
            }
            foreach (var column in table.Columns.Where(c => c.RequiredWhen is not null))
            {
                CheckCondition(table, column.RequiredWhen!, $"列“{column.Code}”的 requiredWhen", errors);
            }
            foreach (var check in table.Checks)
            {
                var field = definition.FindField(check.Field);
                if (field is not { IsNumeric: true })
                {
                    errors.Add($"台账“{table.Code}”的核对引用了不存在或非数值的字段“{check.Field}”");
                }
                if (check.Kind == DetailCheckKind.Sum && check.Column is { } code && table.FindColumn(code) is not { IsNumeric: true })
                {
                    errors.Add($"台账“{table.Code}”的 sum 核对引用了不存在或非数值的列“{code}”");
                }
                if (check.Where is { } where)
                {
                    CheckCondition(table, where, $"核对“{check.Field}”的 where", errors);
                }
            }
        }
    }

    private static void CheckCondition(DetailTableDefinition table, DetailCondition condition, string what, List<string> errors)
    {
        if (table.FindColumn(condition.Column) is not { } column)
        {
            errors.Add($"台账“{table.Code}”{what}引用了不存在的列“{condition.Column}”");
        }
        else if (column.Allowed.Count > 0 && !column.Allowed.Contains(condition.Value))
        {
            errors.Add($"台账“{table.Code}”{what}的取值“{condition.Value}”不在列“{column.Code}”的可选值中");
        }
    }
}
