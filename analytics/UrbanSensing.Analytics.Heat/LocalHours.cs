using System.Collections.Concurrent;

namespace UrbanSensing.Analytics.Heat;

/// <summary>
/// The local clock time at which each UTC hour starts in the calendar's time zone, converted once and kept: the
/// summaries of a report ask for the same hours site after site, and a conversion through <see cref="TimeZoneInfo"/>
/// costs far more than a look-up. Holds one stretch of consecutive hours, widened to cover what is asked up to fifty
/// years (3.5 MB); instants beyond it, or not on the hour, are converted each time. Safe to share between threads:
/// a widened table replaces the old one whole.
/// </summary>
internal sealed class LocalHours(CalendarOptions calendar)
{
    private const long MaximumHours = 50L * 366 * 24;

    private readonly ConcurrentDictionary<DateOnly, int> _hoursInDay = new();
    private Table? _table;

    /// <summary>Widens the table to cover every hour of <paramref name="hourly"/>, when that stays within fifty years.</summary>
    public void Cover(IReadOnlyList<HourlyHeatIsland> hourly)
    {
        var (first, last) = (long.MaxValue, long.MinValue);
        foreach (var hour in hourly)
        {
            var ticks = hour.Hour.UtcTicks;
            if (ticks % TimeSpan.TicksPerHour == 0)
            {
                first = Math.Min(first, ticks / TimeSpan.TicksPerHour);
                last = Math.Max(last, ticks / TimeSpan.TicksPerHour);
            }
        }

        var table = Volatile.Read(ref _table);
        if (first > last || (table is not null && table.Covers(first) && table.Covers(last)))
        {
            return;
        }

        if (table is not null)
        {
            (first, last) = (Math.Min(first, table.First), Math.Max(last, table.First + table.LocalTicks.Length - 1));
        }

        if (last - first + 1 > MaximumHours)
        {
            return;
        }

        var local = new long[last - first + 1];
        for (var hour = first; hour <= last; hour++)
        {
            local[hour - first] = table is not null && table.Covers(hour) ? table.LocalTicks[hour - table.First] : Convert(hour * TimeSpan.TicksPerHour);
        }

        Volatile.Write(ref _table, new Table(first, local));
    }

    /// <summary>The local calendar day the hour starting at <paramref name="hourStart"/> belongs to.</summary>
    public DateOnly DayOf(DateTimeOffset hourStart) => DateOnly.FromDayNumber((int)(LocalTicks(hourStart) / TimeSpan.TicksPerDay));

    /// <summary>The local time of day at which the hour starting at <paramref name="hourStart"/> starts.</summary>
    public TimeOnly TimeOfDay(DateTimeOffset hourStart) => new(LocalTicks(hourStart) % TimeSpan.TicksPerDay);

    /// <summary>How many hours the local day lasts: 24, or 23 and 25 on the days the clocks change.</summary>
    public int HoursIn(DateOnly day) => _hoursInDay.GetOrAdd(day, calendar.HoursIn);

    private long LocalTicks(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        var table = Volatile.Read(ref _table);
        if (table is not null && ticks % TimeSpan.TicksPerHour == 0 && table.Covers(ticks / TimeSpan.TicksPerHour))
        {
            return table.LocalTicks[(ticks / TimeSpan.TicksPerHour) - table.First];
        }

        return Convert(ticks);
    }

    private long Convert(long utcTicks) => TimeZoneInfo.ConvertTime(new DateTimeOffset(utcTicks, TimeSpan.Zero), calendar.TimeZone).DateTime.Ticks;

    /// <param name="First">The first hour, counted from 0001-01-01 00:00 UTC.</param>
    /// <param name="LocalTicks">The local clock time of each hour from <paramref name="First"/> on, in ticks.</param>
    private sealed record Table(long First, long[] LocalTicks)
    {
        public bool Covers(long hour) => hour >= First && hour - First < LocalTicks.Length;
    }
}
