namespace UrbanSensing.Analytics.Streaming.Tests;

/// <summary>Hours of Paris local days, so tests can state temperatures by local clock time.</summary>
internal static class Paris
{
    public static readonly TimeZoneInfo TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>The UTC instants at which the hours of a local day start: 23, 24 or 25 of them.</summary>
    public static IEnumerable<DateTimeOffset> HoursOf(DateOnly day)
    {
        var start = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), TimeZone);
        var end = TimeZoneInfo.ConvertTimeToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeZone);
        for (var hour = start; hour < end; hour = hour.AddHours(1))
        {
            yield return new DateTimeOffset(hour, TimeSpan.Zero);
        }
    }

    /// <summary>The local midnight starting a day, with its offset (+02:00 in summer time, +01:00 in winter).</summary>
    public static DateTimeOffset Midnight(DateOnly day) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), TimeZone), TimeSpan.Zero), TimeZone);

    /// <summary>Local hour of day at which an instant falls.</summary>
    public static int LocalHour(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone).Hour;
}
