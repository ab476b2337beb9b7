using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Reports.Desk;
using Reports.Pipeline;
using Reports.Tests.Support;

namespace Reports.Tests.Desk;

/// <summary>How the desk listens: HTTPS from the certificate the settings name; plain HTTP off loopback only when allowed.</summary>
public sealed class DeskTransportTests
{
    [Fact]
    public void Plain_http_on_an_intranet_address_is_refused_unless_allowed()
    {
        using var temp = new TempDirectory();
        var refused = Support.Cli.Invoke("serve", "--return", Samples.ReturnCode, "--period", Samples.Period.ToString(), "--roster", RepositoryPaths.SampleRoster,
            "--store", Path.Combine(temp.Path, "store.db"), "--urls", "http://0.0.0.0:5097");
        Assert.Equal((int)ExitCode.UsageError, refused.Exit);
        Assert.Contains("明文 HTTP", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("Reports:Desk:AllowHttp", refused.Stderr, StringComparison.Ordinal);
    }

    [UnixFact]
    public void Https_is_served_with_the_certificate_the_settings_name_and_the_sign_in_cookie_is_secure()
    {
        using var temp = new TempDirectory();
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=reports-desk-test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var pfx = Path.Combine(temp.Path, "desk.pfx");
        File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx, "口令-1"));
        var thumbprint = certificate.Thumbprint;
        string? presented = null;

        // The client trusts exactly this certificate, and notes what the server presented.
        HttpMessageHandler Trusting() => new HttpClientHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            ServerCertificateCustomValidationCallback = (_, served, _, errors) =>
            {
                presented = served?.Thumbprint;
                return served?.Thumbprint == thumbprint && (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None;
            },
        };

        using var desk = new DeskProcess("https", Trusting,
            "--setting", $"Reports:Desk:Certificate={pfx}", "--setting", "Reports:Desk:CertificatePassword=口令-1");
        using var client = new HttpClient(Trusting()) { BaseAddress = desk.Address };
        var health = client.GetAsync("healthz").GetAwaiter().GetResult();
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(thumbprint, presented);

        // Signing in over HTTPS sets a cookie marked Secure (and HttpOnly, SameSite=Strict).
        var page = client.GetAsync("").GetAwaiter().GetResult();
        var form = page.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        var token = System.Text.RegularExpressions.Regex.Match(form, $"name=\"{DeskApp.AntiforgeryField}\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        var signIn = new HttpRequestMessage(HttpMethod.Post, "signin")
        {
            Content = new FormUrlEncodedContent([new("code", desk.UnitCodes[Samples.Changzhi.Units[0].Code]), new(DeskApp.AntiforgeryField, WebUtility.HtmlDecode(token))]),
        };
        foreach (var cookie in page.Headers.TryGetValues("Set-Cookie", out var set) ? set : [])
        {
            signIn.Headers.Add("Cookie", cookie.Split(';')[0]);
        }
        var signedIn = client.SendAsync(signIn).GetAwaiter().GetResult();
        var cookies = signedIn.Headers.TryGetValues("Set-Cookie", out var given) ? given.ToList() : [];
        Assert.True(cookies.Count > 0, $"no cookie set by sign-in: {(int)signedIn.StatusCode}");
        Assert.All(cookies, c =>
        {
            Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase);
        });
    }
}
