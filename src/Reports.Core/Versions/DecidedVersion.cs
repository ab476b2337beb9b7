using Reports.Diagnostics;
using Reports.Intake;

namespace Reports.Versions;

/// <summary>
/// A file as the decision left it (the last stage of a file's life, what every output renders): the stored version, its
/// status (accepted or rejected when it counts for its unit or cannot count; superseded, pending, withdrawn) and why
/// (<see cref="Why"/>: the notice of the decision, null when there is nothing to tell). <see cref="Diagnostics"/> are the
/// content's findings followed by that notice. Holds no bytes: a renderer can print only what is decided and known.
/// </summary>
public sealed record DecidedVersion
{
    public DecidedVersion(StoredVersion version, IntakeStatus status, Diagnostic? why = null)
    {
        Version = version;
        Status = status;
        Why = why;
        Diagnostics = why is null ? version.Diagnostics : [.. version.Diagnostics, why];
    }

    public StoredVersion Version { get; }

    /// <summary>What became of the file: the content's verdict, or the decision's (superseded, pending, withdrawn).</summary>
    public IntakeStatus Status { get; }

    /// <summary>The decision's notice (RPT050 superseded, RPT057 pending, withdrawn); null when the decision says nothing of it.</summary>
    public Diagnostic? Why { get; }

    /// <summary>The content's findings, then <see cref="Why"/>.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public string File => Version.File;

    public string Sha256 => Version.Sha256;

    public string? UnitCode => Version.UnitCode;

    public CountySubmission? Submission => Version.Submission;

    /// <inheritdoc cref="StoredVersion.FirstSeenRun"/>
    public long FirstSeenRun => Version.FirstSeenRun;

    /// <inheritdoc cref="StoredVersion.ReceivedAt"/>
    public DateTimeOffset? ReceivedAt => Version.ReceivedAt;

    public int ErrorCount => Diagnostics.Count(d => d.IsError);

    public int WarningCount => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
}
