using Reports.Diagnostics;
using Reports.Intake;

namespace Reports.Versions;

/// <summary>
/// A file as the office's record holds it (the third stage of a file's life): the file read and checked, the store's
/// run that first received its content (a version received in a later run is newer, whatever its stamp says) and when
/// the office received it, and the office's withdrawal of it, if any. A file the store does not keep as a version (a
/// duplicate, a file that could not be read, any file of a run without a store) is <see cref="Unrecorded"/>: run 0, no
/// time. What <see cref="VersionSelector"/> decides among; no bytes.
/// </summary>
public sealed record StoredVersion(IntakeFileResult Checked, long FirstSeenRun, DateTimeOffset? ReceivedAt)
{
    /// <summary>The office's withdrawal of this version (<c>reports withdraw</c>); null when it stands.</summary>
    public Withdrawal? Withdrawal { get; init; }

    /// <summary>
    /// Whether <see cref="Submission"/> holds the version's figures (values, texts, cells, detail rows). The store gives a
    /// version without them — its stamp, file time and 情况说明 only, what the one rule decides by — until the ledger
    /// asks for them: the versions that count, and those a renderer of the run shows (a receipt issued now).
    /// </summary>
    public bool FiguresRead { get; init; } = true;

    public string File => Checked.File;

    public string Sha256 => Checked.Sha256;

    public string? UnitCode => Checked.UnitCode;

    /// <summary>Intake's verdict on the content (accepted or rejected; duplicate, ignored): not yet a decision.</summary>
    public IntakeStatus Verdict => Checked.Status;

    public IReadOnlyList<Diagnostic> Diagnostics => Checked.Diagnostics;

    public CountySubmission? Submission => Checked.Submission;

    /// <summary>A file the store holds no record of: received in this run (run 0), at no known time.</summary>
    public static StoredVersion Unrecorded(IntakeFileResult file) => new(file, 0, null);
}
