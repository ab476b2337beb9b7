using System.Text.Json;
using Reports.Configuration;
using Reports.Periods;

namespace Reports.Definitions;

/// <summary>
/// Reads a return definition (templates/returns/CODE.json). A definition is the office's own file, so
/// every problem in it is collected and reported together, with the JSON path, before any work starts.
/// </summary>
public static class ReturnDefinitionLoader
{
    public static string PathFor(string templatesDirectory, string returnCode) =>
        Path.Combine(templatesDirectory, "returns", returnCode + ".json");

    /// <summary>The definition of <paramref name="returnCode"/>, refused when it is not collected at <paramref name="period"/>'s frequency.</summary>
    public static ReturnDefinition LoadFor(string templatesDirectory, string returnCode, ReportingPeriod period)
    {
        var definition = Load(PathFor(templatesDirectory, returnCode));
        return definition.CollectsAt(period) ? definition : throw new FrequencyRefusedException(definition.FrequencyRefusal(period));
    }

    public static ReturnDefinition Load(string path)
    {
        using var document = OfficeJson.Parse(path, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true },
            problem => new DefinitionException(path, [problem == "文件不存在" ? Missing(path) : problem]));
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new DefinitionException(path, [$"$: 报表定义应为一个对象 {{\"code\": …, \"sections\": […]}}，文件中是{OfficeJson.KindOf(document.RootElement)}"]);
        }
        var errors = new List<string>();
        var definition = Parse(document.RootElement, errors);
        if (errors.Count > 0)
        {
            throw new DefinitionException(path, errors);
        }
        return definition;
    }

    /// <summary>A misspelt return code is the usual cause: the definitions there are listed.</summary>
    private static string Missing(string path)
    {
        var folder = Path.GetDirectoryName(path);
        var known = folder is not null && Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList()
            : [];
        return known.Count == 0 ? "文件不存在" : $"文件不存在：报表代码是否写错？已有的报表：{string.Join("、", known)}";
    }

    private static ReturnDefinition Parse(JsonElement root, List<string> errors)
    {
        if (!root.TryGetProperty("sections", out var sectionsElement) || sectionsElement.ValueKind != JsonValueKind.Array)
        {
            errors.Add("$.sections: 缺少任务列表");
        }
        var sections = ParseList(root, "sections", "$", ParseSection, errors);

        var definition = new ReturnDefinition(
            Required(root, "code", "$", errors),
            Required(root, "version", "$", errors),
            Required(root, "title", "$", errors),
            Optional(root, "briefingTitle") ?? Optional(root, "title") ?? "",
            root.TryGetProperty("cumulative", out var cumulative) && cumulative.ValueKind == JsonValueKind.True,
            sections)
        {
            Details = ParseDetails(root, errors),
            Checks = ReturnCheckParser.Parse(root, errors),
            Frequencies = ParseFrequencies(root, errors),
        };
        CheckReferences(definition, errors);
        ReturnCheckParser.CheckReferences(definition, errors);
        DetailDefinitionChecks.Check(definition, errors);
        return definition;
    }

    /// <summary><c>"frequencies": ["week", "dekad", "month"]</c>: how often the return is collected; monthly when absent.</summary>
    private static IReadOnlyList<Frequency> ParseFrequencies(JsonElement root, List<string> errors)
    {
        if (!root.TryGetProperty("frequencies", out var list))
        {
            return [Frequency.Month];
        }
        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            errors.Add($"$.frequencies: 应为报送频率的列表，如 [\"week\", \"month\"]（可用 {FrequencyNames.AllCodes}）");
            return [Frequency.Month];
        }
        var frequencies = new List<Frequency>();
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (FrequencyNames.TryParse(item.ValueKind == JsonValueKind.String ? item.GetString() : null, out var frequency))
            {
                frequencies.Add(frequency);
            }
            else
            {
                errors.Add($"$.frequencies[{index}]: 未知的报送频率“{(item.ValueKind == JsonValueKind.String ? item.GetString() : item.GetRawText())}”(应为 {FrequencyNames.AllCodes})");
            }
            index++;
        }
        return [.. frequencies.Distinct().Order()];
    }

    /// <summary><c>"details": [ { "code", "title", "columns": [...], "checks": [...] } ]</c>.</summary>
    private static IReadOnlyList<DetailTableDefinition> ParseDetails(JsonElement root, List<string> errors) =>
        ParseList(root, "details", "$", ParseDetailTable, errors);

    private static DetailTableDefinition ParseDetailTable(JsonElement table, string path, List<string> errors)
    {
        var columns = ParseList(table, "columns", path, ParseDetailColumn, errors);
        if (columns.Count == 0)
        {
            errors.Add($"{path}.columns: 台账至少需要一列");
        }
        var checks = ParseList(table, "checks", path, ParseDetailCheck, errors);
        return new DetailTableDefinition(Required(table, "code", path, errors), Required(table, "title", path, errors), columns, checks);
    }

    private static DetailColumnDefinition ParseDetailColumn(JsonElement column, string path, List<string> errors)
    {
        var kindText = Required(column, "kind", path, errors);
        var kind = kindText switch
        {
            "text" => DetailColumnKind.Text,
            "amount" => DetailColumnKind.Amount,
            "count" => DetailColumnKind.Count,
            "choice" => DetailColumnKind.Choice,
            "yesno" => DetailColumnKind.YesNo,
            "date" => DetailColumnKind.Date,
            _ => Invalid(DetailColumnKind.Text, $"{path}.kind: 未知的列类型“{kindText}”(应为 text、amount、count、choice、yesno 或 date)", errors),
        };
        var choices = StringList(column, "choices");
        if (kind == DetailColumnKind.Choice && choices.Count == 0)
        {
            errors.Add($"{path}.choices: choice 列需要列出可选值");
        }
        return new DetailColumnDefinition(
            Required(column, "code", path, errors),
            Required(column, "label", path, errors),
            Optional(column, "unit") ?? "",
            kind,
            !column.TryGetProperty("required", out var required) || required.ValueKind != JsonValueKind.False,
            choices,
            column.TryGetProperty("unique", out var unique) && unique.ValueKind == JsonValueKind.True,
            ParseCondition(column, "requiredWhen", path, errors));
    }

    private static DetailCheck ParseDetailCheck(JsonElement check, string path, List<string> errors)
    {
        var kindText = Required(check, "kind", path, errors);
        var kind = kindText switch
        {
            "sum" => DetailCheckKind.Sum,
            "rowCount" => DetailCheckKind.RowCount,
            "countWhere" => DetailCheckKind.CountWhere,
            _ => Invalid(DetailCheckKind.RowCount, $"{path}.kind: 未知的核对类型“{kindText}”(应为 sum、rowCount 或 countWhere)", errors),
        };
        var column = Optional(check, "column");
        if (kind == DetailCheckKind.Sum && column is null)
        {
            errors.Add($"{path}.column: sum 核对需要指明台账的列");
        }
        var where = ParseCondition(check, "where", path, errors);
        if (kind == DetailCheckKind.CountWhere && where is null)
        {
            errors.Add($"{path}.where: countWhere 核对需要条件，如 {{ \"started\": \"是\" }}");
        }
        var tolerance = check.TryGetProperty("tolerance", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetDecimal() : 0m;
        var diagnostic = Optional(check, "diagnostic");
        if (diagnostic is not null && !Diagnostics.DiagnosticCatalog.Groups.Any(g => g.Heading == Diagnostics.DiagnosticCatalog.DetailGroup && g.Codes.Any(c => c.Code == diagnostic)))
        {
            errors.Add($"{path}.diagnostic: “{diagnostic}”不是台账核对的代码（见 docs/diagnostics.md 的“台账”一节）");
        }
        return new DetailCheck(kind, Required(check, "field", path, errors), column, where, tolerance, diagnostic);
    }

    /// <summary><c>{ "started": "是" }</c>: one column and the value it must hold.</summary>
    private static DetailCondition? ParseCondition(JsonElement element, string name, string path, List<string> errors)
    {
        if (!element.TryGetProperty(name, out var condition))
        {
            return null;
        }
        var pairs = condition.ValueKind == JsonValueKind.Object ? condition.EnumerateObject().ToList() : [];
        if (pairs.Count != 1 || pairs[0].Value.ValueKind != JsonValueKind.String)
        {
            errors.Add($"{path}.{name}: 应为一列及其取值，如 {{ \"started\": \"是\" }}");
            return null;
        }
        return new DetailCondition(pairs[0].Name, pairs[0].Value.GetString()!);
    }

    /// <summary>Parses each element of an array property with its JSON path (<c>$.sections[0].fields[2]</c>); a missing array is empty.</summary>
    private static List<T> ParseList<T>(JsonElement element, string name, string path, Func<JsonElement, string, List<string>, T> parse, List<string> errors) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select((item, index) => parse(item, $"{path}.{name}[{index}]", errors)).ToList()
            : [];

    private static SectionDefinition ParseSection(JsonElement section, string path, List<string> errors)
    {
        var fields = ParseList(section, "fields", path, ParseField, errors);
        var indicators = ParseList(section, "indicators", path, ParseIndicator, errors);
        return new SectionDefinition(
            Required(section, "code", path, errors),
            Optional(section, "number") ?? "",
            Required(section, "title", path, errors),
            section.TryGetProperty("informational", out var info) && info.ValueKind == JsonValueKind.True,
            fields,
            indicators);
    }

    private static FieldDefinition ParseField(JsonElement field, string path, List<string> errors)
    {
        var kindText = Required(field, "kind", path, errors);
        var kind = kindText switch
        {
            "count" => FieldKind.Count,
            "amount" => FieldKind.Amount,
            "rate" => FieldKind.Rate,
            "text" => FieldKind.Text,
            _ => Invalid(FieldKind.Text, $"{path}.kind: 未知的字段类型“{kindText}”(应为 count、amount、rate 或 text)", errors),
        };
        var required = !field.TryGetProperty("required", out var requiredElement) || requiredElement.ValueKind != JsonValueKind.False;
        return new FieldDefinition(
            Required(field, "code", path, errors),
            Required(field, "label", path, errors),
            Optional(field, "unit") ?? "",
            kind,
            required,
            Optional(field, "atMost"),
            field.TryGetProperty("target", out var target) && target.ValueKind == JsonValueKind.True,
            Optional(field, "note"),
            Optional(field, "previousOf"),
            field.TryGetProperty("sum", out _) ? StringList(field, "sum") : null);
    }

    private static IndicatorDefinition ParseIndicator(JsonElement indicator, string path, List<string> errors)
    {
        var styleText = Required(indicator, "style", path, errors);
        var style = styleText switch
        {
            "yoy" => IndicatorStyle.Yoy,
            "completion" => IndicatorStyle.Completion,
            "amount" => IndicatorStyle.Amount,
            _ => Invalid(IndicatorStyle.Completion, $"{path}.style: 未知的指标格式“{styleText}”(应为 yoy、completion 或 amount)", errors),
        };
        var numerator = StringList(indicator, "numerator");
        if (numerator.Count == 0)
        {
            errors.Add($"{path}.numerator: 指标至少需要一个分子字段");
        }
        var progressWord = Optional(indicator, "progress");
        var progress = ProgressBasisText.Parse(progressWord);
        if (progressWord is not null && progress is null)
        {
            errors.Add($"{path}.progress: 应为 campaign 或 year,而不是“{progressWord}”");
        }
        return new IndicatorDefinition(
            Required(indicator, "code", path, errors),
            Required(indicator, "label", path, errors),
            numerator,
            StringList(indicator, "denominator"),
            style,
            Optional(indicator, "unit") ?? "",
            progress,
            ParseThreshold(indicator, path, errors));
    }

    /// <summary><c>"threshold": { "min": 1 }</c> or <c>{ "byYear": { "2024": 0.65, "2025": 0.70 } }</c>; rates as fractions.</summary>
    private static IndicatorThreshold? ParseThreshold(JsonElement indicator, string path, List<string> errors)
    {
        if (!indicator.TryGetProperty("threshold", out var threshold))
        {
            return null;
        }
        decimal? minimum = null;
        if (threshold.TryGetProperty("min", out var min))
        {
            if (min.ValueKind == JsonValueKind.Number)
            {
                minimum = min.GetDecimal();
            }
            else
            {
                errors.Add($"{path}.threshold.min: 应为数字（比率用小数，如 0.9 表示 90%）");
            }
        }
        var byYear = new Dictionary<int, decimal>();
        if (threshold.TryGetProperty("byYear", out var years) && years.ValueKind == JsonValueKind.Object)
        {
            foreach (var year in years.EnumerateObject())
            {
                if (int.TryParse(year.Name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) && year.Value.ValueKind == JsonValueKind.Number)
                {
                    byYear[y] = year.Value.GetDecimal();
                }
                else
                {
                    errors.Add($"{path}.threshold.byYear.{year.Name}: 年份应为四位数字，值应为数字");
                }
            }
        }
        if (minimum is null && byYear.Count == 0)
        {
            errors.Add($"{path}.threshold: 应给出 min 或 byYear");
        }
        return new IndicatorThreshold(minimum, byYear);
    }

    private static void CheckReferences(ReturnDefinition definition, List<string> errors)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in definition.Fields)
        {
            if (!codes.Add(field.Code))
            {
                errors.Add($"字段代码“{field.Code}”重复");
            }
            if (field.Code.StartsWith("meta_", StringComparison.Ordinal) || !IsValidName(field.Code))
            {
                errors.Add($"字段代码“{field.Code}”不能用作 Excel 名称（只用小写字母、数字和下划线，不以 meta_ 开头）");
            }
        }
        foreach (var field in definition.Fields.Where(f => f.AtMost is not null))
        {
            var other = definition.FindField(field.AtMost!);
            if (other is null || !other.IsNumeric || !field.IsNumeric)
            {
                errors.Add($"字段“{field.Code}”的 atMost 引用了不存在或非数值的字段“{field.AtMost}”");
            }
        }
        foreach (var field in definition.Fields.Where(f => f.SumOf is not null))
        {
            if (!field.IsNumeric || field.SumOf!.Count < 2)
            {
                errors.Add($"字段“{field.Code}”的 sum 规则应为数值字段，并列出至少两个分项字段");
            }
            foreach (var part in field.SumOf!.Where(p => definition.FindField(p) is not { IsNumeric: true } || p == field.Code))
            {
                errors.Add($"字段“{field.Code}”的 sum 引用了不存在、非数值或自身的字段“{part}”");
            }
        }
        foreach (var field in definition.Fields.Where(f => f.PreviousOf is not null))
        {
            if (definition.FindField(field.PreviousOf!) is not { IsNumeric: true })
            {
                errors.Add($"字段“{field.Code}”的 previousOf 引用了不存在或非数值的字段“{field.PreviousOf}”");
            }
        }
        foreach (var indicator in definition.Indicators)
        {
            if (!codes.Add(indicator.Code))
            {
                errors.Add($"指标代码“{indicator.Code}”与其他字段或指标重复");
            }
            foreach (var code in indicator.Numerator.Concat(indicator.Denominator))
            {
                if (definition.FindField(code) is not { IsNumeric: true })
                {
                    errors.Add($"指标“{indicator.Code}”引用了不存在或非数值的字段“{code}”");
                }
            }
        }
    }

    private static bool IsValidName(string code) =>
        code.Length > 0 && char.IsAsciiLetterLower(code[0]) && code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');

    private static string Required(JsonElement element, string name, string path, List<string> errors)
    {
        var value = Optional(element, name);
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{path}.{name}: 缺少必填项");
            return "";
        }
        return value;
    }

    private static string? Optional(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static IReadOnlyList<string> StringList(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
            : [];

    private static T Invalid<T>(T fallback, string message, List<string> errors)
    {
        errors.Add(message);
        return fallback;
    }
}
