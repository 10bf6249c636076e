namespace UrbanSensing.Simulator.Time;

/// <summary>
/// Civil time in Lille: CET (UTC+1), and CEST (UTC+2) from the last Sunday of March to the last Sunday of
/// October, switching at 01:00 UTC (EU Directive 2000/84/EC). Computed here so that the simulation does not
/// depend on the machine's time zone database.
/// </summary>
internal static class ParisTime
{
    public static DateTime FromUtc(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        var summer = utc >= LastSundayAtOneUtc(utc.Year, 3) && utc < LastSundayAtOneUtc(utc.Year, 10);
        return DateTime.SpecifyKind(utc.AddHours(summer ? 2 : 1), DateTimeKind.Unspecified);
    }

    private static DateTime LastSundayAtOneUtc(int year, int month)
    {
        var lastDay = new DateTime(year, month, DateTime.DaysInMonth(year, month), 1, 0, 0, DateTimeKind.Utc);
        return lastDay.AddDays(-(int)lastDay.DayOfWeek);
    }
}
