using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Reports.Access;
using Reports.Store;

namespace Reports.Tests.Support;

/// <summary>
/// A real <c>reports serve</c> — the built program as a child process, Kestrel on a free loopback port (the in-process
/// desk is <see cref="DeskServer"/>) — over a temp store with the sample roster (长治市, campaign-5plus1 2022-06), with a code issued to every unit and to the office
/// before it starts. Disposing stops the process and removes the folder.
/// </summary>
public sealed class DeskProcess : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public DeskProcess(params string[] extraArguments)
        : this("http", null, extraArguments)
    {
    }

    /// <summary>A desk at <paramref name="scheme"/>://127.0.0.1:PORT/; <paramref name="handler"/> is how a client reaches it (for https: trusts its certificate).</summary>
    public DeskProcess(string scheme, Func<HttpMessageHandler>? handler, params string[] extraArguments)
    {
        Handler = handler ?? (() => new HttpClientHandler());
        StorePath = Path.Combine(_folder.Path, "store", "reports.db");
        Directory.CreateDirectory(Path.GetDirectoryName(StorePath)!);
        using (var store = ReturnStore.Open(StorePath, TimeProvider.System))
        {
            var codes = new AccessCodes(store, TimeProvider.System);
            UnitCodes = Samples.Changzhi.Units.ToDictionary(u => u.Code, codes.Issue, StringComparer.Ordinal);
            OfficeCode = codes.IssueOffice();
        }
        Address = new Uri($"{scheme}://127.0.0.1:{FreePort()}/");
        _process = Support.Cli.Start(_folder.Path, null,
        [
            "serve", "--return", Samples.ReturnCode, "--period", Samples.Period.ToString(), "--roster", RepositoryPaths.SampleRoster,
            "--store", StorePath, "--urls", Address.GetLeftPart(UriPartial.Authority), .. extraArguments,
        ]);
        _process.OutputDataReceived += (_, line) => Note(line.Data);
        _process.ErrorDataReceived += (_, line) => Note(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var client = new HttpClient(Handler()) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var up = Waiting.Until(() => _process.HasExited || Healthy(client), TimeSpan.FromSeconds(90));
        if (!up || _process.HasExited)
        {
            var said = Output;
            Dispose();
            throw new InvalidOperationException($"reports serve did not come up at {Address} ({(up ? "it exited" : "no answer in 90 s")}):\n{said}");
        }
    }

    /// <summary>Where the desk listens: http(s)://127.0.0.1:PORT/.</summary>
    public Uri Address { get; }

    /// <summary>Makes the handler a client reaches the desk through.</summary>
    public Func<HttpMessageHandler> Handler { get; }

    /// <summary>The store the desk records into (and the command line reads).</summary>
    public string StorePath { get; }

    /// <summary>The code of each roster unit, by unit code.</summary>
    public IReadOnlyDictionary<string, string> UnitCodes { get; }

    public string OfficeCode { get; }

    /// <summary>What the desk has printed so far (stdout and stderr).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>A folder of this server's own, for files a test makes.</summary>
    public string Sub(string name) => _folder.Sub(name);

    private void Note(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static bool Healthy(HttpClient client)
    {
        try
        {
            return client.GetAsync("healthz").GetAwaiter().GetResult().StatusCode == HttpStatusCode.OK;
        }
        catch (Exception problem) when (problem is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>A loopback port nobody listens on now (the system's choice, released at once for the desk to take).</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // It was never started or is gone already.
        }
        _process.Dispose();
        _folder.Dispose();
    }
}
