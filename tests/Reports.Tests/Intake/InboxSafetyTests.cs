using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Reports.Intake;
using Reports.Intake.Xlsx;
using Reports.Pipeline;
using Reports.Tests.Support;

namespace Reports.Tests.Intake;

/// <summary>
/// The inbox does not trust the file system: a symbolic link is never followed (a link to /etc/passwd puts nothing of
/// it anywhere), a FIFO, device or socket is never opened (nothing blocks), at most the byte cap is read whatever the
/// file claims, and a subfolder named for a roster unit names the sender of the files in it.
/// </summary>
public sealed class InboxSafetyTests
{
    private static readonly long MaxBytes = XlsxLimits.Default.MaxFileBytes;

    private static IntakeContext Context => new(Samples.Campaign, Samples.Changzhi, Samples.Period);

    [UnixFact]
    public void The_file_kind_comes_from_the_entry_itself_and_matches_what_the_runtime_reports()
    {
        // Checks the layout of the runtime shim's FileStatus against this very runtime: size and time where .NET puts them.
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "a.bin");
        File.WriteAllBytes(path, new byte[12345]);
        var time = new DateTime(2022, 7, 3, 8, 0, 0, 123, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, time);
        var link = Path.Combine(temp.Path, "link");
        File.CreateSymbolicLink(link, path);
        var fifo = MakeFifo(Path.Combine(temp.Path, "fifo"));

        var status = EntryStatus.Of(path);
        Assert.Equal(FileKind.Regular, status.Kind);
        Assert.Equal(12345, status.Size);
        Assert.Equal(new DateTimeOffset(time), status.LastWriteUtc);
        using (var handle = File.OpenHandle(path))
        {
            Assert.Equal(status, EntryStatus.Of(handle));
        }
        Assert.Equal(FileKind.SymbolicLink, EntryStatus.Of(link).Kind);
        Assert.Equal(FileKind.Fifo, EntryStatus.Of(fifo).Kind);
        Assert.Equal(FileKind.Directory, EntryStatus.Of(temp.Path).Kind);
        Assert.Equal(FileKind.CharacterDevice, EntryStatus.Of("/dev/null").Kind);
        Assert.Equal(FileKind.Missing, EntryStatus.Of(Path.Combine(temp.Path, "gone")).Kind);
    }

    [UnixFact]
    public void A_link_to_etc_passwd_is_refused_and_none_of_its_bytes_are_kept()
    {
        using var temp = new TempDirectory();
        var inbox = temp.Sub("inbox");
        var link = Path.Combine(inbox, "140403-潞州区-campaign-5plus1-2022-06.xlsx");
        File.CreateSymbolicLink(link, "/etc/passwd");

        var file = InboxReader.Read(new InboxEntry(link, null), MaxBytes);
        Assert.Null(file.Bytes);
        Assert.Equal("RPT064", file.Problem?.Code);
        Assert.Contains("符号链接", file.Problem!.Message);
        Assert.DoesNotContain("root", file.Problem.Message);

        var result = Assert.Single(InboxIntake.Decided(Context, inbox));
        Assert.Equal(IntakeStatus.Rejected, result.Status);
        Assert.Equal("RPT064", Assert.Single(result.Diagnostics).Code);
        Assert.Equal("", result.Sha256);
        Assert.Null(result.Submission);
    }

    [UnixFact]
    public void A_link_to_dev_zero_is_refused_without_reading_it()
    {
        using var temp = new TempDirectory();
        var link = Path.Combine(temp.Path, "zero.xlsx");
        File.CreateSymbolicLink(link, "/dev/zero");

        var file = Guarded(() => InboxReader.Read(new InboxEntry(link, null), MaxBytes));
        Assert.Equal("RPT064", file.Problem?.Code);
        Assert.Null(file.Bytes);
    }

    [UnixFact]
    public void A_fifo_socket_or_device_is_refused_without_being_opened()
    {
        using var temp = new TempDirectory();
        var inbox = temp.Sub("inbox");
        var fifo = MakeFifo(Path.Combine(inbox, "140403-潞州区-campaign-5plus1-2022-06.xlsx"));
        MakeFifo(Path.Combine(inbox, "pipe")); // no workbook extension: reported all the same
        var socketPath = Path.Combine(inbox, "s.xlsx");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(socketPath));
        Samples.WriteFilled(inbox, Samples.Changzhi.Find("140404")!, Samples.ValuesOf("140404"));

        var read = Guarded(() => InboxReader.Read(new InboxEntry(fifo, null), MaxBytes));
        Assert.Equal("RPT064", read.Problem?.Code);
        Assert.Contains("管道", read.Problem!.Message);
        Assert.Contains("套接字", InboxReader.Read(new InboxEntry(socketPath, null), MaxBytes).Problem!.Message);
        Assert.Contains("字符设备", Guarded(() => InboxReader.Read(new InboxEntry("/dev/zero", null), MaxBytes)).Problem!.Message);

        // The whole intake returns, the FIFOs and the socket each reported, the real return accepted.
        var results = Guarded(() => InboxIntake.Decided(Context, inbox));
        Assert.Equal(4, results.Count);
        Assert.Equal(3, results.Count(r => r.Status == IntakeStatus.Rejected && r.Diagnostics.Single().Code == "RPT064"));
        Assert.Equal("140404", Assert.Single(results, r => r.Status == IntakeStatus.Accepted).UnitCode);
    }

    [UnixFact]
    public void Validate_reports_a_fifo_instead_of_hanging()
    {
        using var temp = new TempDirectory();
        var fifo = MakeFifo(Path.Combine(temp.Path, "140403-潞州区-campaign-5plus1-2022-06.xlsx"));
        var good = Samples.WriteFilled(temp.Sub("good"), Samples.Changzhi.Find("140404")!, Samples.ValuesOf("140404"));

        var validate = Guarded(() => Support.Cli.Invoke("validate", fifo, good));
        Assert.Equal((int)ExitCode.Incomplete, validate.Exit);
        Assert.Contains("RPT064", validate.Stdout + validate.Stderr);
    }

    [Fact]
    public void A_sparse_10_GiB_file_is_refused_without_being_read()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "140403-潞州区-campaign-5plus1-2022-06.xlsx");
        using (var stream = new FileStream(path, FileMode.CreateNew))
        {
            stream.SetLength(10L << 30);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var file = InboxReader.Read(new InboxEntry(path, null), MaxBytes);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal("RPT003", file.Problem?.Code);
        Assert.Null(file.Bytes);
        Assert.True(allocated < 100L << 20, $"allocated {allocated} bytes");
    }

    [UnixFact]
    public void The_cap_counts_the_bytes_read_not_the_length_the_file_claims()
    {
        // /proc files are regular files that claim a length of 0 whatever they hold.
        if (!OperatingSystem.IsLinux())
        {
            return; // no /proc elsewhere
        }
        const string path = "/proc/self/status";
        Assert.Equal(0, EntryStatus.Of(path).Size);

        var capped = InboxReader.Read(new InboxEntry(path, null), 64);
        Assert.Equal("RPT003", capped.Problem?.Code);
        Assert.Null(capped.Bytes);

        var whole = InboxReader.Read(new InboxEntry(path, null), MaxBytes);
        Assert.Null(whole.Problem);
        Assert.Contains("Pid:", Encoding.UTF8.GetString(whole.Bytes!));
    }

    [UnixFact]
    public void Unit_subfolders_name_the_sender_and_nothing_else_is_looked_into()
    {
        using var temp = new TempDirectory();
        var inbox = temp.Sub("inbox");
        var unit = Samples.Changzhi.Find("140403")!;
        var sent = Samples.WriteFilled(temp.Sub(Path.Combine("inbox", "140403")), unit, Samples.ValuesOf("140403"));
        File.WriteAllText(Path.Combine(inbox, "140403", "~$lock.xlsx"), "lock");
        Samples.WriteFilled(Directory.CreateDirectory(Path.Combine(inbox, "140403", "nested")).FullName, unit, Samples.ValuesOf("140403"));
        Samples.WriteFilled(Directory.CreateDirectory(Path.Combine(inbox, "其他")).FullName, unit, Samples.ValuesOf("140403"));
        var elsewhere = temp.Sub("elsewhere");
        Samples.WriteFilled(elsewhere, Samples.Changzhi.Find("140404")!, Samples.ValuesOf("140404"));
        Directory.CreateSymbolicLink(Path.Combine(inbox, "140404"), elsewhere); // a unit's name, but a link: not descended
        File.WriteAllText(Path.Combine(inbox, "top.txt"), "说明");
        File.WriteAllText(Path.Combine(inbox, "~$top.xlsx"), "lock");

        var entries = InboxReader.List(inbox, Samples.Changzhi);
        Assert.Equal(
            [(Path.Combine("140403", Path.GetFileName(sent)), "140403"), (Path.Combine("140403", "~$lock.xlsx"), "140403"), ("140404", null), ("top.txt", null), ("~$top.xlsx", null)],
            entries.Select(e => (Path.GetRelativePath(inbox, e.Path), e.Sender)));

        var received = InboxReader.Read(entries[0], MaxBytes);
        Assert.Equal("140403", received.Sender);
        Assert.NotNull(received.Bytes);
        Assert.Equal("RPT064", InboxReader.Read(entries[2], MaxBytes).Problem?.Code);

        // Without a roster no folder is a unit's.
        Assert.Equal(["140404", "top.txt", "~$top.xlsx"], InboxReader.List(inbox, null).Select(e => Path.GetFileName(e.Path)));

        var results = InboxIntake.Decided(Context, inbox);
        Assert.Equal("140403", Assert.Single(results, r => r.Status == IntakeStatus.Accepted).UnitCode);
        // Excel's lock files are listed, never read, and say why (issue 24: they were left out silently).
        Assert.Equal(["~$lock.xlsx", "~$top.xlsx"], results.Where(r => r.Diagnostics.Any(d => d.Code == "RPT058")).Select(r => Path.GetFileName(r.File)));
        Assert.All(results.Where(r => InboxReader.IsLockFile(r.File)), r => Assert.Equal(IntakeStatus.Ignored, r.Status));
        Assert.DoesNotContain(results, r => r.File.StartsWith(elsewhere, StringComparison.Ordinal));
    }

    [UnixFact]
    public void Several_returns_share_the_inbox_without_opening_a_fifo_or_following_a_link()
    {
        using var temp = new TempDirectory();
        var inbox = temp.Sub("inbox");
        foreach (var file in Directory.GetFiles(RepositoryPaths.SampleInbox).Concat(Directory.GetFiles(RepositoryPaths.FundInbox)))
        {
            File.Copy(file, Path.Combine(inbox, Path.GetFileName(file)));
        }
        var fifo = MakeFifo(Path.Combine(inbox, "140403-潞州区-fund-project-matching-2022-06-副本.xlsx"));
        var link = Path.Combine(inbox, "passwd.xlsx");
        File.CreateSymbolicLink(link, "/etc/passwd");

        var shares = Guarded(() => InboxShare.Split(inbox, Samples.Changzhi, [Samples.ReturnCode, SampleReturn.Fund.Code], MaxBytes));
        Assert.Contains(shares[0], e => e.Path == fifo);
        Assert.Contains(shares[0], e => e.Path == link);
        Assert.Equal(Directory.GetFiles(RepositoryPaths.FundInbox, "*.xlsx").Length, shares[1].Count);
    }

    /// <summary>
    /// The sample run with a link to /etc/passwd, a link to a generated secret, a link to /dev/zero and a FIFO added to
    /// its inbox: the run ends, each of the four is reported, every county is merged, and nothing of the linked files
    /// reaches the store or the outputs.
    /// </summary>
    [UnixFact]
    public void A_run_over_an_inbox_with_links_and_a_fifo_merges_every_county_and_stores_nothing_of_them()
    {
        using var temp = new TempDirectory();
        var inbox = temp.Sub("inbox");
        foreach (var file in Directory.GetFiles(RepositoryPaths.SampleInbox))
        {
            File.Copy(file, Path.Combine(inbox, Path.GetFileName(file)));
        }
        var secret = Path.Combine(temp.Sub("private"), "secret.xlsx");
        var marker = "SECRET-" + Guid.NewGuid().ToString("N");
        File.WriteAllText(secret, marker);
        File.CreateSymbolicLink(Path.Combine(inbox, "140403-潞州区-campaign-5plus1-2022-06-passwd.xlsx"), "/etc/passwd");
        File.CreateSymbolicLink(Path.Combine(inbox, "secret.xlsx"), secret);
        File.CreateSymbolicLink(Path.Combine(inbox, "zero.xlsx"), "/dev/zero");
        MakeFifo(Path.Combine(inbox, "140404-上党区-campaign-5plus1-2022-06-管道.xlsx"));
        var store = Path.Combine(temp.Path, "store", "reports.db");
        var outRoot = Path.Combine(temp.Path, "out");

        var run = Guarded(() => Support.Cli.Invoke("run", "--return", Samples.ReturnCode, "--period", "2022-06", "--roster", RepositoryPaths.SampleRoster,
            "--inbox", inbox, "--out", outRoot, "--store", store));

        // Every roster unit is accepted: the refused entries speak for no unit, so the run is complete.
        Assert.True(run.Exit == (int)ExitCode.Success, run.Stdout + run.Stderr);
        Assert.Contains("已汇总 12/12", run.Stdout);
        var folder = Path.Combine(outRoot, "2022-06");
        using var intake = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "intake.json")));
        var text = intake.RootElement.GetRawText();
        Assert.Equal(4, CountOf(text, "RPT064"));
        using var summary = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "summary.json")));
        Assert.Empty(summary.RootElement.GetProperty("missing").EnumerateArray());
        Assert.Empty(summary.RootElement.GetProperty("rejected").EnumerateArray());

        var passwd = File.ReadAllBytes("/etc/passwd").Take(32).ToArray();
        var kept = Directory.GetFiles(Path.GetDirectoryName(store)!).Concat(Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
            .Where(f => !f.EndsWith(".xlsx", StringComparison.Ordinal) && !f.EndsWith(".pdf", StringComparison.Ordinal)) // compressed: checked below
            .ToList();
        Assert.Contains(kept, f => f.EndsWith("reports.db", StringComparison.Ordinal));
        foreach (var file in kept)
        {
            var bytes = File.ReadAllBytes(file);
            Assert.True(bytes.AsSpan().IndexOf(passwd) < 0, $"{file} holds bytes of /etc/passwd");
            Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(marker)) < 0, $"{file} holds the linked secret");
        }
        using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={store};Mode=ReadOnly");
        db.Open();
        using var originals = db.CreateCommand();
        originals.CommandText = "SELECT COUNT(*) FROM originals;";
        Assert.Equal(12L, (long)originals.ExecuteScalar()!); // the twelve returns, nothing else
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    private static string MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo") { ArgumentList = { path }, UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    /// <summary>A hang guard, not a speed check: a regression that blocks on a FIFO fails the test instead of hanging CI.</summary>
    private static T Guarded<T>(Func<T> work)
    {
        var task = Task.Run(work);
        Assert.True(task.Wait(TimeSpan.FromSeconds(30)), "blocked: the call did not return within 30 s");
        return task.Result;
    }
}
