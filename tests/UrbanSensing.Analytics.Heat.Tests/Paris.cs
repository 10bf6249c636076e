namespace UrbanSensing.Analytics.Heat.Tests;

/// <summary>Builds hourly series on Paris local days, so tests can state temperatures by local clock time.</summary>
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

    /// <summary>The UTC instant of a local wall-clock time (not ambiguous nor skipped).</summary>
    public static DateTimeOffset At(int year, int month, int day, int hour) =>
        new(TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Unspecified), TimeZone), TimeSpan.Zero);

    /// <summary>Local hour of day at which an hour starts.</summary>
    public static int LocalHour(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone).Hour;

    /// <summary>
    /// A day whose minimum is reached at 05:00 local and maximum at 15:00 local, every other hour halfway between:
    /// its daily minimum and maximum are exactly <paramref name="minimum"/> and <paramref name="maximum"/>.
    /// </summary>
    public static IEnumerable<TemperatureReading> Day(DateOnly day, double minimum, double maximum) =>
        HoursOf(day).Select(hour => new TemperatureReading(hour, LocalHour(hour) switch
        {
            5 => minimum,
            15 => maximum,
            _ => (minimum + maximum) / 2,
        }));
}
