using System.Text;
using System.Text.Json;

namespace Reports.Configuration;

/// <summary>
/// Opens one of the office's JSON files (a roster, a return definition, a settings file). A missing or unreadable
/// file, or a syntax error, becomes one Chinese phrase (with the line and column of a syntax error) that the caller
/// turns into its own configuration exception naming the file.
/// </summary>
public static class OfficeJson
{
    public static JsonDocument Parse(string path, JsonDocumentOptions options, Func<string, Exception> fail)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            throw fail(problem switch
            {
                FileNotFoundException or DirectoryNotFoundException => "文件不存在",
                UnauthorizedAccessException when Directory.Exists(path) => "这是一个文件夹，不是文件",
                UnauthorizedAccessException => "没有读取权限",
                _ => $"无法读取（{problem.Message}）",
            });
        }
        // Notepad's UTF-8 keeps a byte-order mark; the JSON reader does not skip one in bytes it is handed.
        var json = bytes.AsMemory(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0);
        try
        {
            return JsonDocument.Parse(json, options);
        }
        catch (JsonException problem)
        {
            throw fail(Describe(problem, json.Span));
        }
    }

    /// <summary>"不是有效的 JSON：第 3 行第 41 列附近多余的逗号" (the column in characters, the reader counts bytes).</summary>
    private static string Describe(JsonException problem, ReadOnlySpan<byte> json)
    {
        var what = Hint(problem.Message);
        if (problem.LineNumber is not { } line || problem.BytePositionInLine is not { } position)
        {
            return $"不是有效的 JSON：{what}";
        }
        var start = 0;
        for (var n = 0; n < line && start < json.Length; n++)
        {
            var next = json[start..].IndexOf((byte)'\n');
            start = next < 0 ? json.Length : start + next + 1;
        }
        var column = Encoding.UTF8.GetCharCount(json[start..Math.Min(json.Length, start + (int)Math.Min(position, int.MaxValue))]) + 1;
        return $"不是有效的 JSON：第 {line + 1} 行第 {column} 列附近{what}";
    }

    // The reader's own words are English; these are the mistakes people make when editing JSON by hand.
    private static string Hint(string message) => message switch
    {
        _ when message.Contains("trailing comma", StringComparison.OrdinalIgnoreCase) => "多余的逗号（最后一项后面不能有逗号）",
        _ when message.Contains("does not contain any JSON tokens", StringComparison.OrdinalIgnoreCase) => "文件是空的",
        _ when message.Contains("Expected depth to be zero", StringComparison.OrdinalIgnoreCase) => "括号没有配对（缺少 } 或 ]）",
        _ when message.Contains("end of string", StringComparison.OrdinalIgnoreCase) => "引号没有配对",
        _ when message.Contains("after a property name", StringComparison.OrdinalIgnoreCase) => "键名后应为英文冒号",
        _ when message.Contains("property name", StringComparison.OrdinalIgnoreCase) => "键名应放在英文双引号中，如 \"name\"",
        _ when message.Contains("after a single JSON value", StringComparison.OrdinalIgnoreCase) => "JSON 已结束，后面还有多余的内容",
        _ when message.Contains("after a value", StringComparison.OrdinalIgnoreCase) => "缺少逗号，或多了字符",
        _ when message.Contains("comment", StringComparison.OrdinalIgnoreCase) => "不允许注释",
        _ when message.Contains("invalid start of a value", StringComparison.OrdinalIgnoreCase)
            || message.Contains("literal", StringComparison.OrdinalIgnoreCase) => "这里应为一个值：文本放在英文双引号中，或数字、true、false、null",
        _ when message.Contains("escap", StringComparison.OrdinalIgnoreCase)
            || message.Contains("control character", StringComparison.OrdinalIgnoreCase) => "文本中有不允许的字符或转义",
        _ => "格式错误",
    };

    /// <summary>A JSON value's kind in words: "数组", "数字"…</summary>
    public static string KindOf(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "对象",
        JsonValueKind.Array => "数组",
        JsonValueKind.String => "文本",
        JsonValueKind.Number => "数字",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.Null => "null",
        _ => "空",
    };
}
