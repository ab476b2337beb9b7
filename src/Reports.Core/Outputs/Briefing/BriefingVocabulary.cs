using Reports.Pdf;
using Reports.Results;

namespace Reports.Outputs.Briefing;

/// <summary>
/// The words a briefing's lines never break inside if they can help it: the returns' own terms (task titles, field
/// and indicator names, as written and as table headers set them), the roster's and its units' names, and the units
/// of measure a figure keeps ("人", "万元", "2.3万人次", "7.4个百分点").
/// </summary>
public static class BriefingVocabulary
{
    /// <summary>The units the number style adds to a definition's (<see cref="NumberStyle"/>).</summary>
    private static readonly string[] StyleUnits = ["万元", "亿元", "个百分点", "万人", "万户", "万人次", "万户次"];

    public static PdfVocabulary For(IReadOnlyList<ReturnResult> parts)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var units = new HashSet<string>(StyleUnits, StringComparer.Ordinal);
        void Term(string text)
        {
            foreach (var form in new[] { text, TableHeader.FullWidth(text) })
            {
                terms.Add(form.Trim());
                // "其中：省外务工人数": the name after the colon is a term of its own.
                var colon = form.IndexOf('：', StringComparison.Ordinal);
                if (colon >= 0)
                {
                    terms.Add(form[(colon + 1)..].Trim());
                }
            }
        }
        foreach (var part in parts)
        {
            var (definition, roster) = (part.Merge.Definition, part.Merge.Roster);
            Term(roster.Name);
            foreach (var unit in roster.Units)
            {
                terms.Add(unit.Name);
            }
            foreach (var section in definition.Sections)
            {
                Term(section.Title);
                foreach (var field in section.Fields)
                {
                    Term(field.Label);
                    AddUnit(units, field.Unit);
                }
                foreach (var indicator in section.Indicators)
                {
                    Term(indicator.Label);
                    AddUnit(units, indicator.Unit);
                }
            }
        }
        terms.Remove("");
        return new PdfVocabulary(terms.Order(StringComparer.Ordinal).ToList(), units.Order(StringComparer.Ordinal).ToList());
    }

    private static void AddUnit(HashSet<string> units, string unit)
    {
        var u = unit.Trim();
        if (u.Length > 0 && u != "%")
        {
            units.Add(u);
            units.Add("万" + u);
        }
    }
}
