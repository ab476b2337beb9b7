using Reports.Analysis;
using Reports.Merge;

namespace Reports.Outputs;

/// <summary>
/// Writes summary.json, the machine-readable result of a merge. Rates are fractions; undefined rates are null.
/// Each unit carries its ranks (1 = best), the indicators on which it lags time progress, and data-quality signals.
/// </summary>
public static class SummaryJsonWriter
{
    public static void Write(MergeResult merge, Stream stream) => Write(merge, MergeAnalysis.Of(merge), stream);

    public static void Write(MergeResult merge, MergeAnalysis analysis, Stream stream)
    {
        // Looked up per unit: grouped once, so the file is written in time linear in the units.
        var lagging = analysis.Lagging.ToLookup(l => l.Unit.Code, StringComparer.Ordinal);
        var below = analysis.BelowThreshold.ToLookup(t => t.Unit.Code, StringComparer.Ordinal);
        var signals = analysis.Signals.ToLookup(s => s.Unit.Code, StringComparer.Ordinal);
        using var writer = JsonOutput.CreateWriter(stream);
        writer.WriteStartObject();
        writer.WriteString("return", merge.Definition.Code);
        writer.WriteString("title", merge.Definition.Title);
        writer.WriteString("city", merge.Roster.Name);
        writer.WriteString("period", merge.Period.ToString());
        writer.WriteString("window", merge.Window.ToString());
        writer.WritePropertyName("timeProgress");
        JsonOutput.WriteNumber(writer, merge.TimeProgress);
        writer.WritePropertyName("yearProgress");
        JsonOutput.WriteNumber(writer, merge.YearProgress);

        writer.WriteStartArray("units");
        foreach (var unit in merge.Units)
        {
            writer.WriteStartObject();
            writer.WriteString("code", unit.Unit.Code);
            writer.WriteString("name", unit.Unit.Name);
            writer.WriteString("status", unit.Status.ToString().ToLowerInvariant());
            if (unit.File is not null)
            {
                writer.WriteString("file", Path.GetFileName(unit.File));
            }
            WriteValues(writer, merge, unit.Values, unit.Texts);
            WriteIndicators(writer, unit.Indicators);
            WriteAnalysis(writer, merge, analysis, unit, lagging, below, signals);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        writer.WriteStartObject("total");
        WriteValues(writer, merge, merge.Total.Values, null);
        WriteIndicators(writer, merge.Total.Indicators);
        writer.WriteEndObject();

        // Per indicator, the first and the last three ranked units (ties as ranked; units without a rate left out).
        writer.WriteStartObject("rankings");
        foreach (var indicator in merge.Definition.Indicators)
        {
            var ranked = analysis.Ranks[indicator.Code].Where(r => r.Rank is not null).ToList();
            writer.WriteStartObject(indicator.Code);
            writer.WriteStartArray("first");
            foreach (var unit in ranked.Take(3))
            {
                writer.WriteStringValue(unit.Unit.Code);
            }
            writer.WriteEndArray();
            writer.WriteStartArray("last");
            foreach (var unit in ranked.Skip(Math.Max(3, ranked.Count - 3)).Reverse())
            {
                writer.WriteStringValue(unit.Unit.Code);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndObject();

        writer.WriteStartArray("lagging");
        foreach (var item in analysis.Lagging)
        {
            writer.WriteStartObject();
            writer.WriteString("unit", item.Unit.Code);
            WriteLag(writer, item);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        WriteHistory(writer, merge, analysis);

        writer.WriteStartArray("missing");
        foreach (var unit in merge.Missing)
        {
            writer.WriteStringValue(unit.Unit.Code);
        }
        writer.WriteEndArray();
        writer.WriteStartArray("rejected");
        foreach (var unit in merge.Rejected)
        {
            writer.WriteStringValue(unit.Unit.Code);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteValues(System.Text.Json.Utf8JsonWriter writer, MergeResult merge, IReadOnlyDictionary<string, decimal> values, IReadOnlyDictionary<string, string>? texts)
    {
        writer.WriteStartObject("values");
        foreach (var field in merge.Definition.NumericFields)
        {
            if (values.TryGetValue(field.Code, out var value))
            {
                writer.WritePropertyName(field.Code);
                JsonOutput.WriteNumber(writer, value);
            }
        }
        writer.WriteEndObject();
        if (texts is not null)
        {
            writer.WriteStartObject("texts");
            foreach (var field in merge.Definition.Fields.Where(f => !f.IsNumeric))
            {
                if (texts.TryGetValue(field.Code, out var text))
                {
                    writer.WriteString(field.Code, text);
                }
            }
            writer.WriteEndObject();
        }
    }

    private static void WriteAnalysis(System.Text.Json.Utf8JsonWriter writer, MergeResult merge, MergeAnalysis analysis, UnitResult unit,
        ILookup<string, LaggingItem> lagging, ILookup<string, ThresholdItem> below, ILookup<string, QualitySignal> signals)
    {
        writer.WriteStartObject("ranks");
        foreach (var indicator in merge.Definition.Indicators)
        {
            if (analysis.RankOf(unit.Unit.Code, indicator.Code) is { } rank)
            {
                writer.WriteNumber(indicator.Code, rank);
            }
            else
            {
                writer.WriteNull(indicator.Code);
            }
        }
        writer.WriteEndObject();
        writer.WriteStartArray("lagging");
        foreach (var item in lagging[unit.Unit.Code])
        {
            writer.WriteStartObject();
            WriteLag(writer, item);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("belowThreshold");
        foreach (var item in below[unit.Unit.Code])
        {
            writer.WriteStartObject();
            writer.WriteString("indicator", item.Indicator.Code);
            writer.WritePropertyName("rate");
            JsonOutput.WriteNumber(writer, item.Rate);
            writer.WritePropertyName("required");
            JsonOutput.WriteNumber(writer, item.Required);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("signals");
        foreach (var signal in signals[unit.Unit.Code])
        {
            writer.WriteStartObject();
            writer.WriteString("code", signal.Code);
            writer.WriteString("field", signal.Field);
            writer.WritePropertyName("value");
            JsonOutput.WriteNumber(writer, signal.Value);
            writer.WriteString("message", signal.Message);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteHistory(System.Text.Json.Utf8JsonWriter writer, MergeResult merge, MergeAnalysis analysis)
    {
        if (analysis.Previous is { } previous)
        {
            writer.WriteString("previousPeriod", previous.Period.ToString());
        }
        else
        {
            writer.WriteNull("previousPeriod");
        }
        writer.WriteStartArray("increments");
        foreach (var item in analysis.Increments)
        {
            writer.WriteStartObject();
            writer.WriteString("unit", item.Unit.Code);
            writer.WriteString("field", item.Field);
            writer.WritePropertyName("previous");
            JsonOutput.WriteNumber(writer, item.Previous);
            writer.WritePropertyName("current");
            JsonOutput.WriteNumber(writer, item.Current);
            writer.WritePropertyName("increment");
            JsonOutput.WriteNumber(writer, item.Increment);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("yearOnYear");
        foreach (var item in analysis.YearOnYear)
        {
            writer.WriteStartObject();
            writer.WriteString("field", item.Field);
            writer.WriteString("source", item.Source);
            if (item.LastYearPeriod is null)
            {
                writer.WriteNull("lastYearPeriod");
            }
            else
            {
                writer.WriteString("lastYearPeriod", item.LastYearPeriod);
            }
            writer.WritePropertyName("lastYear");
            JsonOutput.WriteNumber(writer, item.LastYear);
            writer.WritePropertyName("current");
            JsonOutput.WriteNumber(writer, item.Current);
            writer.WritePropertyName("ratio");
            JsonOutput.WriteNumber(writer, item.Ratio);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("trend");
        foreach (var point in analysis.Trend)
        {
            writer.WriteStartObject();
            writer.WriteString("period", point.Period.ToString());
            writer.WriteNumber("accepted", point.Accepted.Count());
            WriteIndicators(writer, point.Total.Indicators);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteLag(System.Text.Json.Utf8JsonWriter writer, LaggingItem item)
    {
        writer.WriteString("indicator", item.Indicator.Code);
        writer.WritePropertyName("rate");
        JsonOutput.WriteNumber(writer, item.Rate);
        writer.WritePropertyName("progress");
        JsonOutput.WriteNumber(writer, item.Progress);
        writer.WritePropertyName("gap");
        JsonOutput.WriteNumber(writer, item.Gap);
    }

    private static void WriteIndicators(System.Text.Json.Utf8JsonWriter writer, IReadOnlyDictionary<string, decimal?> indicators)
    {
        writer.WriteStartObject("indicators");
        foreach (var (code, value) in indicators)
        {
            writer.WritePropertyName(code);
            JsonOutput.WriteNumber(writer, value);
        }
        writer.WriteEndObject();
    }
}
