using Reports.Rosters;

namespace Reports.Outputs.Briefing;

/// <summary>
/// What the whole of a roster is called in a sentence — 全省, 全市, 全县 … — from the level its name ends with
/// (测试省, 长治市, 沁县; a roster file names no level of its own), else from its administrative code (140000 a
/// province, 140400 a city), else the neutral 全部.
/// </summary>
public static class RosterLevel
{
    // Longest endings first: 自治区 before 区, 地区 before 区.
    private static readonly (string Ending, string Whole)[] Endings =
    [
        ("自治区", "全区"), ("自治州", "全州"), ("地区", "全区"), ("省", "全省"), ("市", "全市"), ("州", "全州"), ("盟", "全盟"),
        ("县", "全县"), ("旗", "全旗"), ("区", "全区"),
    ];

    public static string Whole(Roster roster)
    {
        var name = roster.Name.Trim();
        foreach (var (ending, whole) in Endings)
        {
            if (name.EndsWith(ending, StringComparison.Ordinal))
            {
                return whole;
            }
        }
        var code = roster.Code.Trim();
        return code.Length == 6 && code.All(char.IsAsciiDigit)
            ? code.EndsWith("0000", StringComparison.Ordinal) ? "全省" : code.EndsWith("00", StringComparison.Ordinal) ? "全市" : "全县"
            : "全部";
    }
}
