using System.Diagnostics;
using Reports.Intake;
using Reports.Periods;

namespace Reports.Store;

/// <summary>
/// A run being recorded in the store (<see cref="ReturnStore.BeginRun"/>): intake hands on each file as it is read, in
/// file order; files are written in batches, each batch one short transaction, so the store's write lock is held only
/// while a batch is written and never while files are read (another period's run and every reader go on meanwhile).
/// The run's row stays marked incomplete until <see cref="Complete"/>: until then nothing it wrote counts for anyone,
/// and if it never completes (an exception, a kill) what it wrote is removed — at once when it fails, by the next run
/// when it was killed. Memory stays bounded: at most one batch of files (and their bytes) is held.
/// </summary>
public sealed class RunRecording : IDisposable
{
    private const int BatchFiles = 256;
    private const long BatchBytes = 16L << 20;
    private static readonly TimeSpan BatchAge = TimeSpan.FromMilliseconds(500);

    private readonly ReturnStore _store;
    private readonly RunLock _claim;
    private readonly List<(IntakeFileResult File, byte[]? Original, DateTimeOffset? ReceivedAt)> _pending = [];
    private long _pendingBytes;
    private long _pendingSince;
    private bool _completed;
    private bool _ended;

    internal RunRecording(ReturnStore store, RunLock claim, string returnCode, ReportingPeriod period, string now, long runId)
    {
        _store = store;
        _claim = claim;
        ReturnCode = returnCode;
        Period = period;
        Now = now;
        RunId = runId;
    }

    internal string ReturnCode { get; }

    internal ReportingPeriod Period { get; }

    /// <summary>The run's time as the store writes it: every version it adds was received then.</summary>
    internal string Now { get; }

    public long RunId { get; }

    /// <summary>
    /// Records one file of the run (<paramref name="original"/>: its bytes as received, kept if a new version); files must come in the order they were read.
    /// Written with the next batch: when enough files or bytes wait, or the oldest has waited half a second.
    /// </summary>
    /// <paramref name="receivedAt"/>: when this file was received, if not at the run's time (an upload recorded with others).
    public void Add(IntakeFileResult file, byte[]? original, DateTimeOffset? receivedAt = null)
    {
        ObjectDisposedException.ThrowIf(_ended, this);
        if (_pending.Count == 0)
        {
            _pendingSince = Stopwatch.GetTimestamp();
        }
        _pending.Add((file, original, receivedAt));
        _pendingBytes += original?.LongLength ?? 0;
        if (_pending.Count >= BatchFiles || _pendingBytes >= BatchBytes || Stopwatch.GetElapsedTime(_pendingSince) >= BatchAge)
        {
            Flush();
        }
    }

    /// <summary>Writes the files waiting, in one short transaction.</summary>
    internal void Flush()
    {
        ObjectDisposedException.ThrowIf(_ended, this);
        if (_pending.Count > 0)
        {
            _store.RecordBatch(this, _pending);
            _pending.Clear();
            _pendingBytes = 0;
        }
    }

    /// <summary>Writes what waits and marks the run complete: from then on everything it recorded counts. Returns the run's id.</summary>
    public long Complete()
    {
        Flush();
        _store.CompleteRun(this);
        _completed = true;
        Dispose();
        return RunId;
    }

    public void Dispose()
    {
        if (!_ended)
        {
            _ended = true;
            _pending.Clear();
            try
            {
                _store.EndRun(this, _completed);
            }
            finally
            {
                _claim.Dispose();
            }
        }
    }
}
