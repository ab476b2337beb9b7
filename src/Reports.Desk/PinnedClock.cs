namespace Reports.Desk;

/// <summary>
/// The server's clock stopped at one instant — when an upload was complete — in the server's time zone: the ledger and
/// the store record that instant as the version's reception time, however long the recording takes.
/// </summary>
internal sealed class PinnedClock(DateTimeOffset at, TimeZoneInfo zone) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => at.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => zone;
}
