using Reports.Definitions;
using Reports.Intake;
using Reports.Pipeline;

namespace Reports.Outputs.Receipts;

/// <summary>Writes a receipt for every file intake looked at (ignored non-workbooks excepted) into one folder.</summary>
public static class ReceiptFolder
{
    public static IReadOnlyList<string> Write(IReadOnlyList<IntakeFileResult> intake, ReturnDefinition definition, string folder, TimeProvider clock)
    {
        Directory.CreateDirectory(folder);
        var writer = new ReceiptWriter(clock);
        var written = new List<string>();
        foreach (var file in intake.Where(f => f.Status != IntakeStatus.Ignored))
        {
            var bytes = writer.Write(file, definition, OriginalIfSafe(file));
            written.Add(OutputFile.Write(Path.Combine(folder, ReceiptWriter.FileNameFor(file)), bytes));
        }
        return written;
    }

    /// <summary>The county's bytes, only for a file intake identified, and only if they are still the bytes it read.</summary>
    private static byte[]? OriginalIfSafe(IntakeFileResult file)
    {
        if (file.Submission is null)
        {
            return null;
        }
        try
        {
            var bytes = File.ReadAllBytes(file.File);
            return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)) == file.Sha256 ? bytes : null;
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
