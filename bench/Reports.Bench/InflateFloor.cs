using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;

namespace Reports.Bench;

/// <summary>
/// The floor no reader can beat: open every workbook of an inbox, in the order intake reads them, and inflate
/// every part into a reused buffer. No XML parsing, no values, one thread.
/// </summary>
public static class InflateFloor
{
    public sealed record Result(int Files, long Entries, long InflatedBytes, long FileBytes, double Milliseconds)
    {
        public string ToJson() => string.Create(CultureInfo.InvariantCulture,
            $"{{\"files\": {Files}, \"entries\": {Entries}, \"inflated_bytes\": {InflatedBytes}, \"file_bytes\": {FileBytes}, \"ms\": {Milliseconds:0.###}}}");
    }

    public static Result Measure(string inbox)
    {
        var start = Stopwatch.GetTimestamp();
        var files = Directory.EnumerateFiles(inbox, "*.xlsx").Order(StringComparer.Ordinal).ToList();
        var buffer = new byte[81920];
        long entries = 0, inflated = 0, fileBytes = 0;
        foreach (var file in files)
        {
            using var stream = File.OpenRead(file);
            fileBytes += stream.Length;
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            foreach (var entry in zip.Entries)
            {
                using var part = entry.Open();
                int read;
                while ((read = part.Read(buffer, 0, buffer.Length)) > 0)
                {
                    inflated += read;
                }
                entries++;
            }
        }
        return new Result(files.Count, entries, inflated, fileBytes, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
    }
}
