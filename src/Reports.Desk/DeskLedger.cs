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
/// The desk's door into the one ledger: an upload is taken in exactly as a file of the inbox (ReturnLedger.Receive:
/// the same reading, checks, store and receipt names), recorded at the server's time when the upload was complete; what
/// the pages and the API show is read back through the ledger and its decision. No version is decided here.
/// </summary>
public sealed partial class DeskLedger(DeskOptions options)
{
    // Until the store's writers hold its lock only while writing, one upload at a time goes into the ledger.
    private readonly SemaphoreSlim _one = new(1, 1);

    public DeskOptions Options => options;

    /// <summary>
    /// Takes one upload in for <paramref name="sender"/>: its bytes lie, named by their SHA-256, in the upload folder
    /// while the ledger reads and records them in one transaction of the store; the verdict is what the decision
    /// made of them. A file whose meta_unit is another unit is rejected by intake (RPT018).
    /// </summary>
    public async Task<DeskVerdict> ReceiveAsync(CodeHolder sender, byte[] bytes, string? clientName, CancellationToken cancellation)
    {
        var receivedAt = options.Clock.GetUtcNow();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var definition = DefinitionOf(bytes);
        // Never a name the client chose: the unit, the hash, and one of the workbook extensions intake knows.
        var path = Path.Combine(options.UploadFolder, $"{DeskPrefix}{sender.Unit}-{sha256}{Extension(clientName)}");
        await _one.WaitAsync(cancellation);
        try
        {
            Directory.CreateDirectory(options.UploadFolder);
            await File.WriteAllBytesAsync(path, bytes, CancellationToken.None);
            // The file's time is the reception time: 按时/逾期 are judged from it, as for a file laid in the inbox.
            File.SetLastWriteTimeUtc(path, receivedAt.UtcDateTime);
            var clock = new PinnedClock(receivedAt, options.Clock.LocalTimeZone);
            using var store = ReturnStore.Open(options.StorePath, clock);
            var ledger = ReturnLedger.Open(store, definition, options.Roster, options.Period, clock);
            var intake = ledger.Receive([new InboxEntry(path, sender.Unit) { ByDesk = true }], ledger.IntakeContext(), "报送台", _ => true,
                threads: 1, recorded: options.Recorded);
            var received = intake.Received[0];
            var decision = ledger.Decide(intake.Unrecorded);
            var decided = (received.Sha256.Length == 0 ? null : decision.Files.FirstOrDefault(f => f.Sha256 == received.Sha256))
                ?? new DecidedVersion(StoredVersion.Unrecorded(received), received.Status);
            // Content the store held before this upload: a byte-identical resend.
            var duplicate = decided.FirstSeenRun != 0 && decided.FirstSeenRun != intake.RunId;
            var at = decided.ReceivedAt ?? receivedAt;
            return new DeskVerdict(sender.Unit, definition.Code, options.Period.ToString(), sha256, at,
                duplicate ? "duplicate" : decided.Status.ToString().ToLowerInvariant(),
                options.Deadline is { } due ? at <= due : null, decided.Diagnostics);
        }
        finally
        {
            _one.Release();
            // The store holds the bytes now (or, killed midway, never did): the upload's file is not kept twice.
            File.Delete(path);
        }
    }

    /// <summary>The period's record of one return as the ledger decides it: every version, the overview per roster unit, the receipts issued.</summary>
    public DeskView View(ReturnDefinition definition)
    {
        if (!File.Exists(options.StorePath))
        {
            return ViewOf(definition, ReturnLedger.Empty(definition, options.Roster, options.Period, options.Clock), []);
        }
        using var store = ReturnStore.OpenToRead(options.StorePath, options.Clock);
        var ledger = ReturnLedger.Open(store, definition, options.Roster, options.Period, options.Clock);
        return ViewOf(definition, ledger, ledger.Receipts);
    }

    /// <summary>
    /// The receipt of one version as the receipts renderer writes it (dated when the version was received), for its
    /// sender or the office; null for anyone else, or no such version.
    /// </summary>
    public (string Name, byte[] Bytes)? Receipt(CodeHolder who, string sha256)
    {
        foreach (var definition in options.Returns)
        {
            var view = View(definition);
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

    private DeskView ViewOf(ReturnDefinition definition, ReturnLedger ledger, IReadOnlyList<IssuedReceipt> receipts)
    {
        var decision = ledger.Decide([]);
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
