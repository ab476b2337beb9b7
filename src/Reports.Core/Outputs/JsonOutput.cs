using System.Text.Encodings.Web;
using System.Text.Json;

namespace Reports.Outputs;

/// <summary>Shared JSON settings: readable Chinese, indented, numbers without trailing zeros.</summary>
internal static class JsonOutput
{
    public static Utf8JsonWriter CreateWriter(Stream stream) => new(stream, new JsonWriterOptions
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>
    /// Hands what is written so far to the stream once it passes 64 KB: a writer on a stream otherwise keeps the whole
    /// document in a buffer it grows by copying, tens of megabytes for a province.
    /// </summary>
    public static void FlushEvery(Utf8JsonWriter writer)
    {
        if (writer.BytesPending > 1 << 16)
        {
            writer.Flush();
        }
    }

    /// <summary>Rates keep 12 decimals: far beyond any printed figure, short enough to read.</summary>
    public static void WriteNumber(Utf8JsonWriter writer, decimal? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }
        writer.WriteNumberValue(Normalize(decimal.Round(value.Value, 12, MidpointRounding.AwayFromZero)));
    }

    public static void WriteNumber(Utf8JsonWriter writer, string name, decimal? value)
    {
        writer.WritePropertyName(name);
        WriteNumber(writer, value);
    }

    public static void WriteStringOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Drops trailing zeros (1.0500 → 1.05) so the same figure always prints the same.</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;
}
