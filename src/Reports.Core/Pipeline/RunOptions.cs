using Reports.Outputs.Briefing;
using Reports.Pdf;
using Reports.Periods;

namespace Reports.Pipeline;

/// <summary>Everything one merge run needs, resolved from the command line and settings.</summary>
public sealed record RunOptions(
    string ReturnCode,
    ReportingPeriod Period,
    string RosterPath,
    string InboxDirectory,
    string OutputDirectory,
    CampaignWindow Window,
    string TemplatesDirectory,
    PdfFontFile Font,
    BriefingSettings Briefing);
