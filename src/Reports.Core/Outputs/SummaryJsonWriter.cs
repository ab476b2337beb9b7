using Reports.Merge;

namespace Reports.Outputs;

/// <summary>Writes summary.json, the machine-readable result of a merge. Rates are fractions; undefined rates are null.</summary>
public static class SummaryJsonWriter
{
    public static void Write(MergeResult merge, Stream stream)
    {
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
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        writer.WriteStartObject("total");
        WriteValues(writer, merge, merge.Total.Values, null);
        WriteIndicators(writer, merge.Total.Indicators);
        writer.WriteEndObject();

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
