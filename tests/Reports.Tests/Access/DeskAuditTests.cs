using System.Security.Cryptography;
using System.Text;
using Reports.Access;
using Reports.Store;
using Reports.Tests.Support;

namespace Reports.Tests.Access;

/// <summary>The desk's audit: every event with the server's time, read back in order, and never a code in it.</summary>
public sealed class DeskAuditTests
{
    [Fact]
    public void Events_are_recorded_with_the_servers_time_and_read_back_in_order()
    {
        using var temp = new TempDirectory();
        using var store = ReturnStore.Open(Path.Combine(temp.Path, "store.db"), FixedClock.Default);
        var noon = new FixedClock(new DateTimeOffset(2022, 7, 5, 12, 0, 0, TimeSpan.Zero));

        new DeskAudit(store, FixedClock.Default).Record("signin", "140403", "10.1.2.3", "登录");
        new DeskAudit(store, noon).Record("upload", "140403", "10.1.2.3", "文件 abc.xlsx：accepted");
        new DeskAudit(store, noon).Record("refused", null, "10.9.9.9", "报送码无效");

        var audit = new DeskAudit(store, noon);
        Assert.Equal(
        [
            new AuditEntry(FixedClock.Default.GetUtcNow(), "signin", "140403", "10.1.2.3", "登录"),
            new AuditEntry(noon.GetUtcNow(), "upload", "140403", "10.1.2.3", "文件 abc.xlsx：accepted"),
            new AuditEntry(noon.GetUtcNow(), "refused", null, "10.9.9.9", "报送码无效"),
        ], audit.Read());
        Assert.Equal(["upload", "refused"], audit.Read(last: 2).Select(e => e.Kind));
    }

    [Fact]
    public void A_code_written_into_a_detail_never_reaches_the_audit_but_a_sha256_does()
    {
        using var temp = new TempDirectory();
        string code;
        var hashes = Enumerable.Range(0, 300).Select(i => SHA256.HashData(BitConverter.GetBytes(i))).ToList();
        using (var store = ReturnStore.Open(Path.Combine(temp.Path, "store.db"), FixedClock.Default))
        {
            code = new AccessCodes(store, FixedClock.Default).Issue(Samples.Changzhi.Units[0]);
            var audit = new DeskAudit(store, FixedClock.Default);
            audit.Record("refused", null, "10.9.9.9", $"报送码{code}无效");
            audit.Record("refused", null, "10.9.9.9", $"typed: {code.ToLowerInvariant()}");
            foreach (var hash in hashes)
            {
                audit.Record("upload", "140403", "10.1.2.3", $"sha256 {Convert.ToHexStringLower(hash)} / {Convert.ToHexString(hash)}");
            }

            var entries = audit.Read();
            Assert.Equal($"报送码{DeskAudit.Blanked}无效", entries[0].Detail);
            Assert.Equal($"typed: {DeskAudit.Blanked}", entries[1].Detail);
            Assert.Equal(hashes.Select(h => $"sha256 {Convert.ToHexStringLower(h)} / {Convert.ToHexString(h)}"), entries.Skip(2).Select(e => e.Detail));
        }
        var bytes = Directory.GetFiles(temp.Path).SelectMany(File.ReadAllBytes).ToArray();
        Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(code)));
        Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(code.ToLowerInvariant()[12..])));
    }
}
