namespace Reports.Tests.Support;

/// <summary>
/// A fact that needs a real browser: Debian's chromium and its chromedriver (<c>apt-get install chromium
/// chromium-driver</c>, which .ci/run does). Where either is missing the test is reported skipped with the reason,
/// never passed.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";
    public const string Driver = "/usr/bin/chromedriver";

    public ChromiumFactAttribute()
    {
        if (Missing() is { } reason)
        {
            Skip = reason;
        }
    }

    /// <summary>Why the browser tests cannot run here; null when they can.</summary>
    public static string? Missing() => Missing(Chromium, Driver);

    /// <summary>Why the browser tests cannot run with these binaries; null when each exists.</summary>
    public static string? Missing(params string[] binaries)
    {
        var absent = binaries.Where(p => !File.Exists(p)).ToList();
        return absent.Count == 0 ? null
            : $"no browser to drive: {string.Join(" and ", absent)} not found (install Debian's chromium: apt-get install chromium chromium-driver)";
    }
}
