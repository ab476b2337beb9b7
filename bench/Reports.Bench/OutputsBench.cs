using System.Diagnostics;
using System.Text.Json;
using Reports.Outputs.Briefing;
using Reports.Outputs.Receipts;
using Reports.Pdf;
using Reports.Periods;
using Reports.Pipeline;
using Reports.Runs;

namespace Reports.Bench;

/// <summary>
/// The outputs alone, in process: the inbox is read and merged once (no store), then each output of a run is prepared
/// and written <c>repeats</c> times into a scratch folder, and the receipts are also drawn one after another on one
/// thread, without writing them. Medians in ms: what a change to a writer gains, free of intake's noise.
/// </summary>
public static class OutputsBench
{
    public static string Measure(string inbox, string roster, string templates, string font, int repeats, string? only, string? keep = null)
    {
        var scratch = Directory.CreateTempSubdirectory("reports-outputs-bench-").FullName;
        try
        {
            var options = new RunOptions("campaign-5plus1", new ReportingPeriod(2022, 6), roster, inbox, Path.Combine(scratch, "run"),
                new CampaignWindow(new DateOnly(2022, 3, 22), new DateOnly(2022, 6, 30)), templates, new PdfFontFile(font, 0),
                new BriefingSettings("巩固脱贫成果工作简报", "", ""));
            // One fixed time: outputs kept (--keep) from two builds compare byte for byte.
            var clock = new FixedTime(new DateTimeOffset(2022, 7, 1, 9, 30, 0, TimeSpan.FromHours(8)));
            var outcome = new RunPipeline(clock).Execute(options);
            var narratives = options.Returns.Select(code => NarrativeRenderer.Load(NarrativeRenderer.PathFor(templates, code))).ToList();
            var run = new RunResult(options, outcome.Results, clock, narratives);
            var results = new Dictionary<string, object>();
            foreach (var output in RunPipeline.Outputs.Where(o => only is null || o.Timing == only))
            {
                var prepare = new List<double>();
                var write = new List<double>();
                var cpu = new List<double>();
                for (var i = 0; i < repeats; i++)
                {
                    var folder = Path.Combine(scratch, $"{output.Timing}-{i}");
                    Directory.CreateDirectory(folder);
                    var used = Environment.CpuUsage.TotalTime;
                    var start = Stopwatch.GetTimestamp();
                    var prepared = output.Prepare(run);
                    prepare.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    start = Stopwatch.GetTimestamp();
                    prepared(folder, OutputWriting.Default);
                    write.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    cpu.Add((Environment.CpuUsage.TotalTime - used).TotalMilliseconds);
                    if (keep is not null && i == 0)
                    {
                        Directory.Move(folder, Path.Combine(keep, output.GetType().Name));
                    }
                    else
                    {
                        Directory.Delete(folder, recursive: true);
                    }
                }
                results[output.GetType().Name] = new { prepare_ms = Median(prepare), write_ms = Median(write), total_ms = Median(prepare.Zip(write, (p, w) => p + w).ToList()), cpu_ms = Median(cpu) };
            }
            if (only is null or "receipts")
            {
                // One thread, no files: the receipt writer's own cost a receipt.
                var result = outcome.Results[0];
                var writer = new ReceiptWriter(clock, ReceiptPurpose.Reception, result.Merge.Roster, result.Merge.Period);
                var each = new List<double>();
                var eachCpu = new List<double>();
                long bytes = 0;
                for (var i = 0; i < repeats; i++)
                {
                    var allocated = GC.GetAllocatedBytesForCurrentThread();
                    var used = Environment.CpuUsage.TotalTime;
                    var start = Stopwatch.GetTimestamp();
                    foreach (var receipt in result.Receipts)
                    {
                        bytes += writer.Write(receipt.File, receipt.Version, result.Definition).Length;
                    }
                    each.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds / result.Receipts.Count);
                    eachCpu.Add((Environment.CpuUsage.TotalTime - used).TotalMilliseconds / result.Receipts.Count);
                    results[$"receipt_allocated_bytes"] = (GC.GetAllocatedBytesForCurrentThread() - allocated) / result.Receipts.Count;
                }
                results["receipt_one_thread_ms"] = Median(each);
                results["receipt_one_thread_cpu_ms"] = Median(eachCpu);
                results["receipt_bytes"] = bytes / repeats / Math.Max(1, result.Receipts.Count);
                results["receipt_count"] = result.Receipts.Count;
            }
            return JsonSerializer.Serialize(results);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.CreateCustomTimeZone("UTC+8", TimeSpan.FromHours(8), "UTC+8", "UTC+8");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return Math.Round(sorted[sorted.Count / 2], 3);
    }
}
