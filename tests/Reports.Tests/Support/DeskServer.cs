using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Reports.Access;
using Reports.Desk;
using Reports.Rosters;
using Reports.Store;

namespace Reports.Tests.Support;

/// <summary>
/// The reception desk in process (WebApplicationFactory over the test server) on a fresh store, for the sample return
/// and period: codes issued through the real codes service, the audit in the store, the server's clock fixed.
/// </summary>
public sealed partial class DeskServer : WebApplicationFactory<DeskServer>
{
    private readonly ReturnStore _access;
    private readonly TempDirectory _folder = new();

    public DeskServer(TimeProvider? clock = null, DateTimeOffset? deadline = null, Func<DeskOptions, DeskOptions>? adjust = null, Roster? roster = null)
    {
        Clock = clock ?? FixedClock.Default;
        StorePath = Path.Combine(_folder.Path, "store", "reports.db");
        _access = ReturnStore.Open(StorePath, Clock);
        Codes = new AccessCodes(_access, Clock);
        Audit = new DeskAudit(_access, Clock);
        Roster = roster ?? Samples.Changzhi;
        var options = new DeskOptions([Samples.Campaign], Samples.Period, Roster, StorePath, Samples.Window, deadline, Codes, Audit, Clock);
        Options = adjust is null ? options : adjust(options);
    }

    public TimeProvider Clock { get; }

    public string StorePath { get; }

    public string Folder => _folder.Path;

    public Roster Roster { get; }

    public AccessCodes Codes { get; }

    public DeskAudit Audit { get; }

    public DeskOptions Options { get; }

    /// <summary>A new code for a roster unit (its old one revoked).</summary>
    public string CountyCode(string unit) => Codes.Issue(Roster.Find(unit)!);

    public string OfficeCode() => Codes.IssueOffice();

    protected override IHostBuilder CreateHostBuilder() => DeskApp.CreateHost(Options, _ => { });

    // The content root is the test's folder (the desk serves nothing from disk), not the one the factory's manifest guesses.
    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseContentRoot(AppContext.BaseDirectory);

    /// <summary>A client that keeps cookies and sees redirects as they are.</summary>
    public HttpClient Browser(bool https = false) => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri(https ? "https://localhost" : "http://localhost"),
    });

    /// <summary>A client that sends <paramref name="code"/> as a bearer code.</summary>
    public HttpClient Api(string code)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", code);
        return client;
    }

    /// <summary>Uploads a file as the multipart field <c>file</c>.</summary>
    public static async Task<HttpResponseMessage> Upload(HttpClient client, byte[] bytes, string name = "return.xlsx", string path = "/api/v1/returns", string? antiforgery = null)
    {
        using var form = new MultipartFormDataContent();
        if (antiforgery is not null)
        {
            form.Add(new StringContent(antiforgery), DeskApp.AntiforgeryField);
        }
        form.Add(new ByteArrayContent(bytes), "file", name);
        return await client.PostAsync(path, form);
    }

    /// <summary>The antiforgery token of the page at <paramref name="path"/> (the client keeps its cookie).</summary>
    public static async Task<string> Token(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return WebUtility.HtmlDecode(TokenField().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException($"no antiforgery token on {path}"));
    }

    /// <summary>Signs a browser in with a code through the sign-in form; the answer (303 to the unit's page, or the refusal).</summary>
    public static async Task<HttpResponseMessage> SignIn(HttpClient client, string code)
    {
        var token = await Token(client, "/");
        return await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string> { [DeskApp.AntiforgeryField] = token, ["code"] = code }));
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _access.Dispose();
            _folder.Dispose();
        }
    }

    [GeneratedRegex("name=\"__af\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
