using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using Reports.Ledger;
using Reports.Store;
using Reports.Tests.Support;

namespace Reports.Tests.Desk;

/// <summary>A real <c>reports serve</c> child process: killed during an upload the store stays whole, the file once or absent; SIGTERM stops it within seconds.</summary>
public sealed class DeskStopTests
{
    [Fact]
    public async Task A_desk_killed_during_an_upload_leaves_the_store_whole_and_the_file_once_or_absent()
    {
        using var temp = new TempDirectory();
        var store = Path.Combine(temp.Path, "store", "reports.db");
        var code = IssueCode(temp, store, "140403");
        var bytes = File.ReadAllBytes(Samples.WriteFilled(temp.Sub("files"), Samples.Changzhi.Find("140403")!, Samples.ValuesOf("140403")));
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));

        // Killed while the store's transaction is open (held 5 s after the file is recorded): nothing of it remains.
        var port = FreePort();
        using (var desk = Support.Cli.StartPausing(temp.Path, TimeSpan.Zero, TimeSpan.FromSeconds(5), Serve(store, port)))
        {
            await Opened(desk);
            using var client = Client(port, code);
            var upload = DeskServer.Upload(client, bytes);
            await Task.Delay(TimeSpan.FromMilliseconds(1500));
            Assert.False(upload.IsCompleted, "the upload was answered before the kill: the store's pause did not hold it");
            desk.Kill(entireProcessTree: true);
            Assert.True(desk.WaitForExit(30_000));
            await Assert.ThrowsAnyAsync<Exception>(() => upload);
        }
        Assert.Equal(0, Copies(store, sha256));

        // Killed right after the verdict: the version is there, once.
        port = FreePort();
        using (var desk = Support.Cli.Start(temp.Path, null, Serve(store, port)))
        {
            await Opened(desk);
            using var client = Client(port, code);
            var verdict = await DeskServer.Json(await DeskServer.Upload(client, bytes));
            Assert.Equal("accepted", verdict.GetProperty("status").GetString());
            desk.Kill(entireProcessTree: true);
            Assert.True(desk.WaitForExit(30_000));
        }
        Assert.Equal(1, Copies(store, sha256));
    }

    [Fact]
    public async Task SIGTERM_stops_the_desk_within_seconds()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no SIGTERM to send
        }
        using var temp = new TempDirectory();
        var store = Path.Combine(temp.Path, "store", "reports.db");
        IssueCode(temp, store, "140403");
        var port = FreePort();
        using var desk = Support.Cli.Start(temp.Path, null, Serve(store, port));
        await Opened(desk);
        using (var client = new HttpClient())
        {
            Assert.Equal("ok", await client.GetStringAsync($"http://127.0.0.1:{port}/healthz"));
        }
        var stopping = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", desk.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }
        Assert.True(desk.WaitForExit(15_000), "the desk did not stop within 15 s of SIGTERM");
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"stopped after {stopping.Elapsed}");
        Assert.Equal(0, desk.ExitCode);
        Assert.Contains("报送台已停止", await desk.StandardOutput.ReadToEndAsync(), StringComparison.Ordinal);
    }

    private static string[] Serve(string store, int port) =>
        ["serve", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", RepositoryPaths.SampleRoster, "--store", store, "--urls", $"http://127.0.0.1:{port}"];

    /// <summary>Issues a unit's code with <c>reports codes issue</c> and reads it back from the CSV it writes.</summary>
    private static string IssueCode(TempDirectory temp, string store, string unit)
    {
        var csv = Path.Combine(temp.Path, $"codes-{unit}.csv");
        var issued = Support.Cli.Invoke("codes", "issue", "--roster", RepositoryPaths.SampleRoster, "--unit", unit, "--store", store, "--csv", csv);
        Assert.True(issued.Exit == 0, issued.Stderr);
        return File.ReadAllLines(csv).Single(l => l.StartsWith(unit + ",", StringComparison.Ordinal)).Split(',')[2];
    }

    /// <summary>Waits for the desk's line saying where it is open.</summary>
    private static async Task Opened(Process desk)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (await desk.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains("报送台已开放", StringComparison.Ordinal))
            {
                return;
            }
        }
        Assert.Fail($"the desk did not open: {await desk.StandardError.ReadToEndAsync()}");
    }

    private static HttpClient Client(int port, string code)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", code);
        return client;
    }

    /// <summary>How many versions of the content the store holds, after its integrity check passed.</summary>
    private static int Copies(string storePath, string sha256)
    {
        using var store = ReturnStore.OpenToRead(storePath, FixedClock.Default);
        Assert.Equal("ok", store.IntegrityCheck());
        return ReturnLedger.Open(store, Samples.Campaign, Samples.Changzhi, Samples.Period, FixedClock.Default).Decide([]).Files.Count(f => f.Sha256 == sha256);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
