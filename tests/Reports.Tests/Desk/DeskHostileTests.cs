using System.Net;
using Reports.Intake;
using Reports.Ledger;
using Reports.Tests.Corpus;
using Reports.Tests.Support;

namespace Reports.Tests.Desk;

/// <summary>Every file of tests/corpus/hostile, uploaded, gets the verdict the inbox gives it, and the desk stays up.</summary>
public sealed class DeskHostileTests
{
    [Fact]
    public async Task Every_hostile_file_gets_the_verdict_the_inbox_gives_it_and_the_desk_stays_up()
    {
        using var temp = new TempDirectory();
        var inbox = temp.Sub("inbox");
        foreach (var file in Directory.GetFiles(HostileCorpus.Folder).Where(f => !f.EndsWith("README.md", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(inbox, Path.GetFileName(file)));
        }
        // The inbox's verdict: each file read and checked as a run reads it.
        var ledger = ReturnLedger.Empty(Samples.Campaign, Samples.Changzhi, Samples.Period, FixedClock.Default);
        var read = ledger.Receive(InboxReader.List(inbox, Samples.Changzhi), ledger.IntakeContext(), inbox, _ => false).Received
            .ToDictionary(f => Path.GetFileName(f.File), StringComparer.Ordinal);

        using var desk = new DeskServer();
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        HttpClient As(string unit) => clients.TryGetValue(unit, out var client) ? client : clients[unit] = desk.Api(desk.CountyCode(unit));
        Assert.True(HostileCorpus.Entries.Count >= 40);
        foreach (var entry in HostileCorpus.Entries)
        {
            var expected = read[entry.FileName];
            // Sent by the unit it names (an unknown one by 潞州区): the desk adds nothing the inbox would not say.
            var sender = expected.UnitCode is { } unit && Samples.Changzhi.Find(unit) is not null ? unit : "140403";
            var response = await DeskServer.Upload(As(sender), File.ReadAllBytes(Path.Combine(inbox, entry.FileName)), entry.FileName);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{entry.FileName}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var verdict = await DeskServer.Json(response);
            Assert.Equal(expected.Sha256, verdict.GetProperty("sha256").GetString());
            var got = verdict.GetProperty("diagnostics").EnumerateArray()
                .Select(d => $"{d.GetProperty("code").GetString()} {d.GetProperty("severity").GetString()} {d.GetProperty("sheet").GetString()}!{d.GetProperty("cell").GetString()} {d.GetProperty("field").GetString()}: {d.GetProperty("message").GetString()}")
                .ToList();
            var want = expected.Diagnostics
                .Select(d => $"{d.Code} {d.Severity.ToString().ToLowerInvariant()} {d.Sheet}!{d.Cell} {d.Field}: {d.Message}")
                .ToList();
            // A file naming a unit off the roster is another unit's: the desk says so too (RPT018), as a unit's inbox folder would (RPT017).
            var foreign = expected.UnitCode is { } named && named != sender;
            Assert.Equal(foreign, got.Any(d => d.StartsWith("RPT018 ", StringComparison.Ordinal)));
            got.RemoveAll(d => d.StartsWith("RPT018 ", StringComparison.Ordinal));
            Assert.True(want.SequenceEqual(got), $"{entry.FileName}: the inbox says\n  {string.Join("\n  ", want)}\nthe desk says\n  {string.Join("\n  ", got)}");
            Assert.Equal(expected.Status.ToString().ToLowerInvariant(), verdict.GetProperty("status").GetString());
        }

        Assert.Equal("ok", await desk.CreateClient().GetStringAsync("/healthz"));
        var good = Samples.WriteFilled(temp.Sub("good"), Samples.Changzhi.Find("140406")!, Samples.ValuesOf("140406"));
        Assert.Equal("accepted", (await DeskServer.Json(await DeskServer.Upload(As("140406"), File.ReadAllBytes(good)))).GetProperty("status").GetString());
    }
}
