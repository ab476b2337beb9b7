namespace Reports.Intake;

/// <summary>
/// The figures one county sent in one file, as read and parsed. Numeric fields that were blank are absent
/// from <see cref="Values"/>; text fields are in <see cref="Texts"/>.
/// </summary>
public sealed record CountySubmission(
    string UnitCode,
    string File,
    string Sha256,
    DateTimeOffset FileTime,
    IReadOnlyDictionary<string, decimal> Values,
    IReadOnlyDictionary<string, string> Texts);
