using Microsoft.Data.Sqlite;
using Reports.Intake;
using Reports.Periods;

namespace Reports.Store;

/// <summary>
/// A run being recorded in the store (<see cref="ReturnStore.BeginRun"/>): each file is written as intake hands it
/// on, in file order, inside the run's one transaction. Nothing is visible to others until <see cref="Complete"/>;
/// disposed without it (an exception, a kill), the transaction rolls back and the store is as before.
/// </summary>
public sealed class RunRecording : IDisposable
{
    private readonly ReturnStore _store;
    private bool _ended;

    internal RunRecording(ReturnStore store, SqliteTransaction transaction, string returnCode, ReportingPeriod period, string now, long runId)
    {
        _store = store;
        Transaction = transaction;
        ReturnCode = returnCode;
        Period = period;
        Now = now;
        RunId = runId;
    }

    internal SqliteTransaction Transaction { get; }

    internal string ReturnCode { get; }

    internal ReportingPeriod Period { get; }

    /// <summary>The run's time as the store writes it: every version it adds was received then.</summary>
    internal string Now { get; }

    public long RunId { get; }

    /// <summary>Records one file of the run (<paramref name="original"/>: its bytes as received, kept if a new version); files must come in the order they were read.</summary>
    public void Add(IntakeFileResult file, byte[]? original)
    {
        ObjectDisposedException.ThrowIf(_ended, this);
        _store.Record(this, file, original);
    }

    /// <summary>Commits the run and everything added to it; returns the run's id.</summary>
    public long Complete()
    {
        ObjectDisposedException.ThrowIf(_ended, this);
        Transaction.Commit();
        Dispose();
        return RunId;
    }

    public void Dispose()
    {
        if (!_ended)
        {
            _ended = true;
            _store.EndRun(Transaction);
        }
    }
}
