using Reports.Analysis;
using Reports.Diagnostics;
using Reports.Merge;
using Reports.Results;

namespace Reports.Outputs;

/// <summary>
/// Writes summary.json, the machine-readable result of a merge. Rates are fractions; undefined rates are null.
/// Each unit carries its ranks (1 = best), the indicators on which it lags time progress, data-quality signals and the
/// sources of its figures: the file that counts for it and its SHA-256 once, then per field the sheet, cell and text as
/// typed (a province's figures all come from one file a unit: naming it per figure made the file ten times larger).
/// The approval and the reporting rates lead. Written as it goes: a unit at a time reaches the stream.
/// </summary>
public static class SummaryJsonWriter
{
    public static void Write(ReturnResult result, Stream stream)
    {
        var (merge, analysis) = (result.Merge, result.Analysis);
        // Looked up per unit: grouped once, so the file is written in time linear in the units.
        var lagging = analysis.Lagging.ToLookup(l => l.Unit.Code, StringComparer.Ordinal);
        var below = analysis.BelowThreshold.ToLookup(t => t.Unit.Code, StringComparer.Ordinal);
        var signals = analysis.Signals.ToLookup(s => s.Unit!, StringComparer.Ordinal);
        using var writer = JsonOutput.CreateWriter(stream);
        writer.WriteStartObject();
        writer.WriteString("return", merge.Definition.Code);
        writer.WriteString("title", merge.Definition.Title);
        writer.WriteString("city", merge.Roster.Name);
        writer.WriteString("period", merge.Period.ToString());
        writer.WriteString("window", merge.Window.ToString());
        JsonOutput.WriteNumber(writer, "timeProgress", merge.TimeProgress);
        JsonOutput.WriteNumber(writer, "yearProgress", merge.YearProgress);
        WriteApproval(writer, result.Approval);
        WriteReporting(writer, result.Submissions.Rates);

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
            if (result.Decision.For(unit.Unit.Code) is { Sha256.Length: > 0 } counted)
            {
                writer.WriteString("sha256", counted.Sha256);
            }
            WriteValues(writer, merge, unit.Values, unit.Texts);
            WriteIndicators(writer, unit.Indicators);
            WriteAnalysis(writer, merge, analysis, unit, lagging, below, signals);
            WriteSources(writer, result.SourcesOf(unit.Unit.Code));
            writer.WriteEndObject();
            JsonOutput.FlushEvery(writer);
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
                JsonOutput.WriteNumber(writer, field.Code, value);
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
        ILookup<string, LaggingItem> lagging, ILookup<string, ThresholdItem> below, ILookup<string, Diagnostic> signals)
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
            JsonOutput.WriteNumber(writer, "rate", item.Rate);
            JsonOutput.WriteNumber(writer, "required", item.Required);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("signals");
        foreach (var signal in signals[unit.Unit.Code])
        {
            writer.WriteStartObject();
            writer.WriteString("code", signal.Code);
            writer.WriteString("field", signal.Field);
            JsonOutput.WriteNumber(writer, "value", signal.Field is { } field ? unit.Values.GetValueOrDefault(field) : null);
            writer.WriteString("message", signal.Message);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteHistory(System.Text.Json.Utf8JsonWriter writer, MergeResult merge, MergeAnalysis analysis)
    {
        JsonOutput.WriteStringOrNull(writer, "previousPeriod", analysis.Previous?.Period.ToString());
        writer.WriteStartArray("increments");
        foreach (var item in analysis.Increments)
        {
            writer.WriteStartObject();
            writer.WriteString("unit", item.Unit.Code);
            writer.WriteString("field", item.Field);
            JsonOutput.WriteNumber(writer, "previous", item.Previous);
            JsonOutput.WriteNumber(writer, "current", item.Current);
            JsonOutput.WriteNumber(writer, "increment", item.Increment);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("yearOnYear");
        foreach (var item in analysis.YearOnYear)
        {
            writer.WriteStartObject();
            writer.WriteString("field", item.Field);
            writer.WriteString("source", item.Source);
            JsonOutput.WriteStringOrNull(writer, "lastYearPeriod", item.LastYearPeriod);
            JsonOutput.WriteNumber(writer, "lastYear", item.LastYear);
            JsonOutput.WriteNumber(writer, "current", item.Current);
            JsonOutput.WriteNumber(writer, "ratio", item.Ratio);
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

    /// <summary>The approval the figures stand under (null: not approved), with the units reopened since.</summary>
    private static void WriteApproval(System.Text.Json.Utf8JsonWriter writer, ApprovalStatus? approval)
    {
        if (approval is null)
        {
            writer.WriteNull("approval");
            return;
        }
        writer.WriteStartObject("approval");
        writer.WriteString("approvedAt", approval.At.ToString("yyyy-MM-ddTHH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteString("approvedBy", approval.By);
        JsonOutput.WriteStringOrNull(writer, "note", approval.Note);
        writer.WriteStartArray("reopened");
        foreach (var name in approval.Reopened)
        {
            writer.WriteStringValue(name);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The whole roster's reporting counts and rates (fractions of the expected units).</summary>
    public static void WriteReporting(System.Text.Json.Utf8JsonWriter writer, ReportingRates rates)
    {
        writer.WriteStartObject("reporting");
        writer.WriteNumber("expected", rates.Expected);
        writer.WriteNumber("received", rates.Received);
        writer.WriteNumber("accepted", rates.Accepted);
        writer.WriteNumber("sentBack", rates.SentBack);
        writer.WriteNumber("missing", rates.Missing);
        if (rates.OnTime is { } onTime)
        {
            writer.WriteNumber("onTime", onTime);
        }
        else
        {
            writer.WriteNull("onTime");
        }
        writer.WriteNumber("pending", rates.Pending);
        JsonOutput.WriteNumber(writer, "receivedRate", rates.ReceivedRate);
        JsonOutput.WriteNumber(writer, "acceptedRate", rates.AcceptedRate);
        JsonOutput.WriteNumber(writer, "onTimeRate", rates.OnTimeRate);
        writer.WriteEndObject();
    }

    /// <summary>Per field, the cell of the unit's file (its <c>file</c> and <c>sha256</c>) its figure was read from: sheet, cell and the text as typed.</summary>
    private static void WriteSources(System.Text.Json.Utf8JsonWriter writer, IReadOnlyList<FieldSource> sources)
    {
        writer.WriteStartObject("sources");
        foreach (var source in sources)
        {
            writer.WriteStartObject(source.Field);
            writer.WriteString("sheet", source.Sheet);
            writer.WriteString("cell", source.Cell);
            JsonOutput.WriteStringOrNull(writer, "text", source.Typed);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    private static void WriteLag(System.Text.Json.Utf8JsonWriter writer, LaggingItem item)
    {
        writer.WriteString("indicator", item.Indicator.Code);
        JsonOutput.WriteNumber(writer, "rate", item.Rate);
        JsonOutput.WriteNumber(writer, "progress", item.Progress);
        JsonOutput.WriteNumber(writer, "gap", item.Gap);
    }

    private static void WriteIndicators(System.Text.Json.Utf8JsonWriter writer, IReadOnlyDictionary<string, decimal?> indicators)
    {
        writer.WriteStartObject("indicators");
        foreach (var (code, value) in indicators)
        {
            JsonOutput.WriteNumber(writer, code, value);
        }
        writer.WriteEndObject();
    }
}
