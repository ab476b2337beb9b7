using Reports.Diagnostics;
using Reports.Intake.Xlsx;

namespace Reports.Intake;

/// <summary>
/// Takes in every file of an inbox, in a fixed order, each read once and checked; a byte-identical resend is a
/// duplicate, not a second version. Files are recognised by their first bytes. Which version counts for a unit is
/// not decided here but by the ledger (<see cref="Ledger.ReturnLedger"/>). A file whose content is <paramref name="known"/>
/// (a version the store already holds for the period) is read and hashed but not parsed again: its result is the store's.
/// </summary>
public sealed class IntakeProcessor(IntakeContext context, int? maxParallelism = null, IReadOnlyDictionary<string, IntakeFileResult>? known = null)
{
    /// <summary>Extensions under which a file is read even when its bytes say it is not a workbook (to tell the clerk so).</summary>
    private static readonly string[] WorkbookExtensions = [".xlsx", ".xlsm", ".xls", ".xltx", ".xltm", ".et", ".ett"];

    public IReadOnlyList<IntakeFileResult> ProcessEntries(IReadOnlyList<InboxEntry> entries, IProgress<string>? progress = null) =>
        ProcessEntries(entries, progress, null);

    /// <summary>
    /// A file as intake hands it on: read and checked, with the bytes it was read from (null when it could not be read),
    /// which only the store is given, and nothing keeps past it.
    /// </summary>
    public readonly record struct Taken(IntakeFileResult File, byte[]? Bytes)
    {
        /// <summary>A file of a content the store holds: its result is the store's (never parsed here), and the file as received, should it need parsing after all.</summary>
        public ReceivedFile? FromStore { get; init; }
    }

    /// <summary>
    /// Reads every entry, on every core, and hands each result on in file order as soon as it and every file before
    /// it are read: <paramref name="taken"/> (the store records it, with its bytes) returns what is kept of it in the
    /// list returned. At most a few dozen files are read ahead of the one being handed on, so the bytes of an inbox are
    /// never all held at once; the list returned holds none. Without <paramref name="taken"/>, every result is kept whole.
    /// </summary>
    public IReadOnlyList<IntakeFileResult> ProcessEntries(IReadOnlyList<InboxEntry> entries, IProgress<string>? progress, Func<Taken, IntakeFileResult>? taken)
    {
        // Files are independent: read them on every core, each result in its file's slot; they are handed on, marked
        // as duplicates and reported in file order, so every decision taken from them is the same as a one-core run's.
        var reader = new ReturnFileReader(context);
        var maxBytes = context.EffectiveLimits.MaxFileBytes;
        var results = new Taken?[entries.Count];
        var kept = new IntakeFileResult[entries.Count];
        var workers = Math.Max(1, Math.Min(maxParallelism ?? DefaultParallelism, entries.Count));
        var ahead = 16 * workers;
        var gate = new object();
        var claimed = -1;
        var handed = 0;
        long held = 0; // bytes of files read and not yet handed on
        Exception? failure = null;

        void Work()
        {
            try
            {
                while (true)
                {
                    // Files are claimed in order, so the first file not yet handed on is always being read.
                    var index = Interlocked.Increment(ref claimed);
                    if (index >= entries.Count)
                    {
                        return;
                    }
                    lock (gate)
                    {
                        // The next file to hand on is always read (nothing waits forever); others wait while the files
                        // read ahead hold more than the budget, however many readers there are.
                        while ((index >= handed + ahead || (index > handed && held > ReadBudget.TotalBytes / 2)) && failure is null)
                        {
                            Monitor.Wait(gate);
                        }
                        if (failure is not null)
                        {
                            return;
                        }
                    }
                    var result = ReadEntry(reader, entries[index], maxBytes, known);
                    lock (gate)
                    {
                        results[index] = result;
                        held += result.Bytes?.Length ?? 0;
                        Monitor.PulseAll(gate);
                    }
                }
            }
            catch (Exception problem)
            {
                Fail(problem);
            }
        }

        void Fail(Exception problem)
        {
            lock (gate)
            {
                failure ??= problem;
                Monitor.PulseAll(gate);
            }
        }

        var readers = Enumerable.Range(0, workers)
            .Select(_ => Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            for (var index = 0; index < entries.Count; index++)
            {
                Taken read;
                lock (gate)
                {
                    while (results[index] is null && failure is null)
                    {
                        Monitor.Wait(gate);
                    }
                    if (failure is not null)
                    {
                        break;
                    }
                    read = results[index]!.Value;
                    held -= read.Bytes?.Length ?? 0;
                }
                if (read.FromStore is { } unparsed && first.ContainsKey(read.File.Sha256))
                {
                    // A second copy of a known content in the inbox: a duplicate's receipt tells its own figures, as before.
                    read = new Taken(reader.Read(unparsed, read.File.Sha256), read.Bytes);
                }
                var result = MarkDuplicate(read.File, first);
                if (taken is not null)
                {
                    result = taken(read with { File = result });
                }
                if (progress is not null && result.Status != IntakeStatus.Ignored)
                {
                    progress.Report($"{Path.GetFileName(result.File)}: {Describe(result.Status)}");
                }
                lock (gate)
                {
                    // Handed on: its bytes are let go.
                    results[index] = null;
                    kept[index] = result;
                    handed = index + 1;
                    Monitor.PulseAll(gate);
                }
            }
        }
        catch (Exception problem)
        {
            Fail(problem);
        }
        Task.WaitAll(readers);
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
        return kept;
    }

    /// <summary>Reads one entry: each file is read once, here, and everything below works from those bytes.</summary>
    private static Taken ReadEntry(ReturnFileReader reader, InboxEntry entry, long maxBytes, IReadOnlyDictionary<string, IntakeFileResult>? known)
    {
        if (InboxReader.IsLockFile(entry.Path))
        {
            return new Taken(new IntakeFileResult(entry.Path, "", null, IntakeStatus.Ignored,
                [DiagnosticCatalog.LockFile.At("这是 Excel 或 WPS 打开工作簿时留下的临时锁文件（~$ 开头），不是报表，未读取", entry.Path)], null), null);
        }
        var status = EntryStatus.Of(entry);
        using var budget = ReadBudget.Acquire(status.Kind == FileKind.Regular ? Math.Min(status.Size, maxBytes) : 0);
        var file = InboxReader.Read(entry, maxBytes);
        if (known is { Count: > 0 } && file is { Problem: null, Bytes: { } bytes } && IsWorkbookCandidate(file))
        {
            // Hashed once: a content the store holds costs its hash, not a parse; a new one is parsed with that hash.
            var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
            return known.TryGetValue(sha256, out var stored)
                ? new Taken(stored with { File = file.Path }, bytes) { FromStore = file }
                : new Taken(reader.Read(file, sha256), bytes);
        }
        return IsWorkbookCandidate(file)
            ? new Taken(reader.Read(file), file.Problem is null ? file.Bytes : null)
            : new Taken(new IntakeFileResult(file.Path, "", null, IntakeStatus.Ignored,
                [DiagnosticCatalog.NotAReturnFile.At("收件箱中的这个文件不是 Excel 工作簿，未读取", file.Path)], null), null);
    }

    /// <summary>How many files are read at once unless told: every core.</summary>
    public static int DefaultParallelism => Environment.ProcessorCount;

    /// <summary>
    /// By content first: a workbook named .pdf is read; a PDF named .xlsx is read too, to be reported. An entry that is
    /// no regular file is always reported, whatever its name. The bytes were read already: nothing is opened again.
    /// </summary>
    private static bool IsWorkbookCandidate(ReceivedFile file) =>
        WorkbookExtensions.Contains(Path.GetExtension(file.Path), StringComparer.OrdinalIgnoreCase)
        || file.Problem?.Code == DiagnosticCatalog.NotARegularFile.Code
        || file.Bytes is { } bytes && FileSignature.LooksLikeWorkbook(bytes.AsSpan(0, Math.Min(bytes.Length, 8)));

    /// <summary>A file whose bytes equal an earlier file's (<paramref name="first"/>: the first file of each content so far) is the same submission sent twice.</summary>
    private static IntakeFileResult MarkDuplicate(IntakeFileResult result, Dictionary<string, string> first)
    {
        if (result.Sha256.Length == 0 || result.Status == IntakeStatus.Ignored)
        {
            return result;
        }
        if (!first.TryGetValue(result.Sha256, out var original))
        {
            first[result.Sha256] = result.File; // its name only: the result itself may still hold its bytes
            return result;
        }
        var note = DiagnosticCatalog.Duplicate.At($"与 {Path.GetFileName(original)} 内容完全相同，按同一份报送处理", result.File);
        return result with { Status = IntakeStatus.Duplicate, Diagnostics = [.. result.Diagnostics, note] };
    }

    private static string Describe(IntakeStatus status) => status switch
    {
        IntakeStatus.Accepted => "通过",
        IntakeStatus.Rejected => "退回",
        IntakeStatus.Superseded => "已被更新的报送替代",
        IntakeStatus.Duplicate => "重复报送",
        _ => "未读取",
    };
}
