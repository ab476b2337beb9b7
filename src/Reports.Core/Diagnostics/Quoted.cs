namespace Reports.Diagnostics;

/// <summary>
/// Quotes a name in a message (“投放金额”) unless it carries quotation marks of its own (“百日攻坚”目标任务): quotes
/// never nest, so a label is never printed as ““百日攻坚”目标任务”.
/// </summary>
public static class Quoted
{
    public static string Name(string? text)
    {
        var name = text ?? "";
        return name.IndexOfAny(Marks) >= 0 ? name : $"“{name}”";
    }

    private static readonly char[] Marks = ['“', '”', '"', '‘', '’', '「', '」'];
}
