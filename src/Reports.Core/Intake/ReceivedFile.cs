using System.Security.Cryptography;

namespace Reports.Intake;

/// <summary>A received file's bytes read again (for the store or a receipt), only if they are still the bytes intake read.</summary>
public static class ReceivedFile
{
    public static byte[]? ReadIfUnchanged(IntakeFileResult file)
    {
        if (file.Sha256.Length == 0 || !File.Exists(file.File))
        {
            return null;
        }
        try
        {
            var bytes = File.ReadAllBytes(file.File);
            return Convert.ToHexStringLower(SHA256.HashData(bytes)) == file.Sha256 ? bytes : null;
        }
        catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
