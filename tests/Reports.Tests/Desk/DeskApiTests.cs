using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Reports.Intake;
using Reports.Ledger;
using Reports.Tests.Support;

namespace Reports.Tests.Desk;

/// <summary>The desk's API answers as the contract (shared/spec/desk.md) writes it, and every upload goes into the one ledger.</summary>
public sealed class DeskApiTests
{
    private static readonly DateTimeOffset Deadline = new(2022, 7, 5, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Health_answers_ok_to_anyone()
    {
        using var desk = new DeskServer();
        var response = await desk.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Me_names_the_codes_unit_name_and_role()
    {
        using var desk = new DeskServer();
        var county = await DeskServer.Json(await desk.Api(desk.CountyCode("140403")).GetAsync("/api/v1/me"));
        Assert.Equal("140403", county.GetProperty("unit").GetString());
        Assert.Equal("潞州区", county.GetProperty("name").GetString());
        Assert.Equal("county", county.GetProperty("role").GetString());
        var office = await DeskServer.Json(await desk.Api(desk.OfficeCode()).GetAsync("/api/v1/me"));
        Assert.Equal("office", office.GetProperty("unit").GetString());
        Assert.Equal("office", office.GetProperty("role").GetString());
    }

    [Fact]
    public async Task A_good_return_is_accepted_at_the_servers_clock_and_its_receipt_is_the_versions()
    {
        using var desk = new DeskServer(deadline: Deadline);
        using var folder = new TempDirectory();
        var bytes = File.ReadAllBytes(Samples.WriteFilled(folder.Path, Samples.Changzhi.Find("140403")!, Samples.ValuesOf("140403")));
        var response = await DeskServer.Upload(desk.Api(desk.CountyCode("140403")), bytes);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var verdict = await DeskServer.Json(response);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(["unit", "return", "period", "sha256", "receivedAt", "status", "onTime", "diagnostics", "receipt"],
            verdict.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("140403", verdict.GetProperty("unit").GetString());
        Assert.Equal(Samples.ReturnCode, verdict.GetProperty("return").GetString());
        Assert.Equal("2022-06", verdict.GetProperty("period").GetString());
        Assert.Equal(sha256, verdict.GetProperty("sha256").GetString());
        // The server's clock (FixedClock: 2022-07-05 09:00 UTC), ISO 8601 with its offset; before the deadline.
        Assert.Equal("2022-07-05T09:00:00+00:00", verdict.GetProperty("receivedAt").GetString());
        Assert.Equal("accepted", verdict.GetProperty("status").GetString());
        Assert.True(verdict.GetProperty("onTime").GetBoolean());
        Assert.Equal($"/api/v1/receipts/{sha256}", verdict.GetProperty("receipt").GetString());

        var receipt = await desk.Api(desk.CountyCode("140403")).GetAsync(verdict.GetProperty("receipt").GetString());
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", receipt.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("回执-", receipt.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
        var text = SharedStrings(await receipt.Content.ReadAsByteArrayAsync());
        Assert.Contains("报表接收回执", text, StringComparison.Ordinal);
        Assert.Contains(sha256, text, StringComparison.Ordinal);
        Assert.Contains("潞州区", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_return_gets_every_finding_as_validate_says_it()
    {
        using var desk = new DeskServer();
        using var folder = new TempDirectory();
        var path = Samples.WriteFilled(folder.Path, Samples.Changzhi.Find("140403")!, BadValues("140403"));
        var verdict = await DeskServer.Json(await DeskServer.Upload(desk.Api(desk.CountyCode("140403")), File.ReadAllBytes(path)));
        Assert.Equal("rejected", verdict.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, verdict.GetProperty("onTime").ValueKind); // no deadline

        // What validate tells the county of the same file: the same findings, in the same words and places.
        var expected = ReturnLedger.Empty(Samples.Campaign, Samples.Changzhi, Samples.Period, FixedClock.Default)
            .Check([InboxReader.Read(new InboxEntry(path, null), long.MaxValue)]).Files.Single().Diagnostics;
        Assert.True(expected.Count(d => d.IsError) >= 2, string.Join("; ", expected));
        var got = verdict.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.Equal(expected.Count, got.Count);
        foreach (var (want, have) in expected.Zip(got))
        {
            Assert.Equal(want.Code, have.GetProperty("code").GetString());
            Assert.Equal(want.Severity.ToString().ToLowerInvariant(), have.GetProperty("severity").GetString());
            Assert.Equal(want.Message, have.GetProperty("message").GetString());
            Assert.Equal(want.Sheet, have.GetProperty("sheet").GetString());
            Assert.Equal(want.Cell, have.GetProperty("cell").GetString());
            Assert.Equal(want.Field, have.GetProperty("field").GetString());
            Assert.Equal(Reports.Diagnostics.DiagnosticCatalog.Find(want.Code)!.Advice, have.GetProperty("todo").GetString());
        }
    }

    [Fact]
    public async Task A_file_of_another_unit_is_rejected_naming_both_units_and_counts_for_neither()
    {
        using var desk = new DeskServer();
        using var folder = new TempDirectory();
        var other = File.ReadAllBytes(Samples.WriteFilled(folder.Path, Samples.Changzhi.Find("140404")!, Samples.ValuesOf("140404")));
        var luzhou = desk.Api(desk.CountyCode("140403"));
        var verdict = await DeskServer.Json(await DeskServer.Upload(luzhou, other, "140404-上党区.xlsx"));
        Assert.Equal("rejected", verdict.GetProperty("status").GetString());
        Assert.Equal("140403", verdict.GetProperty("unit").GetString());
        var finding = verdict.GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("code").GetString() == "RPT018");
        var message = finding.GetProperty("message").GetString()!;
        Assert.Contains("140403（潞州区）", message, StringComparison.Ordinal);
        Assert.Contains("140404（上党区）", message, StringComparison.Ordinal);

        var status = await DeskServer.Json(await desk.Api(desk.OfficeCode()).GetAsync("/api/v1/status"));
        var units = status.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("code").GetString()!);
        Assert.Equal("missing", units["140404"].GetProperty("status").GetString());
        Assert.Equal("missing", units["140403"].GetProperty("status").GetString());
        // Its receipt is the sender's, not the unit the file names.
        var sha256 = verdict.GetProperty("sha256").GetString();
        Assert.Equal(HttpStatusCode.OK, (await luzhou.GetAsync($"/api/v1/receipts/{sha256}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Api(desk.CountyCode("140404")).GetAsync($"/api/v1/receipts/{sha256}")).StatusCode);
    }

    [Fact]
    public async Task A_byte_identical_resend_is_a_duplicate_and_stays_one_version()
    {
        using var desk = new DeskServer();
        using var folder = new TempDirectory();
        var bytes = File.ReadAllBytes(Samples.WriteFilled(folder.Path, Samples.Changzhi.Find("140403")!, Samples.ValuesOf("140403")));
        var client = desk.Api(desk.CountyCode("140403"));
        Assert.Equal("accepted", (await DeskServer.Json(await DeskServer.Upload(client, bytes))).GetProperty("status").GetString());
        Assert.Equal("duplicate", (await DeskServer.Json(await DeskServer.Upload(client, bytes, "again.xlsx"))).GetProperty("status").GetString());
        var view = new Reports.Desk.DeskLedger(desk.Options).View(Samples.Campaign);
        Assert.Single(view.VersionsOf("140403"));
    }

    [Fact]
    public async Task Receipts_are_for_their_unit_and_the_office_only()
    {
        using var desk = new DeskServer();
        using var folder = new TempDirectory();
        var bytes = File.ReadAllBytes(Samples.WriteFilled(folder.Path, Samples.Changzhi.Find("140403")!, Samples.ValuesOf("140403")));
        var sha256 = (await DeskServer.Json(await DeskServer.Upload(desk.Api(desk.CountyCode("140403")), bytes))).GetProperty("sha256").GetString();
        Assert.Equal(HttpStatusCode.OK, (await desk.Api(desk.OfficeCode()).GetAsync($"/api/v1/receipts/{sha256}")).StatusCode);
        var stranger = await desk.Api(desk.CountyCode("140404")).GetAsync($"/api/v1/receipts/{sha256}");
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.True((await DeskServer.Json(stranger)).GetProperty("error").GetString()!.Length > 0);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Api(desk.OfficeCode()).GetAsync($"/api/v1/receipts/{new string('0', 64)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Api(desk.OfficeCode()).GetAsync("/api/v1/receipts/..%2Fstore")).StatusCode);
    }

    [Fact]
    public async Task Status_counts_as_the_ledger_does_and_judges_time_by_the_servers_clock()
    {
        // The server's clock is after the deadline: what arrives now is late.
        using var desk = new DeskServer(deadline: FixedClock.Default.GetUtcNow().AddHours(-1));
        using var folder = new TempDirectory();
        var good = File.ReadAllBytes(Samples.WriteFilled(folder.Path, Samples.Changzhi.Find("140403")!, Samples.ValuesOf("140403")));
        var bad = File.ReadAllBytes(Samples.WriteFilled(folder.Path, Samples.Changzhi.Find("140404")!, BadValues("140404")));
        var late = await DeskServer.Json(await DeskServer.Upload(desk.Api(desk.CountyCode("140403")), good));
        Assert.False(late.GetProperty("onTime").GetBoolean());
        await DeskServer.Upload(desk.Api(desk.CountyCode("140404")), bad);

        var status = await DeskServer.Json(await desk.Api(desk.OfficeCode()).GetAsync("/api/v1/status?return=campaign-5plus1&period=2022-06"));
        var reporting = status.GetProperty("reporting");
        var expected = Samples.Changzhi.Units.Count;
        Assert.Equal(expected, reporting.GetProperty("expected").GetInt32());
        Assert.Equal(2, reporting.GetProperty("received").GetInt32());
        Assert.Equal(1, reporting.GetProperty("accepted").GetInt32());
        Assert.Equal(1, reporting.GetProperty("sentBack").GetInt32());
        Assert.Equal(expected - 2, reporting.GetProperty("missing").GetInt32());
        Assert.Equal(0, reporting.GetProperty("onTime").GetInt32());
        Assert.Equal(Math.Round(2m / expected, 4), reporting.GetProperty("receivedRate").GetDecimal());
        var units = status.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(Samples.Changzhi.Units.Select(u => u.Code), units.Select(u => u.GetProperty("code").GetString()));
        var luzhou = units.Single(u => u.GetProperty("code").GetString() == "140403");
        Assert.Equal("accepted", luzhou.GetProperty("status").GetString());
        Assert.Equal(late.GetProperty("sha256").GetString(), luzhou.GetProperty("sha256").GetString());
        Assert.Equal(late.GetProperty("receivedAt").GetString(), luzhou.GetProperty("receivedAt").GetString());
        Assert.False(luzhou.GetProperty("onTime").GetBoolean());
        Assert.Equal("rejected", units.Single(u => u.GetProperty("code").GetString() == "140404").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await desk.Api(desk.OfficeCode()).GetAsync("/api/v1/status?period=2022-05")).StatusCode);
    }

    [Fact]
    public async Task A_run_with_an_empty_inbox_merges_what_came_through_the_desk_at_the_desks_time()
    {
        var received = new DateTimeOffset(2022, 7, 3, 10, 30, 0, TimeSpan.Zero);
        using var desk = new DeskServer(clock: new FixedClock(received));
        using var folder = new TempDirectory();
        var bytes = File.ReadAllBytes(Samples.WriteFilled(folder.Path, Samples.Changzhi.Find("140403")!, Samples.ValuesOf("140403")));
        var verdict = await DeskServer.Json(await DeskServer.Upload(desk.Api(desk.CountyCode("140403")), bytes));

        var inbox = folder.Sub("empty-inbox");
        var output = folder.Sub("out");
        var run = Support.Cli.Invoke("run", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", Samples.Sample.RosterPath, "--inbox", inbox,
            "--store", desk.StorePath, "--out", output, "--quiet");
        Assert.Equal(3, run.Exit); // one unit of twelve: the others are missing
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "2022-06", "summary.json")));
        var unit = summary.RootElement.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("code").GetString() == "140403");
        Assert.Equal("accepted", unit.GetProperty("status").GetString());
        Assert.Equal(Samples.Value("140403", "emp_total"), unit.GetProperty("values").GetProperty("emp_total").GetDecimal());
        using var intake = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "2022-06", "intake.json")));
        var file = intake.RootElement.EnumerateArray().Single(f => f.GetProperty("sha256").GetString() == verdict.GetProperty("sha256").GetString());
        Assert.Equal(DateTimeOffset.Parse(verdict.GetProperty("receivedAt").GetString()!, CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(file.GetProperty("receivedAt").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(received, DateTimeOffset.Parse(file.GetProperty("receivedAt").GetString()!, CultureInfo.InvariantCulture));
    }

    /// <summary>A unit's sample figures with two must-fix errors: 省外 above 总数, and a required count left blank.</summary>
    internal static Dictionary<string, string> BadValues(string unit)
    {
        var values = Samples.ValuesOf(unit);
        values["emp_outside"] = (Samples.Value(unit, "emp_total") + 100).ToString(CultureInfo.InvariantCulture);
        values["proj_planned"] = "";
        return values;
    }

    /// <summary>Every text of a workbook's shared strings, to find what a receipt says.</summary>
    private static string SharedStrings(byte[] workbook)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook));
        using var reader = new StreamReader(zip.GetEntry("xl/sharedStrings.xml")!.Open());
        return reader.ReadToEnd();
    }
}
