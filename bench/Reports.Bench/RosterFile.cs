using System.Text.Encodings.Web;
using System.Text.Json;
using Reports.Rosters;

namespace Reports.Bench;

/// <summary>The benchmark's roster of generated units, as the office's roster file is written (shared with the desk's load benchmark).</summary>
internal static class RosterFile
{
    public static void Write(string path, IReadOnlyList<RosterUnit> units)
    {
        using var stream = File.Create(path);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        writer.WriteString("name", "样本省");
        writer.WriteString("code", "900000000");
        writer.WriteStartArray("units");
        foreach (var unit in units)
        {
            writer.WriteStartObject();
            writer.WriteString("code", unit.Code);
            writer.WriteString("name", unit.Name);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
