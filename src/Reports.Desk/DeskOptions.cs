using Reports.Access;
using Reports.Definitions;
using Reports.Intake;
using Reports.Intake.Xlsx;
using Reports.Periods;
using Reports.Rosters;

namespace Reports.Desk;

/// <summary>
/// What the reception desk opens: the returns and the period counties hand in, the roster, the store every upload is
/// recorded in, the campaign window and deadline (按时/逾期), who is who (codes) and where refusals are recorded (audit).
/// </summary>
public sealed record DeskOptions(
    IReadOnlyList<ReturnDefinition> Returns,
    ReportingPeriod Period,
    Roster Roster,
    string StorePath,
    CampaignWindow Window,
    DateTimeOffset? Deadline,
    AccessCodes Codes,
    DeskAudit Audit,
    TimeProvider Clock)
{
    /// <summary>The largest upload: intake's byte cap (a larger request is refused with 413 before it is read).</summary>
    public long MaxUploadBytes { get; init; } = XlsxLimits.Default.MaxFileBytes;

    /// <summary>Sign-in attempts one address may make in a minute.</summary>
    public int SignInsPerMinute { get; init; } = 10;

    /// <summary>API and page requests one code (else one address) may make in a minute.</summary>
    public int RequestsPerMinute { get; init; } = 300;

    /// <summary>Told as the store records each upload in its open transaction (a crash test pauses there).</summary>
    public IProgress<IntakeFileResult>? Recorded { get; init; }

    /// <summary>The folder beside the store an upload is named in (its findings name it there); read from memory, it is never written.</summary>
    public string UploadFolder => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(StorePath))!, "desk-uploads");
}
