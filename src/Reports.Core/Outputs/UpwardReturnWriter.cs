using System.Globalization;
using Reports.Merge;
using Reports.Rosters;
using Reports.Templates;

namespace Reports.Outputs;

/// <summary>
/// Writes a merged result as a return of the same template, filled in for the group itself (the city as a unit
/// of the province's roster), so the next level merges cities exactly as a city merges counties. Only sums
/// travel upward; every rate is recomputed from them, so totals stay ratio-of-sums at every level.
/// </summary>
public sealed class UpwardReturnWriter(TimeProvider clock)
{
    public byte[] Write(MergeResult merge, string filledBy, string phone)
    {
        var unit = new RosterUnit(merge.Roster.Code, merge.Roster.Name);
        var template = new TemplateGenerator(clock).Generate(new TemplateRequest(merge.Definition, merge.Period, unit));
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in merge.Definition.NumericFields)
        {
            // A field no accepted unit filled (an optional one) stays blank rather than becoming 0.
            if (merge.Accepted.Any(u => u.Values.ContainsKey(field.Code)))
            {
                values[field.Code] = merge.Total.Values[field.Code].ToString(CultureInfo.InvariantCulture);
            }
        }
        var accepted = merge.Accepted.Count();
        var remarks = $"{merge.Roster.Name}汇总{accepted}个单位";
        if (accepted < merge.Units.Count)
        {
            remarks += $"（应报{merge.Units.Count}个，未汇总：{string.Join("、", merge.Units.Where(u => u.Status != UnitStatus.Accepted).Select(u => u.Unit.Name))}）";
        }
        SetText(merge, values, "remarks", remarks);
        // The units' explanations travel up with their figures: a group total that trips a must-explain check (北片's
        // 户均投放 above 5万元 because of one county) is explained by the counties that explained theirs.
        var notes = merge.Accepted
            .Where(u => u.Texts.GetValueOrDefault(Definitions.ReturnDefinition.VerifyNoteField) is { Length: > 0 })
            .Select(u => $"{u.Unit.Name}：{u.Texts[Definitions.ReturnDefinition.VerifyNoteField].Trim().TrimEnd('。')}")
            .ToList();
        if (notes.Count > 0)
        {
            SetText(merge, values, Definitions.ReturnDefinition.VerifyNoteField, string.Join("；", notes) + "。");
        }
        SetText(merge, values, "filled_by", filledBy);
        SetText(merge, values, "phone", phone);
        return ReproducibleZip.Normalize(ReturnFiller.Fill(template, merge.Definition, values), clock.GetLocalNow());
    }

    private static void SetText(MergeResult merge, Dictionary<string, string> values, string code, string text)
    {
        if (merge.Definition.FindField(code) is { IsNumeric: false })
        {
            values[code] = text;
        }
    }
}
