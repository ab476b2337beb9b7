namespace Reports.Tests.Support;

/// <summary>
/// A fontconfig file that knows the repository's fonts/ only, for the outside programs the tests drive (chromium,
/// LibreOffice): on a machine with no fonts of its own (a server, or fresh-clone-check hiding them) they fail without
/// one, and with it they draw the same anywhere.
/// </summary>
public static class ProjectFonts
{
    /// <summary>Writes the file (and its cache folder) under <paramref name="folder"/>; returns its path, for FONTCONFIG_FILE.</summary>
    public static string ConfigFile(string folder)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "fonts.conf");
        File.WriteAllText(file, $"""
            <?xml version="1.0"?>
            <fontconfig>
              <dir>{System.Security.SecurityElement.Escape(Path.Combine(RepositoryPaths.Root, "fonts"))}</dir>
              <cachedir>{System.Security.SecurityElement.Escape(Path.Combine(folder, "cache"))}</cachedir>
            </fontconfig>
            """);
        return file;
    }
}
