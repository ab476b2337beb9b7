using Reports.Intake;

namespace Reports.Store;

public sealed partial class ReturnStore
{
    /// <summary>
    /// What the store already holds of a return and period, by content: each counted version's SHA-256 with its unit,
    /// its verdict and its findings as recorded (no figures). A re-run takes a file of such a content from here instead
    /// of parsing it again: the decision reads every version from the store anyway (<see cref="Versions(string, Periods.ReportingPeriod)"/>).
    /// </summary>
    internal IReadOnlyDictionary<string, IntakeFileResult> KnownContents(string returnCode, Periods.ReportingPeriod period)
    {
        (string Name, object? Value)[] key = [("$r", returnCode), ("$p", period.ToString())];
        var findings = Findings(key);
        var known = new Dictionary<string, IntakeFileResult>(StringComparer.Ordinal);
        ReadAll($"SELECT id, sha256, unit_code, file_name, status FROM versions v WHERE v.return_code = $r AND v.period = $p AND {Counted} ORDER BY id;", key, reader =>
        {
            var sha256 = reader.GetString(1);
            known[sha256] = new IntakeFileResult(reader.GetString(3), sha256, reader.IsDBNull(2) ? null : reader.GetString(2),
                Enum.Parse<IntakeStatus>(reader.GetString(4), ignoreCase: true), findings.GetValueOrDefault(reader.GetInt64(0)) ?? [], null);
        });
        return known;
    }
}
