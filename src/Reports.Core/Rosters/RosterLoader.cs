using System.Text.Json;
using Reports.Configuration;

namespace Reports.Rosters;

/// <summary>
/// Reads a roster file: <c>{"name": "长治市", "code": "140400", "units": [{"code": "140403", "name": "潞州区"}, …]}</c>.
/// The roster is the office's own file: every problem in it is collected and reported together, each with its JSON
/// path and the unit it concerns, in one <see cref="RosterException"/> naming the file.
/// </summary>
public static class RosterLoader
{
    public static Roster Load(string path)
    {
        using var document = OfficeJson.Parse(path, default, problem => new RosterException($"名册 {path}：{problem}"));
        var problems = new List<string>();
        var roster = Read(document.RootElement, problems);
        if (roster is null || problems.Count > 0)
        {
            throw new RosterException($"名册 {path} 有 {problems.Count} 处错误：{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", problems)}");
        }
        return roster;
    }

    private static Roster? Read(JsonElement root, List<string> problems)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"$: 名册应为一个对象 {{\"name\": …, \"code\": …, \"units\": […]}}，文件中是{OfficeJson.KindOf(root)}");
            return null;
        }
        var name = Text(root, "name", "$", "名称", problems);
        var code = Code(root, "$", "", "名册代码", problems);
        var units = new List<RosterUnit>();
        if (!root.TryGetProperty("units", out var list))
        {
            problems.Add("$.units: 缺少单位列表 \"units\": [{\"code\": …, \"name\": …}, …]");
        }
        else if (list.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"$.units: 应为数组 [{{\"code\": …, \"name\": …}}, …]，文件中是{OfficeJson.KindOf(list)}");
        }
        else
        {
            // A dictionary, not a scan per unit: a national roster has tens of thousands of units.
            var first = new Dictionary<string, string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var unit in list.EnumerateArray())
            {
                var at = $"$.units[{index++}]";
                if (unit.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"{at}: 应为对象 {{\"code\": …, \"name\": …}}，文件中是{OfficeJson.KindOf(unit)}");
                    continue;
                }
                var unitName = Text(unit, "name", at, "单位名称", problems);
                var which = unitName.Length > 0 ? $"（{unitName}）" : "";
                var unitCode = Code(unit, at, which, "单位代码", problems);
                if (unitCode.Length > 0 && !first.TryAdd(unitCode, $"{at}{which}"))
                {
                    problems.Add($"{at}{which}: 单位代码“{unitCode}”与 {first[unitCode]}重复");
                }
                units.Add(new RosterUnit(unitCode, unitName));
            }
            if (index == 0)
            {
                problems.Add("$.units: 名册中没有单位");
            }
        }
        return new Roster(code, name, units);
    }

    /// <summary>A code exactly as written: "140403 " is refused, not trimmed, so what the office sees is what is used.</summary>
    private static string Code(JsonElement element, string path, string which, string label, List<string> problems)
    {
        if (!element.TryGetProperty("code", out var value))
        {
            problems.Add($"{path}{which}: 缺少{label} \"code\"");
            return "";
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{path}{which}: {label}应写成文本（放在英文双引号中，如 \"140403\"），文件中是{OfficeJson.KindOf(value)} {value.GetRawText()}");
            return "";
        }
        if (StringOf(value, path + which, label, problems) is not { } code)
        {
            return "";
        }
        if (!UnitCode.IsValid(code))
        {
            problems.Add($"{path}{which}: {label}“{code}”无效，{UnitCode.Expected}");
            return "";
        }
        return code;
    }

    private static string Text(JsonElement element, string property, string path, string what, List<string> problems)
    {
        if (element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String)
        {
            if (StringOf(value, $"{path}.{property}", what, problems) is not { } read)
            {
                return "";
            }
            if (read.Trim() is { Length: > 0 } text)
            {
                return text;
            }
        }
        problems.Add($"{path}.{property}: 缺少{what}（应为非空文本）");
        return "";
    }

    /// <summary>
    /// A JSON string as text; null (and a problem) when it holds a lone surrogate ("\ud800" unpaired): no name can be
    /// written into a workbook, a PDF or the store with one.
    /// </summary>
    private static string? StringOf(JsonElement value, string path, string what, List<string> problems)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            problems.Add($"{path}: {what}含有不成对的代理字符（如 \\ud800），不是有效的文字：{value.GetRawText()}");
            return null;
        }
    }
}
