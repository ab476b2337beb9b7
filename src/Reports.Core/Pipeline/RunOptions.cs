using Reports.Outputs.Briefing;
using Reports.Pdf;
using Reports.Periods;

namespace Reports.Pipeline;

/// <summary>
/// Everything one merge run needs, resolved from the command line and settings. <see cref="PrefillPath"/> is the
/// office's prefill sheet (targets, last year's values) that intake checks returns against.
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
    string? PrefillPath = null);
