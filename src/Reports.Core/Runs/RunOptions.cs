using Reports.Analysis;
using Reports.Outputs.Briefing;
using Reports.Outputs.Receipts;
using Reports.Pdf;
using Reports.Pdf.Faces;
using Reports.Periods;

namespace Reports.Runs;

/// <summary>
/// Everything one merge run needs, resolved from the command line and settings. <see cref="Deadline"/> is when
/// returns were due; without one the workbook does not say whether a unit was on time. <see cref="PrefillPath"/> is
/// the office's prefill sheet (targets, last year's values) that intake checks returns against; <see cref="StorePath"/>
/// the history store (SQLite) the run records into and merges from (none: the inbox alone is merged).
/// </summary>
public sealed record RunOptions(
    string ReturnCode,
    ReportingPeriod Period,
    string RosterPath,
    string InboxDirectory,
    string OutputDirectory,
    CampaignWindow Window,
    string TemplatesDirectory,
    PdfFontFile Font,
    BriefingSettings Briefing,
    DateTimeOffset? Deadline = null,
    string? PrefillPath = null,
    string? StorePath = null,
    QualityThresholds? Quality = null,
    ReceiptScope Receipts = ReceiptScope.All)
{
    /// <summary>
    /// The returns of the run, in the order the briefing and the workbook take them (<c>--return a,b</c>); unset:
    /// <see cref="ReturnCode"/> alone. The first is <see cref="ReturnCode"/>.
    /// </summary>
    public IReadOnlyList<string>? ReturnCodes { get; init; }

    /// <summary>How many files intake reads at once (1: strictly sequential); unset: every core. The result is the same either way.</summary>
    public int? IntakeThreads { get; init; }

    /// <summary>
    /// Whether outputs that allow it (the receipts) are written beside the others; false (the default): one after
    /// another. The files are the same either way. Off by default: on the shared 2-core bench machine the receipts'
    /// own parallel loop already fills both cores, and writing the workbook beside it made the run slower (bench/RESULTS.md).
    /// </summary>
    public bool ConcurrentOutputs { get; init; }

    /// <summary><c>--as-submission</c>: where the city's own return (of the first return's template) goes, and who signs it.</summary>
    public UpwardReturn? AsSubmission { get; init; }

    /// <summary>The briefing's faces per role, chosen once (settings, installed faces, bundled ones); unset: the bundled faces
    /// beside <see cref="Font"/>, whatever the machine has installed.</summary>
    public BriefingFaces? Faces { get; init; }

    public IReadOnlyList<string> Returns => ReturnCodes is { Count: > 0 } codes ? codes : [ReturnCode];
}

/// <summary>The city's merged result as its own return to the next level: the file, who filled it in, their phone.</summary>
public sealed record UpwardReturn(string Path, string FilledBy, string Phone);
