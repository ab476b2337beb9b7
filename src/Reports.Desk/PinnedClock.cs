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

/// <summary>
/// The clock of the desk's long-lived store: pinned, while one upload is recorded, at the instant that upload was complete
/// (set only under the recording's lock); the server's clock otherwise.
/// </summary>
internal sealed class DeskClock(TimeProvider server) : TimeProvider
{
    private DateTimeOffset? _pinned;

    public void Pin(DateTimeOffset at) => _pinned = at;

    public override DateTimeOffset GetUtcNow() => _pinned?.ToUniversalTime() ?? server.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => server.LocalTimeZone;
}
