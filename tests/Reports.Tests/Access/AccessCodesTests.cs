using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Reports.Access;
using Reports.Rosters;
using Reports.Store;
using Reports.Tests.Support;

namespace Reports.Tests.Access;

/// <summary>The desk's codes: random from an alphabet without look-alikes, kept only as salted hashes, verified, revoked and reissued.</summary>
public sealed class AccessCodesTests
{
    private static readonly RosterUnit Luzhou = Samples.Changzhi.Units[0];

    [Fact]
    public void A_code_is_at_least_20_characters_of_an_alphabet_without_look_alikes()
    {
        Assert.DoesNotContain(AccessCodes.Alphabet, c => "0O1lI".Contains(c, StringComparison.Ordinal));
        using var temp = new TempDirectory();
        using var store = ReturnStore.Open(Path.Combine(temp.Path, "store.db"), FixedClock.Default);
        var codes = new AccessCodes(store, FixedClock.Default);

        var issued = Enumerable.Range(0, 60).Select(i => codes.Issue(new RosterUnit($"14{i:0000}", $"单位{i}"))).ToList();

        Assert.All(issued, code =>
        {
            Assert.True(code.Length >= 20, code);
            Assert.All(code, c => Assert.Contains(c, AccessCodes.Alphabet));
            Assert.DoesNotContain(code, c => "0O1lIo".Contains(c, StringComparison.Ordinal));
        });
        Assert.Equal(issued.Count, issued.Distinct(StringComparer.Ordinal).Count());
        // 1,440 characters drawn: every one of the 31 turns up (a fixed or narrowed generator would not).
        Assert.Equal(AccessCodes.Alphabet.Order(), string.Concat(issued).Distinct().Order());
    }

    [Fact]
    public void The_store_file_holds_a_salted_hash_and_never_the_code()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "store.db");
        string county, office;
        using (var store = ReturnStore.Open(path, FixedClock.Default))
        {
            var codes = new AccessCodes(store, FixedClock.Default);
            county = codes.Issue(Luzhou);
            office = codes.IssueOffice();
        }

        // The database and whatever WAL is left beside it, byte for byte: neither code in ASCII, UTF-16 or as its own SHA-256.
        var bytes = Directory.GetFiles(temp.Path).SelectMany(File.ReadAllBytes).ToArray();
        foreach (var code in new[] { county, office })
        {
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(code)));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(code)));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(SHA256.HashData(Encoding.ASCII.GetBytes(code))));
        }
        // What is kept is PBKDF2-SHA-256 of the code under its own salt, computed here independently.
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT unit_code, salt, hash, iterations FROM access_codes ORDER BY unit_code;";
        using var reader = command.ExecuteReader();
        var salts = new List<byte[]>();
        foreach (var code in new[] { county, office }) // 140403 sorts before office
        {
            Assert.True(reader.Read());
            var salt = (byte[])reader.GetValue(1);
            var iterations = reader.GetInt32(3);
            Assert.True(salt.Length >= 16 && iterations >= 10_000, $"salt {salt.Length} bytes, {iterations} rounds");
            Assert.Equal(Rfc2898DeriveBytes.Pbkdf2(Encoding.ASCII.GetBytes(code), salt, iterations, HashAlgorithmName.SHA256, 32), (byte[])reader.GetValue(2));
            salts.Add(salt);
        }
        Assert.NotEqual(salts[0], salts[1]);
    }

    [Fact]
    public void A_code_verifies_to_its_holder_and_anything_else_to_nobody()
    {
        using var temp = new TempDirectory();
        using var store = ReturnStore.Open(Path.Combine(temp.Path, "store.db"), FixedClock.Default);
        var codes = new AccessCodes(store, FixedClock.Default);
        var county = codes.Issue(Luzhou);
        var office = codes.IssueOffice();

        Assert.Equal(new CodeHolder(Luzhou.Code, Luzhou.Name, CodeRole.County), codes.Verify(county));
        Assert.Equal(new CodeHolder("office", AccessCodes.OfficeName, CodeRole.Office), codes.Verify(office));
        // Read from paper: any case, in groups.
        var grouped = string.Join(" ", county.ToLowerInvariant().Chunk(4).Select(g => new string(g)));
        Assert.Equal(Luzhou.Code, codes.Verify(grouped)?.Unit);
        var wrongLast = county[..^1] + AccessCodes.Alphabet.First(c => c != county[^1]);
        foreach (var wrong in new[] { wrongLast, county[..^1], county + "2", "", "   ", null, county.Replace(county[3], '0'), new string('A', 10_000) })
        {
            Assert.Null(codes.Verify(wrong));
        }
        // A fresh instance (a restarted desk, nothing cached) verifies from the store alone.
        Assert.Equal(Luzhou.Code, new AccessCodes(store, FixedClock.Default).Verify(county)?.Unit);
    }

    [Fact]
    public void A_new_code_for_a_unit_revokes_its_old_one_and_revoking_ends_it_at_once()
    {
        using var temp = new TempDirectory();
        var later = new FixedClock(FixedClock.Default.GetUtcNow().AddHours(1));
        using var store = ReturnStore.Open(Path.Combine(temp.Path, "store.db"), FixedClock.Default);
        var first = new AccessCodes(store, FixedClock.Default).Issue(Luzhou);
        var codes = new AccessCodes(store, later);
        Assert.NotNull(codes.Verify(first)); // now remembered as verified

        var second = codes.Issue(Luzhou);

        Assert.Null(codes.Verify(first));
        Assert.Equal(Luzhou.Code, codes.Verify(second)?.Unit);
        var listed = codes.List();
        Assert.Equal(2, listed.Count);
        Assert.Equal((FixedClock.Default.GetUtcNow(), later.GetUtcNow()), (listed[0].IssuedAt, listed[0].RevokedAt!.Value));
        Assert.True(listed[1].InForce);

        Assert.True(codes.Revoke(Luzhou.Code));
        Assert.Null(codes.Verify(second));
        Assert.False(codes.Revoke(Luzhou.Code));
        Assert.All(codes.List(), c => Assert.False(c.InForce));
    }

    [Fact]
    public void A_revocation_through_another_connection_is_seen_at_once_by_a_desk_that_verified_the_code()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "store.db");
        using var deskStore = ReturnStore.Open(path, FixedClock.Default);
        var desk = new AccessCodes(deskStore, FixedClock.Default);
        var county = desk.Issue(Luzhou);
        var office = desk.IssueOffice();
        Assert.NotNull(desk.Verify(county));
        Assert.NotNull(desk.Verify(office));

        using (var otherStore = ReturnStore.Open(path, FixedClock.Default))
        {
            Assert.True(new AccessCodes(otherStore, FixedClock.Default).Revoke(Luzhou.Code));
        }

        Assert.Null(desk.Verify(county));
        Assert.NotNull(desk.Verify(office));

        // And by `reports codes revoke` run as a process of its own, while this desk keeps its store open.
        var result = Support.Cli.Run(temp.Path, null, "codes", "revoke", "--office", "--store", path);
        Assert.True(result.Exit == 0, result.Stdout + result.Stderr);
        Assert.Null(desk.Verify(office));
    }

    [Fact]
    public void Codes_are_checked_from_many_threads_at_once()
    {
        using var temp = new TempDirectory();
        using var store = ReturnStore.Open(Path.Combine(temp.Path, "store.db"), FixedClock.Default);
        var codes = new AccessCodes(store, FixedClock.Default);
        var issued = Samples.Changzhi.Units.Select(u => (u.Code, Secret: codes.Issue(u))).ToList();

        var seen = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 240, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var (unit, secret) = issued[i % issued.Count];
            seen.Add(codes.Verify(secret)?.Unit == unit ? "ok" : $"{unit} not verified");
        });

        Assert.All(seen, s => Assert.Equal("ok", s));
        Assert.Equal(240, seen.Count);
    }

    [Fact]
    public void A_schema_four_store_gains_the_desk_tables_in_place()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "four.db");
        using (ReturnStore.Open(path, FixedClock.Default))
        {
        }
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE access_codes; DROP TABLE desk_audit; PRAGMA user_version = 4;";
            command.ExecuteNonQuery();
        }

        using (var store = ReturnStore.Open(path, FixedClock.Default))
        {
            var code = new AccessCodes(store, FixedClock.Default).Issue(Luzhou);
            new DeskAudit(store, FixedClock.Default).Record("signin", Luzhou.Code, "127.0.0.1", "登录");
            Assert.Equal(Luzhou.Code, new AccessCodes(store, FixedClock.Default).Verify(code)?.Unit);
            Assert.Single(new DeskAudit(store, FixedClock.Default).Read());
            Assert.Equal("ok", store.IntegrityCheck());
        }
        using var check = new SqliteConnection($"Data Source={path};Pooling=False");
        check.Open();
        using var version = check.CreateCommand();
        version.CommandText = "PRAGMA user_version;";
        Assert.Equal(5L, version.ExecuteScalar());
    }
}
