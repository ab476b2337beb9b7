using Reports.Analysis;
using Reports.Definitions;
using Reports.Diagnostics;
using Reports.Intake;
using Reports.Merge;
using Reports.Periods;
using Reports.Results;
using Reports.Rosters;
using Reports.Store;
using Reports.Versions;

namespace Reports.Ledger;

/// <summary>
/// The office's record of one return × period, and the only door into it: it builds the intake context (the office's
/// prefill and the previous period's figures as its approval adopted them), takes files in and records them, reads
/// withdrawals, approvals, reopenings and issued receipts, decides which version counts (the one rule,
/// <see cref="VersionSelector"/>) and computes the result. <c>run</c>, <c>status</c>, <c>history</c>, <c>approve</c>,
/// <c>reopen</c>, <c>withdraw</c>, <c>explain</c> and <c>validate</c> (an empty ledger: no store) all go through it,
/// so they cannot disagree. Nothing else calls VersionSelector or reads the store's version tables (a test keeps it so).
/// </summary>
public sealed class ReturnLedger
{
    private readonly ReturnStore? _store;
    private readonly TimeProvider _clock;
    private Freeze? _freeze;
    private bool _freezeRead;

    /// <summary>Each period's previous figures once worked out, shared by the ledgers this one opens (the history, the previous periods).</summary>
    private readonly Dictionary<ReportingPeriod, PreviousFigures?> _previousFigures;

    private ReturnLedger(ReturnStore? store, ReturnDefinition definition, Roster? roster, ReportingPeriod period, TimeProvider clock,
        Dictionary<ReportingPeriod, PreviousFigures?>? previousFigures = null)
    {
        _previousFigures = previousFigures ?? [];
        _store = store;
        Definition = definition;
        Roster = roster;
        Period = period;
        _clock = clock;
    }

    /// <summary>A return and period of the store; <paramref name="roster"/> is needed to take files in, approve and compute (not to read history).</summary>
    public static ReturnLedger Open(ReturnStore store, ReturnDefinition definition, Roster? roster, ReportingPeriod period, TimeProvider clock) =>
        new(store, definition, roster, period, clock);

    /// <summary>A ledger with no store (a run without one, <c>validate</c> away from the office): nothing received before, nothing approved.</summary>
    public static ReturnLedger Empty(ReturnDefinition definition, Roster roster, ReportingPeriod period, TimeProvider clock) =>
        new(null, definition, roster, period, clock);

    public ReturnDefinition Definition { get; }

    public Roster? Roster { get; }

    public ReportingPeriod Period { get; }

    private string Code => Definition.Code;

    private Roster RosterNeeded => Roster ?? throw new InvalidOperationException("此操作需要单位名册");

    /// <summary>The approval in force (less the units reopened since); null when the period is not approved.</summary>
    public Freeze? Freeze
    {
        get
        {
            if (!_freezeRead)
            {
                _freeze = _store?.FreezeOf(Code, Period);
                _freezeRead = true;
            }
            return _freeze;
        }
    }

    /// <summary>Every approval of the period, in order.</summary>
    public IReadOnlyList<Approval> Approvals => _store?.Approvals(Code, Period) ?? [];

    /// <summary>
    /// The briefing's issue number of the period (第N期): its place among the return's periods of the year in the order
    /// of their first approval; null while the period is not approved (or without a store). A number once given stays:
    /// a later period approved, or an earlier one reopened, does not renumber it.
    /// </summary>
    public int? IssueNumber()
    {
        if (_store is null || Freeze is null)
        {
            return null;
        }
        var place = _store.ApprovedPeriods(Code, Period.Year).ToList().IndexOf(Period.ToString());
        return place < 0 ? null : place + 1;
    }

    /// <summary>Every reopening of the period, in order.</summary>
    public IReadOnlyList<Reopening> Reopenings => _store?.Reopenings(Code, Period) ?? [];

    /// <summary>Every receipt issued for the period, with the version it was issued for.</summary>
    public IReadOnlyList<IssuedReceipt> Receipts => _store?.Receipts(Code, Period) ?? [];

    /// <summary>What a file of this return and period is checked against: the roster, the office's prefill, the run's clock and the previous period's figures.</summary>
    public IntakeContext IntakeContext(IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>>? prefilled = null) =>
        new(Definition, RosterNeeded, Period, Prefilled: prefilled, Now: _clock.GetLocalNow(), Previous: PreviousFigures());

    /// <summary>
    /// The previous period's figures per unit, as the office's record has them: the versions its approval adopted (never a
    /// file received after it and pending), or, while it is not approved, the versions the one rule decides; only accepted
    /// ones. Null when the definition declares no check against them or the store holds nothing of that period.
    /// </summary>
    public PreviousFigures? PreviousFigures()
    {
        if (_store is null || !CrossPeriodFindings.Apply(Definition))
        {
            return null;
        }
        if (!_previousFigures.TryGetValue(Period, out var figures))
        {
            figures = PreviousFiguresFromStore();
            _previousFigures[Period] = figures;
        }
        return figures;
    }

    /// <summary>
    /// The previous period's figures of one unit only, decided by the one rule over that unit's versions alone (what
    /// <see cref="PreviousFigures"/> holds of it): a unit's decision (the desk's) does not read the whole previous period.
    /// </summary>
    private PreviousFigures? PreviousFiguresOf(string unit)
    {
        if (_previousFigures.TryGetValue(Period, out var all))
        {
            return all;
        }
        var previous = Other(Period.Previous(), Roster);
        var chosen = previous.DecideUnit(unit, []).For(unit);
        return new PreviousFigures(previous.Period, chosen is { Status: IntakeStatus.Accepted, Submission: { } submission }
            ? new Dictionary<string, IReadOnlyDictionary<string, decimal>>(StringComparer.Ordinal) { [unit] = submission.Values }
            : new Dictionary<string, IReadOnlyDictionary<string, decimal>>(StringComparer.Ordinal));
    }

    private PreviousFigures? PreviousFiguresFromStore()
    {
        var previous = Other(Period.Previous(), Roster);
        var decision = previous.Decide([]);
        if (decision.Files.Count == 0)
        {
            return null;
        }
        var byUnit = decision.Chosen.Values
            .Where(f => f.Status == IntakeStatus.Accepted && f.Submission is not null)
            .ToDictionary(f => f.UnitCode!, f => f.Submission!.Values, StringComparer.Ordinal);
        return new PreviousFigures(previous.Period, byUnit);
    }

    /// <summary>
    /// The decision over every version the store holds for the period and <paramref name="unrecorded"/> (files the store
    /// does not keep as versions: duplicates, non-workbooks, unreadable files; or files not recorded at all), under the
    /// approval in force. Of the stored versions only those that count come with their figures (values, cells, detail
    /// rows), and those <paramref name="figuresOf"/> asks for (a receipt shows its version's); the others carry what the
    /// one rule and the record of files need (stamp, times, findings), never the figures: see <see cref="StoredVersion.FiguresRead"/>.
    /// </summary>
    public VersionDecision Decide(IReadOnlyList<StoredVersion> unrecorded, Func<StoredVersion, bool>? figuresOf = null) =>
        _store is null
            ? VersionSelector.Decide(unrecorded, Freeze, _clock.LocalTimeZone)
            : DecideWithFigures(_store.VersionsWithoutFigures(Code, Period), unrecorded, figuresOf);

    /// <summary>
    /// Decides over the stored versions as the store gives them (without figures), then reads the figures of the versions
    /// chosen (and of those <paramref name="figuresOf"/> asks for) and decides again over them: the one rule reads no
    /// figure, so the second decision is the first with figures.
    /// </summary>
    private VersionDecision DecideWithFigures(IReadOnlyList<StoredVersion> stored, IReadOnlyList<StoredVersion> unrecorded, Func<StoredVersion, bool>? figuresOf)
    {
        var zone = _clock.LocalTimeZone;
        // A version whose findings against the previous period may say something else now is judged again from its
        // figures before the rule decides (its verdict may change).
        // (A period with no unit's version asks nothing of the one before: the chain back through periods ends there.)
        var again = stored.Any(v => v.UnitCode is not null)
            ? Reevaluated(_store!.WithFigures(Code, Period, stored, NeedsReevaluation()), PreviousFigures)
            : stored;
        var decided = VersionSelector.Decide([.. again, .. unrecorded], Freeze, zone);
        var counting = decided.Chosen.Values.Select(c => c.Version).ToHashSet(ReferenceEqualityComparer.Instance);
        var complete = _store!.WithFigures(Code, Period, again, v => counting.Contains(v) || figuresOf?.Invoke(v) == true);
        return ReferenceEquals(complete, again) ? decided : VersionSelector.Decide([.. complete, .. unrecorded], Freeze, zone);
    }

    /// <summary>
    /// The decision over one unit's versions only (null: the versions whose unit could not be read) and
    /// <paramref name="unrecorded"/>: the one rule decides each unit by its own versions, so what it makes of this
    /// unit's files is what <see cref="Decide"/> makes of them, without reading the rest of the period.
    /// </summary>
    public VersionDecision DecideUnit(string? unit, IReadOnlyList<StoredVersion> unrecorded) =>
        VersionSelector.Decide([.. Reevaluated(_store?.VersionsOf(Code, Period, unit) ?? [], () => unit is null ? null : PreviousFiguresOf(unit)), .. unrecorded], Freeze, _clock.LocalTimeZone);

    /// <summary>
    /// The store's versions with their findings against the previous period made again from the store's figures of it
    /// as they are now (<see cref="CrossPeriodFindings"/>); a unit the approval in force holds keeps what was approved.
    /// </summary>
    private IReadOnlyList<StoredVersion> Reevaluated(IReadOnlyList<StoredVersion> versions, Func<PreviousFigures?> previous)
    {
        if (_store is null || !versions.Any(v => v.UnitCode is not null) || !CrossPeriodFindings.Apply(Definition))
        {
            return versions;
        }
        var context = new IntakeContext(Definition, Roster ?? new Roster("", "", []), Period, Previous: previous());
        var freeze = Freeze;
        return [.. versions.Select(v => !v.FiguresRead || v.UnitCode is { } unit && freeze?.Holds(unit) == true ? v : CrossPeriodFindings.Reevaluate(v, context))];
    }

    /// <summary>
    /// Which stored versions <see cref="Reevaluated"/> needs the figures of: those a check against the previous period
    /// may judge otherwise now (<see cref="CrossPeriodFindings.Concerns"/>); none when the definition declares no such check.
    /// </summary>
    private Func<StoredVersion, bool> NeedsReevaluation()
    {
        if (!CrossPeriodFindings.Apply(Definition))
        {
            return _ => false;
        }
        var previous = PreviousFigures();
        var freeze = Freeze;
        return v => v.UnitCode is { } unit && freeze?.Holds(unit) != true && CrossPeriodFindings.Concerns(v, previous);
    }

    /// <summary>
    /// Reads and checks one file already in memory (an upload) against <paramref name="context"/> exactly as intake reads
    /// a file of the inbox; nothing recorded, nothing of the store touched: safe on any thread, alongside a recording.
    /// </summary>
    public static IntakeProcessor.Taken Read(ReceivedFile file, IntakeContext context) =>
        new(new ReturnFileReader(context).Read(file), file.Bytes);

    /// <summary>
    /// Records files read by <see cref="Read"/> (each received at its own time) as one run, exactly as
    /// <see cref="Receive"/> records a run's files (the same short transactions; nothing counts until the run completes),
    /// each with a receipt. The files must be of distinct contents.
    /// </summary>
    public LedgerIntake Record(IReadOnlyList<(IntakeProcessor.Taken Read, DateTimeOffset ReceivedAt)> files, string inbox, IProgress<IntakeFileResult>? recorded = null)
    {
        using var run = StoreNeeded().BeginRun(Code, Period, inbox, files.Count);
        var received = new List<IntakeFileResult>(files.Count);
        foreach (var (read, receivedAt) in files)
        {
            run.Add(read.File, read.Bytes, receivedAt);
            recorded?.Report(read.File);
            received.Add(Kept(read.File));
        }
        var receipts = Receipted(received, _ => true, run);
        run.Complete();
        return new LedgerIntake(received, [.. received.Where(f => !IsVersion(f)).Select(StoredVersion.Unrecorded)], run.RunId, receipts);
    }

    /// <summary>
    /// What the period would look like with an inbox not yet merged (<c>status --inbox</c>): its files read and checked
    /// exactly as a run would (the same context), nothing recorded; files new to the store count as received after it.
    /// </summary>
    public VersionDecision Preview(IReadOnlyList<InboxEntry> entries, IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>>? prefilled = null)
    {
        var known = _store?.VersionsWithoutFigures(Code, Period) ?? [];
        var hashes = known.Select(f => f.Sha256).ToHashSet(StringComparer.Ordinal);
        var later = known.Count == 0 ? 1 : known.Max(f => f.FirstSeenRun) + 1;
        // A content the store holds is not previewed from the file (the store's version is): hashed, not parsed.
        var read = new IntakeProcessor(IntakeContext(prefilled), known: _store?.KnownContents(Code, Period)).ProcessEntries(entries)
            .Where(f => f.Status is not (IntakeStatus.Duplicate or IntakeStatus.Ignored) && !hashes.Contains(f.Sha256))
            .Select(f => new StoredVersion(f, later, _clock.GetUtcNow()))
            .ToList();
        return _store is null ? VersionSelector.Decide(read, Freeze, _clock.LocalTimeZone) : DecideWithFigures(known, read, null);
    }

    /// <summary>
    /// Files a county checks before sending them (<c>validate</c>): each read as intake reads it, decided as the city
    /// decides (of several files of one unit, the one that would count); nothing recorded. Files are taken one at a time
    /// and each one's bytes dropped once read: a lazy <paramref name="files"/> holds one file's bytes at a time.
    /// </summary>
    public VersionDecision Check(IEnumerable<ReceivedFile> files, IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>>? prefilled = null)
    {
        var reader = new ReturnFileReader(IntakeContext(prefilled));
        return VersionSelector.Decide(files.Select(f => StoredVersion.Unrecorded(reader.Read(f))).ToList(), null, _clock.LocalTimeZone);
    }

    /// <summary>
    /// Takes in a run's files: each read once and checked against <paramref name="context"/>, and — with a store —
    /// recorded as it is read, in file order, in short transactions that never span the reading of a file; nothing counts
    /// until the run completes (a run that fails or is killed leaves nothing that counts). <paramref name="receipted"/> says which files get a receipt: each is named for its version
    /// and, with a store, recorded as issued (a receipt issued by an earlier run is issued again by none).
    /// <paramref name="recorded"/> is told of each file as the store records it; <paramref name="recording"/> when every
    /// file is read and the store is being committed.
    /// </summary>
    public LedgerIntake Receive(IReadOnlyList<InboxEntry> files, IntakeContext context, string inbox, Func<IntakeFileResult, bool> receipted,
        int? threads = null, IProgress<string>? progress = null, IProgress<IntakeFileResult>? recorded = null, Action? recording = null)
    {
        if (_store is null)
        {
            // Nothing downstream needs a file's bytes: each is dropped as soon as its file is read.
            var read = new IntakeProcessor(context, threads).ProcessEntries(files, progress);
            return new LedgerIntake(read, [.. read.Select(StoredVersion.Unrecorded)], 0, Receipted(read, receipted, null));
        }
        using var run = _store.BeginRun(Code, Period, inbox, files.Count);
        progress?.Report("记录到存储库");
        // A content the store holds already is not parsed again (its versions are what the decision reads), only seen again.
        var known = _store.KnownContents(Code, Period);
        var received = new IntakeProcessor(context, threads, known).ProcessEntries(files, progress, f =>
        {
            run.Add(f.File, f.FromStore is null ? f.Bytes : null);
            recorded?.Report(f.File);
            return Kept(f.File);
        });
        recording?.Invoke();
        var receipts = Receipted(received, receipted, run);
        run.Complete();
        // The store gives back every version of the period; what it does not keep as one is this run's alone.
        return new LedgerIntake(received, [.. received.Where(f => !IsVersion(f)).Select(StoredVersion.Unrecorded)], run.RunId, receipts);
    }

    /// <summary>Names each receipted file's receipt for its version; with a store, records it as issued (once) and says which were issued before.</summary>
    private List<(IntakeFileResult File, string Name, bool IssuedBefore)> Receipted(IReadOnlyList<IntakeFileResult> received, Func<IntakeFileResult, bool> receipted, RunRecording? run)
    {
        var files = received.Where(f => f.Status != IntakeStatus.Ignored && receipted(f)).ToList();
        var names = ReceiptNames.Assign([.. files.Select(f => (f.File, f.Sha256))]);
        var issued = run is null ? null : _store!.IssueReceipts(run, [.. files.Select((f, i) => (names[i], f.Sha256))]);
        return [.. files.Select((f, i) => (f, names[i], issued is not null && issued[names[i]] != run!.RunId))];
    }

    /// <summary>
    /// The result of a run's intake: the decision over the record, the merge, the analysis (with the earlier periods the
    /// store holds), the findings to tell (of versions that count or are new in this run) and the receipts to issue.
    /// </summary>
    public ReturnResult Result(LedgerIntake intake, CampaignWindow window, QualityThresholds? quality = null, DateTimeOffset? deadline = null)
    {
        // A receipt written now shows its version's figures, whether or not the version counts; one issued before is not written again.
        var receipted = intake.Receipts.Where(r => !r.IssuedBefore).Select(r => r.File.Sha256).ToHashSet(StringComparer.Ordinal);
        var decision = Decide(intake.Unrecorded, v => receipted.Contains(v.Sha256));
        var merge = Merger.Merge(Definition, RosterNeeded, Period, window, decision);
        var result = ReturnResult.Compute(decision, merge, _store is null ? null : History(merge), quality, deadline, _clock.LocalTimeZone);
        // Each receipt tells what the decision made of the file received (a file received now may already be superseded).
        var receipts = intake.Receipts.Select(r => new ReceiptToIssue(r.File.File, decision.Of(r.File)!, r.Name, r.IssuedBefore)).ToList();
        var told = decision.Files.Where(f => decision.IsChosen(f) || f.FirstSeenRun == intake.RunId || !IsVersion(f.Version.Checked)).ToList();
        return result with { Told = told, Receipts = receipts, IssueNumber = IssueNumber() };
    }

    /// <summary>Earlier periods' merges from the store, each decided by the one rule under its own approval, against the current roster.</summary>
    private PeriodHistory History(MergeResult current)
    {
        MergeResult? MergeOf(ReportingPeriod period)
        {
            var decision = Other(period, current.Roster).Decide([]);
            return decision.Files.Count == 0 ? null : Merger.Merge(current.Definition, current.Roster, period, current.Window, decision);
        }

        var campaign = PeriodArithmetic.PeriodsOf(current.Window, current.Period)
            .Where(p => p != current.Period)
            .Select(MergeOf)
            .OfType<MergeResult>()
            .Append(current)
            .ToList();
        return new PeriodHistory(MergeOf(current.Period.Previous()), MergeOf(current.Period.YearBefore()), campaign);
    }

    /// <summary>
    /// Approves the period: freezes each unit's accepted version under the one rule (only accepted versions); a unit whose
    /// version is rejected is recorded as 未通过, one that sent nothing as 未报送. An incomplete period (fewer accepted
    /// than the roster expects) is refused, naming the units, unless <paramref name="allowIncomplete"/>.
    /// </summary>
    public ApprovalOutcome Approve(string? note, string by, bool allowIncomplete)
    {
        var store = StoreNeeded();
        var decision = Decide([]);
        if (decision.Files.Count == 0)
        {
            throw new LedgerRefusal($"存储库中没有 {Code} {Period} 的任何报表：先运行 reports run 再审定");
        }
        var roster = RosterNeeded;
        var accepted = decision.Chosen.Where(c => c.Value.Status == IntakeStatus.Accepted).ToDictionary(c => c.Key, c => c.Value.Sha256, StringComparer.Ordinal);
        var sentBack = decision.Chosen.Where(c => c.Value.Status != IntakeStatus.Accepted).ToDictionary(c => c.Key, c => c.Value.Sha256, StringComparer.Ordinal);
        var outcome = new ApprovalOutcome(null, roster.Units.Count,
            roster.Units.Count(u => accepted.ContainsKey(u.Code)),
            [.. roster.Units.Where(u => sentBack.ContainsKey(u.Code))],
            [.. roster.Units.Where(u => !decision.Chosen.ContainsKey(u.Code))],
            decision);
        if (!outcome.Complete && !allowIncomplete)
        {
            throw new LedgerRefusal($"{Code} {Period} 尚未齐全，未审定：通过 {outcome.Accepted}/{outcome.Expected}"
                + (outcome.SentBack.Count > 0 ? $"；未通过：{string.Join("、", outcome.SentBack.Select(u => u.Name))}" : "")
                + (outcome.Missing.Count > 0 ? $"；未报送：{string.Join("、", outcome.Missing.Select(u => u.Name))}" : "")
                + "。确要按现状审定请加 --allow-incomplete");
        }
        _freezeRead = false;
        return outcome with { Approval = store.Approve(Code, Period, accepted, sentBack, note, by) };
    }

    /// <summary>
    /// Lifts the approval's freeze for one unit (null: every unit); false when no approval holds it (nothing recorded) —
    /// a code the approval never saw included.
    /// </summary>
    public bool Reopen(string? unit, string reason, string by)
    {
        _freezeRead = false;
        return StoreNeeded().Reopen(Code, Period, unit, reason, by);
    }

    /// <summary>
    /// Withdraws a version: recorded with time, who and why; it never counts again. An approved version the freeze still
    /// holds is refused (approved means frozen) unless <paramref name="reopen"/>: then its unit is reopened with the same
    /// reason, in the same transaction. False when the store holds no such version.
    /// </summary>
    public bool Withdraw(string sha256, string reason, string by, bool reopen)
    {
        var store = StoreNeeded();
        var frozen = Freeze is { } freeze
            ? freeze.Approval.Versions.Where(v => v.Value == sha256 && freeze.Holds(v.Key)).Select(v => v.Key).FirstOrDefault()
            : null;
        if (frozen is not null && !reopen)
        {
            throw new LedgerRefusal($"版本 {sha256[..Math.Min(12, sha256.Length)]} 是单位 {frozen} 审定采用的版本，已冻结，不能撤销：先用 reports reopen 重新开放该单位，或加 --reopen 以同一理由重新开放并撤销");
        }
        _freezeRead = false;
        return store.Withdraw(Code, Period, sha256, reason, by, frozen);
    }

    /// <summary>Another period of the same return and store, sharing what this ledger worked out of the periods before.</summary>
    private ReturnLedger Other(ReportingPeriod period, Roster? roster) => new(_store, Definition, roster, period, _clock, _previousFigures);

    private ReturnStore StoreNeeded() => _store ?? throw new InvalidOperationException("此操作需要存储库");

    /// <summary>A file the store keeps as a version of the period (else a duplicate, a non-workbook or a file that could not be read).</summary>
    private static bool IsVersion(IntakeFileResult file) => file.Status is not (IntakeStatus.Duplicate or IntakeStatus.Ignored) && file.Sha256.Length > 0;

    /// <summary>
    /// What is kept of a file the store has recorded (its bytes never were): for a version, not its figures (the store
    /// gives them back); a duplicate's receipt needs its own.
    /// </summary>
    private static IntakeFileResult Kept(IntakeFileResult file) => IsVersion(file) ? file with { Submission = null } : file;
}

/// <summary>
/// What a run's intake came to: every file received (in file order), those the store does not keep as versions, the
/// run's id in the store (0 without one) and the receipts it issues (each with its name, and whether an earlier run issued it).
/// </summary>
public sealed record LedgerIntake(
    IReadOnlyList<IntakeFileResult> Received,
    IReadOnlyList<StoredVersion> Unrecorded,
    long RunId,
    IReadOnlyList<(IntakeFileResult File, string Name, bool IssuedBefore)> Receipts);

/// <summary>An approval and what it found: expected and accepted units, the units sent back and missing, and the decision it froze.</summary>
public sealed record ApprovalOutcome(Approval? Approval, int Expected, int Accepted, IReadOnlyList<RosterUnit> SentBack, IReadOnlyList<RosterUnit> Missing, VersionDecision Decision)
{
    public bool Complete => Accepted == Expected;
}

/// <summary>The ledger refuses what the office asked (an incomplete approval, withdrawing a frozen version …): a usage error, nothing recorded.</summary>
public sealed class LedgerRefusal(string message) : Exception(message);
