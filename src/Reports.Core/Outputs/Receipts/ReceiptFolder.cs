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
        Directory.CreateDirectory(folder);
        var writer = new ReceiptWriter(clock);
        var written = new List<string>();
        foreach (var file in intake.Where(f => f.Status != IntakeStatus.Ignored))
        {
            var bytes = writer.Write(file, definition, (originalOf ?? ReceivedFile.ReadIfUnchanged)(file));
            written.Add(OutputFile.Write(Path.Combine(folder, ReceiptWriter.FileNameFor(file)), bytes));
        }
        return written;
    }
}
