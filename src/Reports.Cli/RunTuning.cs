using System.Globalization;

namespace Reports.Cli;

/// <summary>
/// Knobs for benchmarks and the one-core check, set by the program from REPORTS_INTAKE_THREADS and
/// REPORTS_CONCURRENT_OUTPUTS=1: the result is the same bytes whatever they say, only the time differs.
/// </summary>
public sealed record RunTuning(int? IntakeThreads = null, bool ConcurrentOutputs = false)
{
    public static RunTuning FromEnvironment() => new(
        int.TryParse(Environment.GetEnvironmentVariable("REPORTS_INTAKE_THREADS"), NumberStyles.None, CultureInfo.InvariantCulture, out var threads) && threads > 0 ? threads : null,
        Environment.GetEnvironmentVariable("REPORTS_CONCURRENT_OUTPUTS") == "1");
}
