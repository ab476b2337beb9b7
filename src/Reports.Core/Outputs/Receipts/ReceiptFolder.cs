using Reports.Definitions;
using Reports.Intake;
using Reports.Pipeline;

namespace Reports.Outputs.Receipts;

/// <summary>Writes a receipt for every file intake looked at (ignored non-workbooks excepted) into one folder.</summary>
public static class ReceiptFolder
{
    /// <param name="readNow">
    /// The results intake read in this run, when <paramref name="intake"/> holds versions from the store: the store keeps
    /// a version's values, not where each field was read or what its cell held as typed, so a version takes those from
    /// the result read now of the same bytes.
    /// </param>
    public static IReadOnlyList<string> Write(IEnumerable<IntakeFileResult> intake, ReturnDefinition definition, string folder, TimeProvider clock,
        IReadOnlyList<IntakeFileResult>? readNow = null)
    {
        Directory.CreateDirectory(folder);
        var writer = new ReceiptWriter(clock);
        var readings = (readNow ?? []).Where(f => f.Submission is { Cells.Count: > 0 })
            .GroupBy(f => f.Sha256, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Submission!.Cells, StringComparer.Ordinal);
        var files = intake.Where(f => f.Status != IntakeStatus.Ignored)
            .Select(f => f.Submission is { Cells.Count: 0 } submission && readings.TryGetValue(f.Sha256, out var cells)
                ? f with { Submission = submission with { Cells = cells } }
                : f)
            .ToList();
        // One name per file, unique however the file system compares names: no two parallel writes share a path.
        var names = ReceiptNames.Assign([.. files.Select(f => f.File)]);
        var written = new string[files.Count];
        // Receipts are independent workbooks drawn from the intake results alone: written on every core.
        Parallel.For(0, files.Count, index =>
        {
            written[index] = OutputFile.Write(Path.Combine(folder, names[index]), writer.Write(files[index], definition));
        });
        return written;
    }
}
