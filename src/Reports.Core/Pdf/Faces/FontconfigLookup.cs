using System.Diagnostics;
using System.Globalization;
using Reports.Pdf;

namespace Reports.Pdf.Faces;

/// <summary>
/// Installed fonts through fontconfig's <c>fc-list</c> (Linux, domestic distributions included). fc-list matches the
/// family exactly (any of a font's family names, in any language), unlike fc-match, which always returns some font.
/// No fc-list, or one that fails, means no installed fonts.
/// </summary>
public sealed class FontconfigLookup : IFontLookup
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public PdfFontFile? Find(string family)
    {
        try
        {
            var start = new ProcessStartInfo("fc-list")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(":family=" + family);
            start.ArgumentList.Add("-f");
            start.ArgumentList.Add("%{file}\t%{index}\n");
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }
            var text = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(Patience) || process.ExitCode != 0)
            {
                return null;
            }
            // Several files may carry the family (regular, bold): the first in file-name order, so the choice is stable.
            return text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split('\t'))
                .Where(parts => parts.Length == 2 && File.Exists(parts[0]))
                .Select(parts => new PdfFontFile(parts[0], int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : 0))
                .OrderBy(f => f.Path, StringComparer.Ordinal)
                .FirstOrDefault();
        }
        catch (Exception problem) when (problem is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return null;
        }
    }
}
