namespace Reports.Runs;

/// <summary>
/// How long one stage of a run took, measured with a stopwatch. A measurement for benchmarks and profiling,
/// never an output: it changes from run to run, so it stays out of summary.json.
/// </summary>
public sealed record StageTiming(string Stage, TimeSpan Elapsed)
{
    /// <summary>Reading the definition, roster and briefing template; checking the inbox and font exist.</summary>
    public const string Load = "load";
    /// <summary>Identify, read and check every file of the inbox.</summary>
    public const string Intake = "intake";
    /// <summary>Recording the run in the history store and reading back the period's versions.</summary>
    public const string Store = "store";
    /// <summary>Merge in roster order, indicators, analysis.</summary>
    public const string Merge = "merge";
    /// <summary>summary.json and intake.json.</summary>
    public const string Json = "json";
    public const string Receipts = "receipts";
    public const string Workbook = "workbook";
    /// <summary>Rendering the narrative, composing, drawing and writing the briefing.</summary>
    public const string Pdf = "pdf";
}
