using Reports.Definitions;
using Reports.Intake;
using Reports.Pipeline;

namespace Reports.Outputs.Receipts;

/// <summary>Writes a receipt for every file intake looked at (ignored non-workbooks excepted) into one folder.</summary>
public static class ReceiptFolder
{
    /// <param name="originalOf">The county's bytes of a file, as received (from the inbox or the store); null when not at hand.</param>
    public static IReadOnlyList<string> Write(IEnumerable<IntakeFileResult> intake, ReturnDefinition definition, string folder, TimeProvider clock,
        Func<IntakeFileResult, byte[]?>? originalOf = null)
    {
        OutputFile.CreateFolder(folder);
        var writer = new ReceiptWriter(clock);
        var files = intake.Where(f => f.Status != IntakeStatus.Ignored).ToList();
        var written = new string[files.Count];
        var gate = new object();
        // Receipts are independent workbooks: written on every core. The originals may come from the store, whose
        // connection is not to be shared between threads, so they are fetched one at a time.
        Parallel.For(0, files.Count, index =>
        {
            byte[]? original;
            lock (gate)
            {
                original = originalOf?.Invoke(files[index]);
            }
            var bytes = writer.Write(files[index], definition, original);
            written[index] = OutputFile.Write(Path.Combine(folder, ReceiptWriter.FileNameFor(files[index])), bytes);
        });
        return written;
    }
}
