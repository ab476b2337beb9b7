using System.Text.Json;

namespace Reports.Definitions;

/// <summary>
/// Reads a definition's <c>"checks"</c> and checks their references: <c>{ "kind": "range", "class": "mustExplain",
/// "indicator": "emp_total_ratio", "min": 0.7, "max": 1.5, "reason": "…" }</c>; kinds range, threshold, needs,
/// notBelowPrevious; classes mustFix, mustExplain.
/// </summary>
internal static class ReturnCheckParser
{
    public static IReadOnlyList<ReturnCheck> Parse(JsonElement root, List<string> errors)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("checks", out var checks))
        {
            return [];
        }
        if (checks.ValueKind != JsonValueKind.Array)
        {
            errors.Add("$.checks: 应为数组");
            return [];
        }
        return checks.EnumerateArray().Select((check, index) => ParseCheck(check, $"$.checks[{index}]", errors)).ToList();
    }

    private static ReturnCheck ParseCheck(JsonElement check, string path, List<string> errors)
    {
        var kind = Text(check, "kind") switch
        {
            "range" => ReturnCheckKind.Range,
            "threshold" => ReturnCheckKind.Threshold,
            "needs" => ReturnCheckKind.Needs,
            "notBelowPrevious" => ReturnCheckKind.NotBelowPrevious,
            var other => Invalid(ReturnCheckKind.Range, $"{path}.kind: 未知的审核类型“{other}”(应为 range、threshold、needs 或 notBelowPrevious)", errors),
        };
        var @class = Text(check, "class") switch
        {
            "mustFix" => CheckClass.MustFix,
            "mustExplain" => CheckClass.MustExplain,
            var other => Invalid(CheckClass.MustFix, $"{path}.class: 审核类别应为 mustFix（强制性）或 mustExplain（核实性），而不是“{other}”", errors),
        };
        return new ReturnCheck(kind, @class, Text(check, "indicator"), Number(check, "min", path, errors), Number(check, "max", path, errors),
            Text(check, "field"), Text(check, "needs"), Text(check, "reason"));
    }

    /// <summary>Each check names what exists and fits its kind; a must-explain check needs the 情况说明 cell.</summary>
    public static void CheckReferences(ReturnDefinition definition, List<string> errors)
    {
        for (var i = 0; i < definition.Checks.Count; i++)
        {
            var check = definition.Checks[i];
            var path = $"$.checks[{i}]";
            if (check.Kind is ReturnCheckKind.Range or ReturnCheckKind.Threshold)
            {
                var indicator = check.Indicator is null ? null : definition.FindIndicator(check.Indicator);
                if (indicator is null)
                {
                    errors.Add($"{path}.indicator: 引用了不存在的指标“{check.Indicator}”");
                }
                else if (check.Kind == ReturnCheckKind.Threshold && indicator.Threshold is null)
                {
                    errors.Add($"{path}: 指标“{indicator.Code}”没有规定水平（threshold），threshold 审核无从比较");
                }
                if (check.Kind == ReturnCheckKind.Range && check.Min is null && check.Max is null)
                {
                    errors.Add($"{path}: range 审核应给出 min 或 max");
                }
            }
            if (check.Kind == ReturnCheckKind.Needs
                && (definition.FindField(check.Field ?? "") is not { IsNumeric: true } || definition.FindField(check.Needs ?? "") is not { IsNumeric: true }))
            {
                errors.Add($"{path}: needs 审核的 field 和 needs 应为两个数值字段（“{check.Field}”、“{check.Needs}”）");
            }
            if (check.Kind == ReturnCheckKind.NotBelowPrevious && !definition.Cumulative)
            {
                errors.Add($"{path}: notBelowPrevious 审核只适用于累计数报表（\"cumulative\": true）");
            }
            if (check.Class == CheckClass.MustExplain && definition.VerifyNote is not { Kind: FieldKind.Text })
            {
                errors.Add($"{path}: 核实性审核需要文字字段 {ReturnDefinition.VerifyNoteField}（情况说明），供填报单位说明");
            }
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static decimal? Number(JsonElement element, string name, string path, List<string> errors)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.GetDecimal();
        }
        errors.Add($"{path}.{name}: 应为数字（比率用小数，如 0.7 表示 70%）");
        return null;
    }

    private static T Invalid<T>(T fallback, string message, List<string> errors)
    {
        errors.Add(message);
        return fallback;
    }
}
