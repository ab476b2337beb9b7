using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Reports.Access;
using Reports.Analysis;
using Reports.Definitions;
using Reports.Intake;
using Reports.Ledger;
using Reports.Merge;
using Reports.Outputs.Receipts;
using Reports.Store;
using Reports.Versions;

namespace Reports.Desk;

/// <summary>
/// The desk's door into the one ledger: an upload is taken in exactly as a file of the inbox (the same reading, checks,
/// store and receipt names), recorded at the server's time when the upload was complete; what the pages and the API show
/// is read back through the ledger and its decision. No version is decided here.
/// Uploads are read and checked in parallel, outside any lock (the expensive part); only their recording — a few short
/// transactions of the store, on one connection kept open for the desk's life — goes one at a time, uploads waiting
/// recorded together. The intake context (the roster, the prefill, the previous period's figures) is kept per return
/// while no other process writes to the store (checked whenever no recording is under way).
/// </summary>
public sealed partial class DeskLedger(DeskOptions options) : IDisposable
{
    // The store's one connection for the desk's life, and the recording: one upload recorded at a time.
    private readonly SemaphoreSlim _recording = new(1, 1);
    private readonly DeskClock _clock = new(options.Clock);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long DataVersion, IntakeContext Context)> _contexts = new(StringComparer.Ordinal);
    private readonly List<Upload> _waiting = [];
    private bool _recorderBusy;
    private ReturnStore? _store;

    public DeskOptions Options => options;

    /// <summary>
    /// Takes one upload in for <paramref name="sender"/>: read and checked from its bytes under a name of the unit and
    /// their SHA-256, then recorded by the ledger in the store; the verdict is what the decision over the unit's versions
    /// made of it. A file whose meta_unit is another unit is rejected by intake (RPT018).
    /// </summary>
    public async Task<DeskVerdict> ReceiveAsync(CodeHolder sender, byte[] bytes, string? clientName, CancellationToken cancellation)
    {
        var receivedAt = options.Clock.GetUtcNow();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var definition = DefinitionOf(bytes);
        // Never a name the client chose: the unit, the hash, and one of the workbook extensions intake knows. The file's
        // time is the reception time: 按时/逾期 are judged from it, as for a file laid in the inbox.
        // (Named in the upload folder as it always was; the bytes are read from memory and never written there.)
        var name = Path.Combine(options.UploadFolder, $"{DeskPrefix}{sender.Unit}-{sha256}{Extension(clientName)}");
        var context = await ContextOf(definition, cancellation);
        var file = new ReceivedFile(name, sender.Unit, bytes, receivedAt) { ByDesk = true };
        var read = ReturnLedger.Read(file, context with { Now = TimeZoneInfo.ConvertTime(receivedAt, options.Clock.LocalTimeZone) });
        var upload = new Upload(definition, read, receivedAt, sender.Unit, sha256);
        lock (_waiting)
        {
            _waiting.Add(upload);
            if (!_recorderBusy)
            {
                _recorderBusy = true;
                _ = Task.Run(RecordWaiting, CancellationToken.None);
            }
        }
        // A request given up while it waits is taken out and never recorded; once taken, it is recorded whole.
        using var giveUp = cancellation.Register(() =>
        {
            lock (_waiting)
            {
                if (_waiting.Remove(upload))
                {
                    upload.Verdict.TrySetCanceled(cancellation);
                }
            }
        });
        return await upload.Verdict.Task;
    }

    /// <summary>An upload read and checked, waiting to be recorded, and its verdict to come.</summary>
    private sealed record Upload(ReturnDefinition Definition, IntakeProcessor.Taken Read, DateTimeOffset ReceivedAt, string Unit, string Sha256)
    {
        public TaskCompletionSource<DeskVerdict> Verdict { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// Records the uploads waiting, a group at a time, until none waits. A group is one run of the store: one return, at
    /// most one upload per unit and per content (so each verdict is what it would be recorded alone: the versions of its
    /// unit before it and itself); the others wait for the next group. Each upload keeps its own reception time.
    /// </summary>
    private void RecordWaiting()
    {
        while (true)
        {
            List<Upload> group;
            lock (_waiting)
            {
                if (_waiting.Count == 0)
                {
                    _recorderBusy = false;
                    return;
                }
                var units = new HashSet<string>(StringComparer.Ordinal);
                var contents = new HashSet<string>(StringComparer.Ordinal);
                var code = _waiting[0].Definition.Code;
                group = [.. _waiting.Where(u => u.Definition.Code == code && units.Add(u.Unit) & contents.Add(u.Sha256)).Take(GroupLimit)];
                _waiting.RemoveAll(group.Contains);
            }
            try
            {
                foreach (var (upload, verdict) in group.Zip(Record(group)))
                {
                    upload.Verdict.TrySetResult(verdict);
                }
            }
            catch (Exception problem)
            {
                foreach (var upload in group)
                {
                    upload.Verdict.TrySetException(problem);
                }
            }
        }
    }

    /// <summary>At most this many uploads in one run: a group's verdicts wait for all of it.</summary>
    private const int GroupLimit = 64;

    private List<DeskVerdict> Record(List<Upload> group)
    {
        _recording.Wait();
        try
        {
            var definition = group[0].Definition;
            // The run's own time (its row) is the first upload's; each version is recorded at its upload's.
            _clock.Pin(group[0].ReceivedAt);
            var ledger = ReturnLedger.Open(StoreLocked(), definition, options.Roster, options.Period, _clock);
            var intake = ledger.Record([.. group.Select(u => (u.Read, u.ReceivedAt))], "报送台", options.Recorded);
            return [.. group.Select((upload, i) => VerdictOf(ledger, intake, intake.Received[i], upload))];
        }
        finally
        {
            _recording.Release();
        }
    }

    private DeskVerdict VerdictOf(ReturnLedger ledger, LedgerIntake intake, IntakeFileResult received, Upload upload)
    {
        var decision = ledger.DecideUnit(received.UnitCode, [.. intake.Unrecorded.Where(f => ReferenceEquals(f.Checked, received))]);
        var decided = (received.Sha256.Length == 0 ? null : decision.Files.FirstOrDefault(f => f.Sha256 == received.Sha256))
            ?? new DecidedVersion(StoredVersion.Unrecorded(received), received.Status);
        // Content the store held before this upload: a byte-identical resend.
        var duplicate = decided.FirstSeenRun != 0 && decided.FirstSeenRun != intake.RunId;
        var at = decided.ReceivedAt ?? upload.ReceivedAt;
        return new DeskVerdict(upload.Unit, upload.Definition.Code, options.Period.ToString(), upload.Sha256, at,
            duplicate ? "duplicate" : decided.Status.ToString().ToLowerInvariant(),
            options.Deadline is { } due ? at <= due : null, decided.Diagnostics);
    }

    /// <summary>The intake context of a return (it reads the previous period's figures from the store), kept while no other process writes to the store.</summary>
    private async Task<IntakeContext> ContextOf(ReturnDefinition definition, CancellationToken cancellation)
    {
        var known = _contexts.TryGetValue(definition.Code, out var cached);
        // While uploads are being recorded the one it has is used (it was fresh when the recording began): reading never
        // waits for a recording.
        if (!known)
        {
            await _recording.WaitAsync(cancellation);
        }
        else if (!await _recording.WaitAsync(0, cancellation))
        {
            return cached.Context;
        }
        try
        {
            // Built again only when another process has written to the store since (an approval of the previous period …).
            var store = StoreLocked();
            var version = store.DataVersion;
            if (!_contexts.TryGetValue(definition.Code, out cached) || cached.DataVersion != version)
            {
                cached = (version, ReturnLedger.Open(store, definition, options.Roster, options.Period, options.Clock).IntakeContext());
                _contexts[definition.Code] = cached;
            }
            return cached.Context;
        }
        finally
        {
            _recording.Release();
        }
    }

    /// <summary>The desk's store, opened on first use (only under the recording's lock: one connection, one thread at a time).</summary>
    private ReturnStore StoreLocked() => _store ??= ReturnStore.Open(options.StorePath, _clock);

    public void Dispose()
    {
        _store?.Dispose();
        _recording.Dispose();
    }

    /// <summary>The period's record of one return as the ledger decides it: every version, the overview per roster unit, the receipts issued.</summary>
    public DeskView View(ReturnDefinition definition) => View(definition, null);

    /// <summary>The period's record of one return; the versions that count come with their figures, and those <paramref name="figuresOf"/> asks for.</summary>
    public DeskView View(ReturnDefinition definition, Func<StoredVersion, bool>? figuresOf)
    {
        if (!File.Exists(options.StorePath))
        {
            return ViewOf(definition, ReturnLedger.Empty(definition, options.Roster, options.Period, options.Clock), [], null);
        }
        using var store = ReturnStore.OpenToRead(options.StorePath, options.Clock);
        var ledger = ReturnLedger.Open(store, definition, options.Roster, options.Period, options.Clock);
        return ViewOf(definition, ledger, ledger.Receipts, figuresOf);
    }

    /// <summary>
    /// The receipt of one version as the receipts renderer writes it (dated when the version was received), for its
    /// sender or the office; null for anyone else, or no such version.
    /// </summary>
    public (string Name, byte[] Bytes)? Receipt(CodeHolder who, string sha256)
    {
        foreach (var definition in options.Returns)
        {
            var view = View(definition, v => v.Sha256 == sha256); // the receipt shows the version's figures, counted or not
            var file = view.Decision.Files.FirstOrDefault(f => f.Sha256 == sha256);
            if (file is null || (who.Role != CodeRole.Office && SenderOf(file) != who.Unit))
            {
                continue;
            }
            var name = view.Receipts.LastOrDefault(r => r.Sha256 == sha256)?.Name ?? $"回执-{sha256[..8]}.xlsx";
            var clock = new PinnedClock(file.ReceivedAt ?? options.Clock.GetUtcNow(), options.Clock.LocalTimeZone);
            return (name, new ReceiptWriter(clock, ReceiptPurpose.Reception, options.Roster, options.Period).Write(file.File, file, definition));
        }
        return null;
    }

    /// <summary>Who sent a version: the unit whose code uploaded it through the desk, else the unit its file names.</summary>
    public static string? SenderOf(DecidedVersion file) =>
        DeskName().Match(Path.GetFileName(file.File)) is { Success: true } match ? match.Groups[1].Value : file.UnitCode;

    /// <summary>The start of the name an upload is recorded under (no digits first: intake reads a leading code as the sender).</summary>
    public const string DeskPrefix = "报送台-";

    [GeneratedRegex(@"^报送台-(\d{1,12})-[0-9a-f]{64}\.", RegexOptions.CultureInvariant)]
    private static partial Regex DeskName();

    private DeskView ViewOf(ReturnDefinition definition, ReturnLedger ledger, IReadOnlyList<IssuedReceipt> receipts, Func<StoredVersion, bool>? figuresOf)
    {
        var decision = ledger.Decide([], figuresOf);
        var merge = Merger.Merge(definition, options.Roster, options.Period, options.Window, decision);
        return new DeskView(definition, decision, SubmissionOverview.Build(merge, decision, options.Deadline), receipts, ledger.Freeze is not null);
    }

    /// <summary>The return a file says it is, among those open; else the first (whose intake then says what is wrong).</summary>
    private ReturnDefinition DefinitionOf(byte[] bytes)
    {
        if (options.Returns.Count == 1)
        {
            return options.Returns[0];
        }
        var said = ReturnFileReader.Peek(bytes)?.Return;
        return options.Returns.FirstOrDefault(d => d.Code == said) ?? options.Returns[0];
    }

    private static string Extension(string? clientName) =>
        Path.GetExtension(clientName ?? "").ToLowerInvariant() is (".xlsx" or ".xlsm" or ".xls") and var known ? known : ".xlsx";
}

/// <summary>One return's record for the period: the decision over its versions, the overview per roster unit, the receipts issued, and whether it is approved.</summary>
public sealed record DeskView(ReturnDefinition Definition, VersionDecision Decision, SubmissionOverview Overview, IReadOnlyList<IssuedReceipt> Receipts, bool Approved)
{
    /// <summary>The versions <paramref name="unit"/> sent (through the desk, or files naming it), in the order received.</summary>
    public IReadOnlyList<DecidedVersion> VersionsOf(string unit) =>
        [.. Decision.Files.Where(f => f.Sha256.Length > 0 && DeskLedger.SenderOf(f) == unit)];
}
