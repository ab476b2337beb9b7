using System.Globalization;
using System.Text.Json;
using Reports.Runs;

namespace Reports.Pipeline;

/// <summary>Writes a run's stage timings as <c>{"stages": [{"stage": "intake", "ms": 812.4}, …], "total_ms": …}</c>.</summary>
public static class StageTimingsJson
{
    public static void Write(IReadOnlyList<StageTiming> timings, Stream stream)
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteStartArray("stages");
        foreach (var timing in timings)
        {
            writer.WriteStartObject();
            writer.WriteString("stage", timing.Stage);
            writer.WriteNumber("ms", Milliseconds(timing.Elapsed));
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteNumber("total_ms", Milliseconds(timings.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.Elapsed)));
        writer.WriteEndObject();
    }

    private static double Milliseconds(TimeSpan elapsed) =>
        double.Parse(elapsed.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
