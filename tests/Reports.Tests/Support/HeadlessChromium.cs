using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Reports.Tests.Support;

/// <summary>
/// Debian's chromium driven headless through its own chromedriver (Selenium WebDriver, with the paths given so nothing
/// is looked up or downloaded), downloads going into a folder of the test's. Only where <see cref="ChromiumFactAttribute"/> lets a test run.
/// </summary>
public sealed class HeadlessChromium : IDisposable
{
    private readonly ChromeDriver _driver;

    public HeadlessChromium(string downloads)
    {
        Downloads = downloads;
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromiumFactAttribute.Driver)!, Path.GetFileName(ChromiumFactAttribute.Driver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        // The browser's fonts are the project's own (fonts/), not the machine's: on a machine with none (a server, or
        // fresh-clone-check hiding them) chromium's renderer crashes, and this way pages look the same anywhere.
        var options = new ChromeOptions { BinaryLocation = WithProjectFonts(downloads) };
        // Headless, as root in a container (no sandbox, a small /dev/shm), an A4-ish window, Chinese first.
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1100,1400", "--lang=zh-CN",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions");
        options.AddUserProfilePreference("download.default_directory", downloads);
        options.AddUserProfilePreference("download.prompt_for_download", false);
        options.AddUserProfilePreference("safebrowsing.enabled", false);
        _driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        _driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(60);
    }

    public IWebDriver Driver => _driver;

    /// <summary>
    /// A launcher beside <paramref name="folder"/> that starts Debian's chromium with a fontconfig knowing the repository's
    /// fonts/ only (chromedriver passes no environment of its own choosing to the browser).
    /// </summary>
    private static string WithProjectFonts(string folder)
    {
        var home = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(folder))!, "chromium-fonts");
        var file = ProjectFonts.ConfigFile(home);
        var launcher = Path.Combine(home, "chromium");
        File.WriteAllText(launcher, $"#!/bin/sh\nFONTCONFIG_FILE='{file.Replace("'", "'\\''", StringComparison.Ordinal)}' exec '{ChromiumFactAttribute.Chromium!.Replace("'", "'\\''", StringComparison.Ordinal)}' \"$@\"\n");
        if (!OperatingSystem.IsWindows()) // Debian's chromium: ChromiumFact lets these tests run nowhere else
        {
            File.SetUnixFileMode(launcher, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return launcher;
    }

    /// <summary>Where downloaded files land.</summary>
    public string Downloads { get; }

    public void Open(Uri address) => _driver.Navigate().GoToUrl(address);

    /// <summary>The page's visible text.</summary>
    public string Text => _driver.FindElement(By.TagName("body")).Text;

    /// <summary>Waits until the page's text holds <paramref name="text"/> (a hang guard, not a speed check); false if it never does.</summary>
    public bool WaitForText(string text, TimeSpan? guard = null)
    {
        try
        {
            var wait = new WebDriverWait(_driver, guard ?? TimeSpan.FromSeconds(60));
            // A form just submitted: the old page's body goes stale under the reader while the new one loads.
            wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));
            return wait.Until(d => d.FindElement(By.TagName("body")).Text.Contains(text, StringComparison.Ordinal));
        }
        catch (WebDriverTimeoutException)
        {
            return false;
        }
    }

    /// <summary>Saves the whole page (its full height) as a PNG.</summary>
    public void Screenshot(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        // The window as tall as the page's content (plus the window's own frame), so the screenshot shows all of it.
        var height = Convert.ToInt32(_driver.ExecuteScript(
            "return Math.ceil(Math.max(0, ...Array.from(document.body.children).map(e => e.getBoundingClientRect().bottom + window.scrollY))"
            + " + window.outerHeight - window.innerHeight);"),
            System.Globalization.CultureInfo.InvariantCulture);
        var size = _driver.Manage().Window.Size;
        _driver.Manage().Window.Size = new System.Drawing.Size(size.Width, Math.Clamp(height + 24, 400, 6000));
        _driver.GetScreenshot().SaveAsFile(path);
        _driver.Manage().Window.Size = size;
    }

    public void Dispose()
    {
        _driver.Quit();
        _driver.Dispose();
    }
}
