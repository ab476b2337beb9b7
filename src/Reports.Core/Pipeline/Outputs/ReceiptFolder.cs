using Reports.Definitions;
using Reports.Intake;
using Reports.Outputs.Receipts;

namespace Reports.Pipeline.Outputs;

/// <summary>
/// Writes a receipt for every file intake looked at (ignored non-workbooks excepted) into one folder: the pipeline's
/// part of the receipts (files, names in the folder); the receipts themselves know no pipeline.
/// </summary>
public static class ReceiptFolder
{
    public static IReadOnlyList<string> Write(IEnumerable<IntakeFileResult> intake, ReturnDefinition definition, string folder, TimeProvider clock, ReceiptPurpose purpose = ReceiptPurpose.Reception, OutputWriting? writing = null)
    {
        OutputFile.CreateFolder(folder);
        var writer = new ReceiptWriter(clock, purpose);
        var files = intake.Where(f => f.Status != IntakeStatus.Ignored).ToList();
        // One name per file, unique however the file system compares names: no two parallel writes share a path.
        var names = ReceiptNames.Assign([.. files.Select(f => f.File)], purpose);
        var written = new string[files.Count];
        // Receipts are independent workbooks drawn from the intake results alone: written on every core.
        Parallel.For(0, files.Count, index =>
        {
            written[index] = OutputFile.Write(Path.Combine(folder, names[index]), writer.Write(files[index], definition), writing);
        });
        return written;
    }
}
