using Reports.Intake;
using Reports.Versions;

namespace Reports.Tests.Support;

/// <summary>An inbox read and decided among without a store, as an empty ledger decides: for tests of intake itself.</summary>
public static class InboxIntake
{
    /// <summary>Every entry of the inbox (unit subfolders name their sender) read with <paramref name="threads"/> readers, then decided by the one rule.</summary>
    public static IReadOnlyList<DecidedVersion> Decided(IntakeContext context, string inbox, int? threads = null) =>
        VersionSelector.Decide([.. new IntakeProcessor(context, threads).ProcessEntries(InboxReader.List(inbox, context.Roster)).Select(StoredVersion.Unrecorded)]).Files;

    /// <summary>One file read and checked, decided on its own (no store, no other file): what validate makes of it.</summary>
    public static DecidedVersion Alone(IntakeFileResult file) => VersionSelector.Decide([StoredVersion.Unrecorded(file)]).Files[0];
}
