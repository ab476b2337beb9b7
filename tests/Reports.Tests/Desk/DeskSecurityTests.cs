using System.Net;
using Reports.Desk;
using Reports.Intake.Xlsx;
using Reports.Tests.Support;

namespace Reports.Tests.Desk;

/// <summary>Each security point of the desk, shown: codes, roles, antiforgery, cookie flags, rate limits, audit, size cap, CSP.</summary>
public sealed class DeskSecurityTests
{
    [Fact]
    public async Task No_unknown_or_revoked_code_is_401_with_an_error_body()
    {
        using var desk = new DeskServer();
        var code = desk.CountyCode("140403");
        Assert.Equal(HttpStatusCode.OK, (await desk.Api(code).GetAsync("/api/v1/me")).StatusCode);
        desk.Codes.Revoke("140403");
        foreach (var response in new[]
                 {
                     await desk.CreateClient().GetAsync("/api/v1/me"),
                     await desk.Api("ABCDEFGHJKMNPQRSTUVWXYZ2").GetAsync("/api/v1/me"),
                     await desk.Api(code).GetAsync("/api/v1/me"),
                     await DeskServer.Upload(desk.Api(code), [1, 2, 3]),
                 })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("报送码", (await DeskServer.Json(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_revoked_code_ends_its_browser_session_at_once()
    {
        using var desk = new DeskServer();
        var browser = desk.Browser();
        var signIn = await DeskServer.SignIn(browser, desk.CountyCode("140403"));
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        Assert.Equal("/county", signIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/me")).StatusCode);
        desk.Codes.Revoke("140403");
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/me")).StatusCode);
        var page = await browser.GetAsync("/county");
        Assert.Equal(HttpStatusCode.SeeOther, page.StatusCode);
        Assert.Equal("/", page.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_county_asking_for_the_status_is_403_and_the_office_cannot_upload()
    {
        using var desk = new DeskServer();
        var county = await desk.Api(desk.CountyCode("140403")).GetAsync("/api/v1/status");
        Assert.Equal(HttpStatusCode.Forbidden, county.StatusCode);
        Assert.True((await DeskServer.Json(county)).GetProperty("error").GetString()!.Length > 0);
        Assert.Equal(HttpStatusCode.OK, (await desk.Api(desk.OfficeCode()).GetAsync("/api/v1/status")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await DeskServer.Upload(desk.Api(desk.OfficeCode()), [1, 2, 3])).StatusCode);
    }

    [Fact]
    public async Task Every_form_needs_its_antiforgery_token()
    {
        using var desk = new DeskServer();
        using var folder = new TempDirectory();
        var bytes = File.ReadAllBytes(Samples.WriteFilled(folder.Path, Samples.Changzhi.Find("140403")!, Samples.ValuesOf("140403")));
        var code = desk.CountyCode("140403");
        var browser = desk.Browser();
        await browser.GetAsync("/"); // the antiforgery cookie, but no token in the form
        var forged = await browser.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = code }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.True((await DeskServer.Json(forged)).GetProperty("error").GetString()!.Length > 0);
        Assert.Equal(HttpStatusCode.SeeOther, (await DeskServer.SignIn(browser, code)).StatusCode);

        // Signed in, a form posted from elsewhere (no token) stores nothing, through the page or the API.
        Assert.Equal(HttpStatusCode.BadRequest, (await DeskServer.Upload(browser, bytes, path: "/county/upload")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await DeskServer.Upload(browser, bytes)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await DeskServer.Upload(browser, bytes, path: "/county/upload", antiforgery: "forged")).StatusCode);
        Assert.Empty(new DeskLedger(desk.Options).View(Samples.Campaign).VersionsOf("140403"));
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.PostAsync("/signout", new FormUrlEncodedContent([]))).StatusCode);

        // With the page's token it goes through.
        var token = await DeskServer.Token(browser, "/county");
        var upload = await DeskServer.Upload(browser, bytes, path: "/county/upload", antiforgery: token);
        Assert.Equal(HttpStatusCode.SeeOther, upload.StatusCode);
        Assert.Single(new DeskLedger(desk.Options).View(Samples.Campaign).VersionsOf("140403"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_sign_in_cookie_is_HttpOnly_SameSite_Strict_and_Secure_under_HTTPS(bool https)
    {
        using var desk = new DeskServer();
        var code = desk.CountyCode("140403");
        var response = await DeskServer.SignIn(desk.Browser(https), code);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(DeskApp.CookieName + "=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", cookie, StringComparison.Ordinal);
        Assert.Equal(https, cookie.Contains("secure", StringComparison.Ordinal));
        // The code itself is never in the cookie in the clear.
        Assert.DoesNotContain(code.ToLowerInvariant(), cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_and_the_API_are_rate_limited_with_429_and_an_error_body()
    {
        using var desk = new DeskServer(adjust: o => o with { SignInsPerMinute = 3, RequestsPerMinute = 5 });
        var browser = desk.Browser();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add((await DeskServer.SignIn(browser, "WRONGCODEWRONGCODEWRONGC")).StatusCode);
        }
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], answers);

        var api = desk.Api(desk.CountyCode("140403"));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
        }
        var limited = await api.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("频繁", (await DeskServer.Json(limited)).GetProperty("error").GetString(), StringComparison.Ordinal);
        // Another code is counted apart.
        Assert.Equal(HttpStatusCode.OK, (await desk.Api(desk.CountyCode("140404")).GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Every_sign_in_upload_and_refusal_is_audited_and_no_code_is()
    {
        using var desk = new DeskServer();
        using var folder = new TempDirectory();
        var code = desk.CountyCode("140403");
        var bytes = File.ReadAllBytes(Samples.WriteFilled(folder.Path, Samples.Changzhi.Find("140403")!, Samples.ValuesOf("140403")));
        var browser = desk.Browser();
        await DeskServer.SignIn(browser, "WRONGCODEWRONGCODEWRONGC");
        await DeskServer.SignIn(browser, code);
        await DeskServer.Upload(desk.Api(code), bytes);
        await desk.Api(code).GetAsync("/api/v1/status");
        await desk.Api("NOTACODENOTACODENOTACODE").GetAsync("/api/v1/me");

        var rows = desk.Audit.Read();
        Assert.Contains(rows, r => r.Kind == "signin-refused" && r.Unit is null);
        Assert.Contains(rows, r => r.Kind == "signin" && r.Unit == "140403");
        Assert.Contains(rows, r => r.Kind == "upload" && r.Unit == "140403" && r.Detail.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Kind == "refused" && r.Unit == "140403" && r.Detail.StartsWith("403", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Kind == "refused" && r.Detail.StartsWith("401", StringComparison.Ordinal));
        Assert.All(rows, r => Assert.DoesNotContain(code, r.Detail, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.DoesNotContain("WRONGCODE", r.Detail, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_upload_over_intakes_byte_cap_is_413_and_stores_nothing()
    {
        using var desk = new DeskServer();
        Assert.Equal(XlsxLimits.Default.MaxFileBytes, desk.Options.MaxUploadBytes);
        var response = await DeskServer.Upload(desk.Api(desk.CountyCode("140403")), new byte[desk.Options.MaxUploadBytes + 1]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("上限", (await DeskServer.Json(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(new DeskLedger(desk.Options).View(Samples.Campaign).Decision.Files);
    }

    [Fact]
    public async Task A_file_part_over_the_cap_without_a_length_is_413_too()
    {
        // The request's length unknown (chunked): the form's own limit, intake's cap, stops the part.
        using var desk = new DeskServer(adjust: o => o with { MaxUploadBytes = 100_000 });
        using var form = new MultipartFormDataContent();
        form.Add(new StreamContent(new MemoryStream(new byte[200_000])), "file", "big.xlsx");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/returns") { Content = form };
        request.Headers.TransferEncodingChunked = true;
        var client = desk.Api(desk.CountyCode("140403"));
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Every_response_carries_a_content_security_policy_without_inline_script()
    {
        using var desk = new DeskServer();
        var browser = desk.Browser();
        var pages = new List<HttpResponseMessage> { await browser.GetAsync("/"), await browser.GetAsync("/desk.css"), await desk.CreateClient().GetAsync("/api/v1/me") };
        await DeskServer.SignIn(browser, desk.CountyCode("140403"));
        pages.Add(await browser.GetAsync("/county"));
        var office = desk.Browser();
        await DeskServer.SignIn(office, desk.OfficeCode());
        pages.Add(await office.GetAsync("/office"));
        foreach (var page in pages)
        {
            var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
            Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
            var body = await page.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(" style=", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("http://", body.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }
}
