using System.Net;
using Reports.Desk;
using Reports.Rosters;
using Reports.Tests.Support;

namespace Reports.Tests.Desk;

/// <summary>The pages: sign in, the county's page with its verdict, findings, template and history, the office's reporting table and 催报 list.</summary>
public sealed class DeskPageTests
{
    [Fact]
    public async Task A_county_signs_in_uploads_and_reads_every_finding_with_what_to_do()
    {
        using var desk = new DeskServer();
        using var folder = new TempDirectory();
        var bad = File.ReadAllBytes(Samples.WriteFilled(folder.Path, Samples.Changzhi.Find("140403")!, DeskApiTests.BadValues("140403")));
        var browser = desk.Browser();
        var signIn = await browser.GetStringAsync("/");
        Assert.Contains("报送码", signIn, StringComparison.Ordinal);
        Assert.Contains("type=\"password\"", signIn, StringComparison.Ordinal);
        await DeskServer.SignIn(browser, desk.CountyCode("140403"));
        var county = await browser.GetStringAsync("/county");
        Assert.Contains("潞州区（140403）", county, StringComparison.Ordinal);
        Assert.Contains("本期尚未报送", county, StringComparison.Ordinal);
        Assert.Contains("enctype=\"multipart/form-data\"", county, StringComparison.Ordinal);

        var upload = await DeskServer.Upload(browser, bad, path: "/county/upload", antiforgery: await DeskServer.Token(browser, "/county"));
        Assert.Equal(HttpStatusCode.SeeOther, upload.StatusCode);
        var verdict = await browser.GetStringAsync(upload.Headers.Location!.OriginalString);
        var version = new DeskLedger(desk.Options).View(Samples.Campaign).VersionsOf("140403").Single();
        var findings = version.Diagnostics;
        Assert.NotEmpty(findings);
        foreach (var finding in findings)
        {
            Assert.Contains(WebUtility.HtmlEncode(finding.Message).Replace("&#39;", "&#x27;", StringComparison.Ordinal), verdict, StringComparison.Ordinal);
            Assert.Contains(Reports.Diagnostics.DiagnosticCatalog.Find(finding.Code)!.Advice, verdict, StringComparison.Ordinal);
            if (finding.Cell is not null)
            {
                Assert.Contains($"{finding.Sheet}!{finding.Cell}", verdict, StringComparison.Ordinal);
            }
        }
        Assert.Contains("退回", verdict, StringComparison.Ordinal);
        Assert.Equal($"/api/v1/receipts/{version.Sha256}", ReceiptLink(verdict));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(ReceiptLink(verdict))).StatusCode);
    }

    [Fact]
    public async Task The_county_downloads_its_prefilled_template_which_intake_reads_as_its_own()
    {
        using var desk = new DeskServer();
        var browser = desk.Browser();
        await DeskServer.SignIn(browser, desk.CountyCode("140403"));
        var response = await browser.GetAsync("/county/template?return=campaign-5plus1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("140403-潞州区-campaign-5plus1-2022-06.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        var identity = Reports.Intake.ReturnFileReader.Peek(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(new Reports.Intake.ReturnIdentity("campaign-5plus1", Samples.Campaign.Version, "140403", "2022-06"), identity);
    }

    [Fact]
    public async Task The_office_sees_the_reporting_table_each_unit_and_the_chase_list()
    {
        using var desk = new DeskServer();
        using var folder = new TempDirectory();
        await DeskServer.Upload(desk.Api(desk.CountyCode("140403")), File.ReadAllBytes(Samples.WriteFilled(folder.Path, Samples.Changzhi.Find("140403")!, Samples.ValuesOf("140403"))));
        await DeskServer.Upload(desk.Api(desk.CountyCode("140404")), File.ReadAllBytes(Samples.WriteFilled(folder.Path, Samples.Changzhi.Find("140404")!, DeskApiTests.BadValues("140404"))));
        var office = desk.Browser();
        var signIn = await DeskServer.SignIn(office, desk.OfficeCode());
        Assert.Equal("/office", signIn.Headers.Location?.OriginalString);
        var page = await office.GetStringAsync("/office");
        foreach (var header in new[] { "应报", "已报送", "通过", "退回", "未报送", "按时", "催报" })
        {
            Assert.Contains($">{header}<", page, StringComparison.Ordinal);
        }
        var units = Samples.Changzhi.Units.Count;
        Assert.Contains($"<td class=\"n\">{units}</td><td class=\"n\">2（", page, StringComparison.Ordinal);
        Assert.Contains("<td class=\"n\">1</td><td class=\"n\">" + (units - 2) + "</td>", page, StringComparison.Ordinal);
        var chase = page[page.IndexOf("<h3>催报</h3>", StringComparison.Ordinal)..page.IndexOf("<h3>各单位</h3>", StringComparison.Ordinal)];
        Assert.DoesNotContain("潞州区", chase, StringComparison.Ordinal);
        Assert.Contains("上党区（140404）：退回待改", chase, StringComparison.Ordinal);
        Assert.Contains("屯留区（140405）：未报送", chase, StringComparison.Ordinal);
        // A county cannot see the office's page.
        var county = desk.Browser();
        await DeskServer.SignIn(county, desk.CountyCode("140405"));
        Assert.Equal("/county", (await county.GetAsync("/office")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task County_text_is_HTML_encoded_on_every_page()
    {
        using var folder = new TempDirectory();
        var roster = RosterLoader.Load(Samples.WriteRoster(folder.Path, new RosterUnit("140403", "<img src=x onerror=alert(1)>区")));
        using var desk = new DeskServer(roster: roster);
        var county = desk.Browser();
        await DeskServer.SignIn(county, desk.CountyCode("140403"));
        var office = desk.Browser();
        await DeskServer.SignIn(office, desk.OfficeCode());
        foreach (var page in new[] { await county.GetStringAsync("/county"), await office.GetStringAsync("/office") })
        {
            Assert.DoesNotContain("<img", page, StringComparison.Ordinal);
            Assert.Contains("&lt;img src=x onerror=alert(1)&gt;区", page, StringComparison.Ordinal);
        }
    }

    private static string ReceiptLink(string page)
    {
        var at = page.IndexOf("/api/v1/receipts/", StringComparison.Ordinal);
        return page.Substring(at, "/api/v1/receipts/".Length + 64);
    }
}
