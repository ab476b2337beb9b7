namespace Reports.Outputs.Briefing;

/// <summary>
/// A Chinese table header as it is set: full-width brackets and colon, "其中：" on a line of its own and the unit on
/// the last line ("投放户数（脱贫户和监测户）\n（户）"), so a narrow column breaks at those points and not inside a word.
/// </summary>
public static class TableHeader
{
    public static string Of(string label, string unit)
    {
        var text = FullWidth(label.Trim());
        if (text.StartsWith("其中：", StringComparison.Ordinal) && text.Length > 3)
        {
            text = "其中：\n" + text[3..];
        }
        return unit.Length == 0 ? text : $"{text}\n（{FullWidth(unit)}）";
    }

    public static string FullWidth(string text) =>
        text.Replace('(', '（').Replace(')', '）').Replace(':', '：').Replace(',', '，').Replace(';', '；');
}
