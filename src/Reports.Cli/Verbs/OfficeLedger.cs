using Reports.Cli.Settings;
using Reports.Definitions;
using Reports.Ledger;
using Reports.Periods;
using Reports.Rosters;
using Reports.Store;

namespace Reports.Cli.Verbs;

/// <summary>
/// The office's ledger of one return and period, opened on the store a verb is given: to read (status, history, explain,
/// validate: no lock is taken, a running intake is not waited for, a read-only store will do) or to write (approve,
/// reopen, withdraw). Every verb reads and changes the record through it, never through the store.
/// </summary>
public sealed class OfficeLedger : IDisposable
{
    private readonly ReturnStore _store;

    private OfficeLedger(ReturnStore store, ReturnLedger ledger)
    {
        _store = store;
        Ledger = ledger;
    }

    public ReturnLedger Ledger { get; }

    /// <summary>The ledger of <paramref name="returnCode"/> × <paramref name="period"/>; the store must exist (a run has filled it).</summary>
    public static OfficeLedger Open(ReportsSettings settings, TimeProvider clock, UiText text, string returnCode, ReportingPeriod period, Roster? roster, bool write)
    {
        var definition = ReturnDefinitionLoader.LoadFor(settings.TemplatesDirectory, returnCode, period);
        if (!File.Exists(settings.Store))
        {
            throw new FileNotFoundException(text.T($"存储库不存在：{settings.Store}（先运行 reports run）", $"no store at {settings.Store} (run reports run first)"), settings.Store);
        }
        var store = write ? ReturnStore.Open(settings.Store, clock) : ReturnStore.OpenToRead(settings.Store, clock);
        return new OfficeLedger(store, ReturnLedger.Open(store, definition, roster, period, clock));
    }

    /// <summary>The ledger to read if the store exists, else an empty one (a county's machine: nothing received, nothing approved).</summary>
    public static OfficeLedger? OpenIfStored(ReportsSettings settings, TimeProvider clock, ReturnDefinition definition, ReportingPeriod period, Roster roster)
    {
        if (!File.Exists(settings.Store))
        {
            return null;
        }
        var store = ReturnStore.OpenToRead(settings.Store, clock);
        return new OfficeLedger(store, ReturnLedger.Open(store, definition, roster, period, clock));
    }

    public void Dispose() => _store.Dispose();
}
