using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Reports.Access;
using Reports.Cli.Settings;
using Reports.Definitions;
using Reports.Desk;
using Reports.Intake;
using Reports.Periods;
using Reports.Pipeline;
using Reports.Rosters;
using Reports.Store;

namespace Reports.Cli.Verbs;

/// <summary>What <c>serve</c> is asked: the returns (comma-separated) and period to open, the roster, and where to listen (else Reports:Desk:Urls).</summary>
public sealed record ServeRequest(string ReturnCodes, ReportingPeriod Period, string RosterPath, string? Urls);

/// <summary>
/// <c>reports serve</c>: opens the period for reception on the intranet (the reception desk, <see cref="DeskApp"/>): counties
/// sign in with their codes, upload returns and get the verdict and receipt at once; every upload goes into the store
/// the command line reads. Listens on loopback unless told otherwise; plain HTTP off loopback only when
/// Reports:Desk:AllowHttp says so; HTTPS from the certificate in settings. Ctrl-C or SIGTERM stops it within seconds.
/// </summary>
public sealed class ServeVerb(ReportsSettings settings, TimeProvider clock, TextWriter output, TextWriter error, UiText text)
{
    /// <summary>Cancelled on Ctrl-C: the desk stops.</summary>
    public CancellationToken Interrupted { get; init; }

    /// <summary>Told as the store records each upload in its open transaction (a crash test pauses there).</summary>
    public IProgress<IntakeFileResult>? Recorded { get; init; }

    public int Execute(ServeRequest request)
    {
        var codes = request.ReturnCodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (codes.Length == 0 || codes.Distinct().Count() != codes.Length)
        {
            throw new SettingsException(text.T($"--return 的值“{request.ReturnCodes}”无效：应为一个或多个不重复的报表代码，用逗号分隔", $"--return “{request.ReturnCodes}” should be one or more distinct return codes, comma-separated"));
        }
        var definitions = codes.Select(c => ReturnDefinitionLoader.LoadFor(settings.TemplatesDirectory, c, request.Period)).ToList();
        var roster = RosterLoader.Load(request.RosterPath);
        var endpoints = (request.Urls ?? settings.Desk.Urls).Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(u => DeskEndpoint.Parse(u, text)).ToList();
        if (endpoints.Count == 0)
        {
            throw new SettingsException(text.T("没有给出报送台的地址（--urls 或 Reports:Desk:Urls）", "no address for the desk (--urls or Reports:Desk:Urls)"));
        }
        if (endpoints.FirstOrDefault(e => !e.Https && !e.Loopback) is { } open && !settings.Desk.AllowHttp)
        {
            throw new SettingsException(text.T(
                $"{open.Url} 是本机以外的地址上的明文 HTTP：报送码会以明文在内网上传送。请用 https:// 并在 Reports:Desk:Certificate 中给出证书，或确需明文时设置 Reports:Desk:AllowHttp=true",
                $"{open.Url} is plain HTTP on an address other than loopback: codes would cross the intranet in clear. Use https:// with Reports:Desk:Certificate, or set Reports:Desk:AllowHttp=true if you must"));
        }
        var certificate = endpoints.Any(e => e.Https) ? Certificate() : null;
        DateTimeOffset? deadline = settings.DeadlineFor(request.Period) is { } due ? new DateTimeOffset(due, clock.LocalTimeZone.GetUtcOffset(due)) : null;
        // The codes and the audit share one connection to the store for the desk's life; each upload opens its own.
        using var access = ReturnStore.Open(settings.Store, clock);
        var options = new DeskOptions(definitions, request.Period, roster, settings.Store, settings.Window, deadline,
            new AccessCodes(access, clock), new DeskAudit(access, clock), clock)
        {
            Recorded = Recorded,
        };
        using var host = DeskApp.CreateHost(options, web => web.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxUploadBytes + DeskApp.FormOverhead;
            foreach (var endpoint in endpoints)
            {
                void Listen(Microsoft.AspNetCore.Server.Kestrel.Core.ListenOptions listen)
                {
                    if (endpoint.Https)
                    {
                        listen.UseHttps(certificate!);
                    }
                }
                if (endpoint.IsLocalhost)
                {
                    kestrel.ListenLocalhost(endpoint.Url.Port, Listen);
                }
                else
                {
                    kestrel.Listen(endpoint.Address, endpoint.Url.Port, Listen);
                }
            }
        }).UseShutdownTimeout(TimeSpan.FromSeconds(5))).UseConsoleLifetime(o => o.SuppressStatusMessages = true).Build();
        try
        {
            host.StartAsync(Interrupted).GetAwaiter().GetResult();
        }
        catch (IOException problem)
        {
            error.WriteLine(text.T($"reports: 错误：无法在 {string.Join("、", endpoints.Select(e => e.Url))} 上开放报送台（{problem.Message}）：端口可能已被占用",
                $"reports: error: cannot open the desk on {string.Join(", ", endpoints.Select(e => e.Url))} ({problem.Message}): the port may be in use"));
            return (int)ExitCode.Failure;
        }
        var open2 = string.Join(text.T("、", ", "), endpoints.SelectMany(e => e.ForCounties()));
        output.WriteLine(text.T(
            $"报送台已开放：{roster.Name} {string.Join("、", definitions.Select(d => d.Title))} {request.Period}。各单位在浏览器中打开 {open2}，用报送码登录（按 Ctrl-C 停止）",
            $"the desk is open: {roster.Name} {string.Join(", ", definitions.Select(d => d.Code))} {request.Period}. Counties open {open2} in a browser and sign in with their codes (Ctrl-C stops it)"));
        if (endpoints.All(e => e.Loopback))
        {
            output.WriteLine(text.T("（只在本机可访问：要让各单位从内网访问，请用 --urls 或 Reports:Desk:Urls 给出本机的内网地址）",
                "(reachable from this machine only: give an intranet address with --urls or Reports:Desk:Urls for the counties)"));
        }
        output.Flush();
        host.WaitForShutdownAsync(Interrupted).GetAwaiter().GetResult();
        output.WriteLine(text.T("报送台已停止。", "the desk has stopped."));
        return (int)ExitCode.Success;
    }

    private X509Certificate2 Certificate()
    {
        var path = settings.Desk.Certificate
            ?? throw new SettingsException(text.T("https:// 地址需要证书：请在 Reports:Desk:Certificate 中给出 PKCS#12 证书文件（.pfx）", "an https:// address needs a certificate: set Reports:Desk:Certificate to a PKCS#12 file (.pfx)"));
        if (!File.Exists(path))
        {
            throw new SettingsException(text.T($"Reports:Desk:Certificate 的证书文件不存在：{path}", $"no certificate file at {path} (Reports:Desk:Certificate)"));
        }
        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, settings.Desk.CertificatePassword);
        }
        catch (System.Security.Cryptography.CryptographicException problem)
        {
            throw new SettingsException(text.T($"无法读取证书 {path}（{problem.Message}）：请检查文件和 Reports:Desk:CertificatePassword", $"cannot read the certificate {path} ({problem.Message}): check the file and Reports:Desk:CertificatePassword"));
        }
    }
}

/// <summary>One address the desk listens on: http or https, loopback, one address, or every address (<c>*</c>, <c>0.0.0.0</c>).</summary>
internal sealed record DeskEndpoint(Uri Url, IPAddress Address, bool IsLocalhost)
{
    public bool Https => Url.Scheme == Uri.UriSchemeHttps;

    public bool Loopback => IsLocalhost || IPAddress.IsLoopback(Address);

    public static DeskEndpoint Parse(string text, UiText ui)
    {
        var given = text.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(given, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || url.AbsolutePath != "/")
        {
            throw new SettingsException(ui.T($"报送台地址“{text}”无效：应为 http://地址:端口 或 https://地址:端口，如 http://127.0.0.1:5080", $"desk address “{text}” should be http://ADDRESS:PORT or https://ADDRESS:PORT, e.g. http://127.0.0.1:5080"));
        }
        if (url.IsLoopback && !IPAddress.TryParse(url.Host.Trim('[', ']'), out _))
        {
            return new DeskEndpoint(url, IPAddress.Loopback, true);
        }
        return IPAddress.TryParse(url.Host.Trim('[', ']'), out var address)
            ? new DeskEndpoint(url, address, false)
            : throw new SettingsException(ui.T($"报送台地址“{text}”应写 IP 地址（如 https://10.1.2.3:5443），不写主机名", $"desk address “{text}” should name an IP address (e.g. https://10.1.2.3:5443), not a host name"));
    }

    /// <summary>The URLs a county types: this one, or for every address the machine's own intranet addresses.</summary>
    public IEnumerable<string> ForCounties()
    {
        if (!Address.Equals(IPAddress.Any) && !Address.Equals(IPAddress.IPv6Any))
        {
            return [Url.GetLeftPart(UriPartial.Authority) + "/"];
        }
        var own = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            .Select(a => $"{Url.Scheme}://{a}:{Url.Port}/")
            .ToList();
        return own.Count > 0 ? own : [$"{Url.Scheme}://本机内网地址:{Url.Port}/"];
    }
}
