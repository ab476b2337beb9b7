namespace Reports.Tests.Support;

/// <summary>A clock that always says the same instant, in UTC, so outputs can be compared byte for byte.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static FixedClock Default { get; } = new(new DateTimeOffset(2022, 7, 5, 9, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
