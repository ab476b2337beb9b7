using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Reports.Access;
using Reports.Bench;
using Reports.Definitions;
using Reports.Periods;
using Reports.Rosters;
using Reports.Store;

// reports-desk-bench --cli bench/.build/cli/reports.dll [--units 200] [--uploads 2000] [--seconds 60] [--templates templates] [--work DIR]
//
// The reception desk under load, on loopback only and bounded in count and time: a real `reports serve` (the built
// program, Kestrel) over a fresh store; a roster of --units units, each with its code; then
//   burst:  every unit uploads its return at the same moment (one request each, all in flight at once);
//   steady: --uploads further uploads, one every seconds/uploads, each started on schedule whatever the others do
//           (an open loop: a slow desk meets a growing queue, as it would from 200 counties).
// Every upload is a different content (its remarks name the round), so each must be in the store exactly once.
// Measured per request: the verdict's latency (request sent → verdict read). Checked: no 5xx, every request answered
// 200 with a verdict, and each upload's SHA-256 in the store's versions exactly once (read from the store itself).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

string Option(string name, string? fallback = null)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback ?? throw new ArgumentException($"missing {name}");
}

var cli = Path.GetFullPath(Option("--cli"));
var unitCount = int.Parse(Option("--units", "200"), CultureInfo.InvariantCulture);
var steadyCount = int.Parse(Option("--uploads", "2000"), CultureInfo.InvariantCulture);
var seconds = double.Parse(Option("--seconds", "60"), CultureInfo.InvariantCulture);
var templates = Path.GetFullPath(Option("--templates", "templates"));
var work = Path.GetFullPath(Option("--work", Path.Combine(Path.GetTempPath(), "reports-desk-bench-" + Guid.NewGuid().ToString("N"))));
if (unitCount is < 1 or > 1000 || steadyCount is < 0 or > 10_000 || seconds is <= 0 or > 600)
{
    Console.Error.WriteLine("bounded: --units 1..1000, --uploads 0..10000, --seconds up to 600");
    return 2;
}
Directory.CreateDirectory(work);
const string ReturnCode = "campaign-5plus1";
const int Seed = 20220630; // the national benchmark's: the same values for the same unit
var period = new ReportingPeriod(2022, 6);
var definition = ReturnDefinitionLoader.Load(ReturnDefinitionLoader.PathFor(templates, ReturnCode));
var units = Enumerable.Range(1, unitCount).Select(i => new RosterUnit((900000000 + i).ToString(CultureInfo.InvariantCulture), $"样本乡镇{i:D5}")).ToList();
var rosterPath = Path.Combine(work, "roster.json");
RosterFile.Write(rosterPath, units);
var storePath = Path.Combine(work, "store", "reports.db");
Directory.CreateDirectory(Path.GetDirectoryName(storePath)!);
Dictionary<string, string> codes;
using (var store = ReturnStore.Open(storePath, TimeProvider.System))
{
    var access = new AccessCodes(store, TimeProvider.System);
    codes = units.ToDictionary(u => u.Code, access.Issue, StringComparer.Ordinal);
}

// Every upload's bytes made before the desk starts: the clock measures the desk, not the making.
var stamp = new ReturnStamp(definition, period);
byte[] Upload(int unitIndex, int round)
{
    var (_, values) = UnitValues.Draw(Seed, unitIndex + 1);
    values["remarks"] = $"第{round}次报送（报送台压力测试）";
    return stamp.Make(units[unitIndex], values);
}
var made = Stopwatch.StartNew();
var burst = Enumerable.Range(0, unitCount).Select(i => (Unit: i, Bytes: Upload(i, 0))).ToList();
var steady = Enumerable.Range(0, steadyCount).Select(k => (Unit: k % unitCount, Bytes: Upload(k % unitCount, 1 + k / unitCount))).ToList();
Console.Error.WriteLine($"made {burst.Count + steady.Count} returns in {made.Elapsed.TotalSeconds:0.0} s; starting the desk");

var port = FreePort();
var address = new Uri($"http://127.0.0.1:{port}/");
var serve = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
{
    WorkingDirectory = work,
    RedirectStandardOutput = true,
    RedirectStandardError = true,
    UseShellExecute = false,
};
foreach (var argument in new[] { cli, "serve", "--return", ReturnCode, "--period", period.ToString(), "--roster", rosterPath, "--store", storePath, "--urls", address.GetLeftPart(UriPartial.Authority) })
{
    serve.ArgumentList.Add(argument);
}
using var desk = Process.Start(serve)!;
var said = new ConcurrentQueue<string>();
desk.OutputDataReceived += (_, line) => { if (line.Data is { } l) { said.Enqueue(l); } };
desk.ErrorDataReceived += (_, line) => { if (line.Data is { } l) { said.Enqueue(l); } };
desk.BeginOutputReadLine();
desk.BeginErrorReadLine();
var results = new List<Sample>();
var exit = 0;
try
{
    using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1000, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
    using var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(300) };
    var up = Stopwatch.StartNew();
    while (!await Healthy(client))
    {
        if (desk.HasExited || up.Elapsed > TimeSpan.FromSeconds(90))
        {
            throw new InvalidOperationException("the desk did not come up:\n" + string.Join("\n", said));
        }
        await Task.Delay(100);
    }
    var cpuBefore = CpuSeconds(desk.Id);
    var loadBefore = File.ReadAllText("/proc/loadavg").Trim();

    // Burst: all at once.
    var burstClock = Stopwatch.StartNew();
    var burstResults = await Task.WhenAll(burst.Select(u => Send(client, "burst", u.Unit, u.Bytes)));
    var burstWall = burstClock.Elapsed;
    results.AddRange(burstResults);
    Console.Error.WriteLine($"burst: {burstResults.Length} uploads in {burstWall.TotalSeconds:0.0} s");

    // Steady: one every seconds/uploads, on schedule.
    var interval = TimeSpan.FromSeconds(seconds / Math.Max(1, steady.Count));
    var steadyClock = Stopwatch.StartNew();
    var pending = new List<Task<Sample>>();
    for (var k = 0; k < steady.Count; k++)
    {
        var due = interval * k;
        var wait = due - steadyClock.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
        var (unit, bytes) = steady[k];
        pending.Add(Send(client, "steady", unit, bytes));
    }
    var steadyResults = await Task.WhenAll(pending);
    var steadyWall = steadyClock.Elapsed;
    results.AddRange(steadyResults);
    var cpuAfter = CpuSeconds(desk.Id);
    var loadAfter = File.ReadAllText("/proc/loadavg").Trim();
    Console.Error.WriteLine($"steady: {steadyResults.Length} uploads in {steadyWall.TotalSeconds:0.0} s");

    // What the store holds: each upload's SHA-256 among the period's versions, counted.
    var inStore = new Dictionary<string, long>(StringComparer.Ordinal);
    using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = storePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
    {
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sha256, count(*) FROM versions WHERE return_code = $r AND period = $p GROUP BY sha256;";
        command.Parameters.AddWithValue("$r", ReturnCode);
        command.Parameters.AddWithValue("$p", period.ToString());
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            inStore[reader.GetString(0)] = reader.GetInt64(1);
        }
    }
    var sent = results.Select(r => r.Sha256).ToList();
    var once = sent.Count(s => inStore.GetValueOrDefault(s) == 1);
    // Lost: the desk gave a verdict and the store has no such version. An upload the client gave up on (no answer in
    // the client's 300 s) is either stored (the desk finished it after) or not (its request was cancelled while queued).
    var lost = results.Count(r => r.Status == 200 && !inStore.ContainsKey(r.Sha256));
    var unanswered = results.Where(r => r.Status == 0).ToList();
    var twice = sent.Count(s => inStore.GetValueOrDefault(s) > 1);
    var extra = inStore.Keys.Except(sent, StringComparer.Ordinal).Count();
    var serverErrors = results.Count(r => r.Status >= 500);
    var notOk = results.Where(r => r.Status != 200).GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
    var verdictMismatch = results.Count(r => r.Status == 200 && r.VerdictSha256 != r.Sha256);

    var report = new Dictionary<string, object?>
    {
        ["units"] = unitCount,
        ["steady_uploads"] = steady.Count,
        ["steady_seconds"] = seconds,
        ["burst"] = Summary(burstResults, burstWall),
        ["steady"] = Summary(steadyResults, steadyWall),
        ["all"] = Summary([.. results], burstWall + steadyWall),
        ["statuses"] = results.GroupBy(r => r.Verdict ?? $"http {r.Status}").OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
        ["http_not_200"] = notOk.ToDictionary(p => p.Key.ToString(CultureInfo.InvariantCulture), p => p.Value),
        ["http_5xx"] = serverErrors,
        ["in_store_exactly_once"] = once,
        ["lost"] = lost,
        ["no_answer"] = unanswered.Count,
        ["no_answer_but_stored"] = unanswered.Count(r => inStore.ContainsKey(r.Sha256)),
        ["stored_twice"] = twice,
        ["stored_not_sent"] = extra,
        ["verdict_sha256_mismatch"] = verdictMismatch,
        ["desk_cpu_seconds"] = Math.Round(cpuAfter - cpuBefore, 1),
        ["loadavg_before"] = loadBefore,
        ["loadavg_after"] = loadAfter,
        ["cores"] = Environment.ProcessorCount,
        ["store_bytes"] = new FileInfo(storePath).Length,
    };
    Console.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    exit = serverErrors == 0 && lost == 0 && twice == 0 && notOk.Count == 0 && verdictMismatch == 0 ? 0 : 3;
    Console.Error.WriteLine(exit == 0 ? "every upload answered 200 and stored exactly once; no 5xx" : "NOT every upload was answered 200 and stored exactly once (see above)");
}
finally
{
    if (!desk.HasExited)
    {
        desk.Kill(entireProcessTree: true);
        desk.WaitForExit(10_000);
    }
    if (!args.Contains("--keep"))
    {
        try
        {
            Directory.Delete(work, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
return exit;

async Task<Sample> Send(HttpClient client, string phase, int unit, byte[] bytes)
{
    var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
    using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/returns");
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", codes[units[unit].Code]);
    var content = new MultipartFormDataContent();
    var file = new ByteArrayContent(bytes);
    file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    content.Add(file, "file", $"{units[unit].Code}.xlsx");
    request.Content = content;
    var clock = Stopwatch.StartNew();
    try
    {
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = clock.Elapsed;
        string? verdict = null, verdictSha = null;
        if (response.StatusCode == HttpStatusCode.OK)
        {
            using var json = JsonDocument.Parse(body);
            verdict = json.RootElement.GetProperty("status").GetString();
            verdictSha = json.RootElement.GetProperty("sha256").GetString();
        }
        return new Sample(phase, sha256, (int)response.StatusCode, verdict, verdictSha, elapsed);
    }
    catch (Exception problem) when (problem is HttpRequestException or TaskCanceledException)
    {
        return new Sample(phase, sha256, 0, null, null, clock.Elapsed);
    }
}

static Dictionary<string, object> Summary(Sample[] samples, TimeSpan wall)
{
    var ms = samples.Select(s => s.Latency.TotalMilliseconds).Order().ToArray();
    double At(double q) => ms.Length == 0 ? 0 : ms[Math.Clamp((int)Math.Ceiling(q * ms.Length) - 1, 0, ms.Length - 1)];
    return new Dictionary<string, object>
    {
        ["uploads"] = samples.Length,
        ["wall_s"] = Math.Round(wall.TotalSeconds, 1),
        ["per_minute"] = Math.Round(samples.Length / wall.TotalMinutes, 0),
        ["p50_ms"] = Math.Round(At(0.50)),
        ["p95_ms"] = Math.Round(At(0.95)),
        ["p99_ms"] = Math.Round(At(0.99)),
        ["max_ms"] = Math.Round(At(1.0)),
    };
}

static async Task<bool> Healthy(HttpClient client)
{
    try
    {
        return (await client.GetAsync("healthz")).StatusCode == HttpStatusCode.OK;
    }
    catch (HttpRequestException)
    {
        return false;
    }
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

// utime + stime of a process and its waited-for children, from /proc (clock ticks of 1/100 s).
static double CpuSeconds(int pid)
{
    var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
}

/// <summary>One upload: its phase, the SHA-256 of what was sent, the HTTP status (0: no answer), the verdict's status and SHA-256, and how long the verdict took.</summary>
internal sealed record Sample(string Phase, string Sha256, int Status, string? Verdict, string? VerdictSha256, TimeSpan Latency);
