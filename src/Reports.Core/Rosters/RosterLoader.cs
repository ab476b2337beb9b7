using System.Text.Json;

namespace Reports.Rosters;

/// <summary>Reads a roster file: <c>{"name": "长治市", "code": "140400", "units": [{"code": "140403", "name": "潞州区"}, …]}</c>.</summary>
public static class RosterLoader
{
    public static Roster Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var problems = new List<string>();
        var name = Text(root, "name", "$", problems);
        var code = Text(root, "code", "$", problems);
        var units = new List<RosterUnit>();
        if (root.TryGetProperty("units", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var unit in list.EnumerateArray())
            {
                var at = $"$.units[{index++}]";
                var unitCode = Text(unit, "code", at, problems);
                var unitName = Text(unit, "name", at, problems);
                if (units.Any(u => u.Code == unitCode))
                {
                    problems.Add($"{at}.code: 单位代码“{unitCode}”重复");
                }
                units.Add(new RosterUnit(unitCode, unitName));
            }
        }
        if (units.Count == 0)
        {
            problems.Add("$.units: 名册中没有单位");
        }
        if (problems.Count > 0)
        {
            throw new RosterException($"{path}: 名册有 {problems.Count} 处错误：{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", problems)}");
        }
        return new Roster(code, name, units);
    }

    private static string Text(JsonElement element, string property, string path, List<string> problems)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
        {
            return text.Trim();
        }
        problems.Add($"{path}.{property}: 缺少或不是文本");
        return "";
    }
}

