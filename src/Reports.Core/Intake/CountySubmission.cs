namespace Reports.Intake;

/// <summary>
/// The figures one county sent in one file, as read and parsed. Numeric fields that were blank are absent
/// from <see cref="Values"/>; text fields are in <see cref="Texts"/>. <see cref="Stamp"/> is the submission
/// time the clerk wrote in the template (meta_submitted), when readable.
/// </summary>
public sealed record CountySubmission(
    string UnitCode,
    string File,
    string Sha256,
    DateTimeOffset FileTime,
    DateTimeOffset? Stamp,
    IReadOnlyDictionary<string, decimal> Values,
    IReadOnlyDictionary<string, string> Texts)
{
    /// <summary>The filled rows of each detail table (台账), by table code; empty for a return without one.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<DetailRow>> Details { get; init; } = new Dictionary<string, IReadOnlyList<DetailRow>>();

    /// <summary>Where each field was read and what its cell held as typed, by field code (fields whose name was found).</summary>
    public IReadOnlyDictionary<string, FieldReading> Cells { get; init; } = new Dictionary<string, FieldReading>();

    /// <summary>When this submission was made: the template's stamp, else the file's time.</summary>
    public DateTimeOffset SubmittedAt => Stamp ?? FileTime;
}
