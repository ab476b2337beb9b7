using OpenQA.Selenium;
using Reports.Intake;
using Reports.Rosters;
using Reports.Tests.Support;

namespace Reports.Tests.Desk;

/// <summary>
/// The reception desk in a real browser: Debian's chromium, headless, against a real <c>reports serve</c> (Kestrel on a
/// loopback port). A county signs in with its code, hands in a bad and then a good return, reads every finding on the
/// page and downloads the receipt; the office signs in and sees the unit 已报送. Each page is saved as a PNG: into
/// REPORTS_DESK_SCREENSHOTS when set (docs/desk/ holds the ones looked at), else beside the test's store.
/// Skipped, with the reason, where chromium or chromedriver is missing.
/// </summary>
public sealed class BrowserTests : IClassFixture<BrowserTests.Desk>
{
    /// <summary>One desk and one browser for the class: starting each takes seconds.</summary>
    public sealed class Desk : IDisposable
    {
        private readonly Lazy<(DeskProcess Server, HeadlessChromium Browser)> _started = new(() =>
        {
            var server = new DeskProcess();
            return (server, new HeadlessChromium(server.Sub("downloads")));
        });

        public DeskProcess Server => _started.Value.Server;

        public HeadlessChromium Browser => _started.Value.Browser;

        public void Dispose()
        {
            if (_started.IsValueCreated)
            {
                _started.Value.Browser.Dispose();
                _started.Value.Server.Dispose();
            }
        }
    }

    private static readonly RosterUnit Luzhou = Samples.Changzhi.Units[0];
    private readonly Desk _desk;

    public BrowserTests(Desk desk) => _desk = desk;

    private string Screenshots => Environment.GetEnvironmentVariable("REPORTS_DESK_SCREENSHOTS") is { Length: > 0 } folder ? folder : _desk.Server.Sub("screenshots");

    [ChromiumFact]
    public void A_county_hands_in_a_bad_and_a_good_return_and_the_office_sees_it_reported()
    {
        var browser = _desk.Browser;
        var server = _desk.Server;
        var files = server.Sub("county");
        // A count field with a fraction: rejected. The same unit's clean return after it: accepted, and it counts.
        var badValues = Samples.ValuesOf(Luzhou.Code);
        badValues["loan_households"] = "12.5";
        var bad = Samples.WriteFilled(server.Sub("bad"), Luzhou, badValues);
        var good = Samples.WriteFilled(files, Luzhou, Samples.ValuesOf(Luzhou.Code));
        var expected = new ReturnFileReader(new IntakeContext(Samples.Campaign, Samples.Changzhi, Samples.Period)).Read(bad);
        Assert.Equal(IntakeStatus.Rejected, expected.Status);
        Assert.Contains(expected.Diagnostics, d => d.IsError);

        SignIn(server.UnitCodes[Luzhou.Code]);
        Assert.True(browser.WaitForText("上传报送"), browser.Text);
        Assert.Contains(Luzhou.Name, browser.Text);
        Assert.Contains("本期尚未报送", browser.Text);

        Upload(bad);
        Assert.True(browser.WaitForText("报送结果"), browser.Text);
        var verdict = Section("报送结果");
        Assert.Contains("退回", verdict);
        foreach (var finding in expected.Diagnostics)
        {
            // Every finding as validate and the receipt say it: its code, its cell and its message.
            Assert.Contains(finding.Code, verdict);
            Assert.Contains(finding.Message, verdict);
            if (finding.Cell is not null)
            {
                Assert.Contains($"{finding.Sheet}!{finding.Cell}", verdict);
            }
        }
        browser.Screenshot(Path.Combine(Screenshots, "county-rejected.png"));

        Upload(good);
        Assert.True(browser.WaitForText("没有发现问题"), browser.Text);
        Assert.Contains("通过", Section("报送结果"));
        browser.Screenshot(Path.Combine(Screenshots, "county.png"));

        // The receipt, downloaded as the clerk would: an .xlsx that names the file handed in (by its SHA-256: the desk keeps
        // no name a client chose).
        browser.Driver.FindElements(By.LinkText("下载回执")).First().Click();
        string? receipt = null;
        Assert.True(Waiting.Until(() => (receipt = Directory.GetFiles(browser.Downloads, "*.xlsx").FirstOrDefault()) is not null, TimeSpan.FromSeconds(60)),
            $"no receipt downloaded: {string.Join(", ", Directory.GetFiles(browser.Downloads))}");
        var workbook = new WorkbookReadBack(receipt!);
        Assert.Contains(workbook.Sheets.SelectMany(s => s.Cells.Values), c => c.Text?.Contains(Sha256Of(good), StringComparison.Ordinal) == true);

        SignOut();
        browser.Screenshot(Path.Combine(Screenshots, "signin.png"));
        SignIn(server.OfficeCode);
        Assert.True(browser.WaitForText("各单位"), browser.Text);
        var row = browser.Driver.FindElements(By.TagName("tr")).Select(r => r.Text).Single(t => t.StartsWith(Luzhou.Code, StringComparison.Ordinal));
        Assert.Contains("已报送", row);
        var other = browser.Driver.FindElements(By.TagName("tr")).Select(r => r.Text).Single(t => t.StartsWith(Samples.Changzhi.Units[1].Code, StringComparison.Ordinal));
        Assert.Contains("未报送", other);
        Assert.Contains("催报", browser.Text);
        browser.Screenshot(Path.Combine(Screenshots, "office.png"));
        SignOut();
    }

    [ChromiumFact]
    public void A_wrong_code_is_refused_on_the_sign_in_page()
    {
        var browser = _desk.Browser;
        var code = _desk.Server.UnitCodes[Luzhou.Code];

        SignIn(code[..^1] + (code[^1] == 'A' ? 'B' : 'A'));

        Assert.True(browser.WaitForText("报送码不正确"), browser.Text);
        Assert.Empty(browser.Driver.FindElements(By.CssSelector("input[type=file]")));
        Assert.DoesNotContain(code[..^1], browser.Driver.PageSource);
    }

    [Fact]
    public void Without_chromium_the_browser_tests_are_skipped_and_say_why()
    {
        var reason = ChromiumFactAttribute.Missing("/nonexistent/chromium", ChromiumFactAttribute.Driver);

        Assert.NotNull(reason);
        Assert.Contains("/nonexistent/chromium", reason);
        Assert.Contains("apt-get install chromium chromium-driver", reason);
        Assert.Equal(File.Exists(ChromiumFactAttribute.Chromium) && File.Exists(ChromiumFactAttribute.Driver), new ChromiumFactAttribute().Skip is null);
    }

    private void SignIn(string code)
    {
        var browser = _desk.Browser;
        browser.Driver.Manage().Cookies.DeleteAllCookies(); // whoever was signed in before
        browser.Open(_desk.Server.Address);
        var field = browser.Driver.FindElement(By.Id("code"));
        field.Clear();
        field.SendKeys(code);
        browser.Driver.FindElement(By.CssSelector("form[action='/signin'] button[type=submit]")).Click();
    }

    private void SignOut()
    {
        _desk.Browser.Driver.FindElement(By.CssSelector("header form button")).Click();
        Assert.True(Waiting.Until(() => _desk.Browser.Driver.FindElements(By.Id("code")).Count > 0, TimeSpan.FromSeconds(60)), _desk.Browser.Text);
    }

    private void Upload(string path)
    {
        var form = _desk.Browser.Driver.FindElement(By.CssSelector("form.upload"));
        form.FindElement(By.CssSelector("input[type=file]")).SendKeys(path);
        form.FindElement(By.CssSelector("button[type=submit]")).Click();
    }

    private static string Sha256Of(string path) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>The text of the page's section headed <paramref name="heading"/>.</summary>
    private string Section(string heading) =>
        _desk.Browser.Driver.FindElements(By.TagName("section")).Select(s => s.Text).First(t => t.StartsWith(heading, StringComparison.Ordinal));
}
