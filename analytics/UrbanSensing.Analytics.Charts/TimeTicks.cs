using System.Globalization;

namespace UrbanSensing.Analytics.Charts;

/// <summary>
/// Ticks on round times of a time zone's wall clock (every 6 h from local midnight, every Monday, every first of the
/// month), placed at the UTC instants they stand for. Positions stay in UTC so that a day with a daylight-saving
/// change is 23 or 25 hours long on the axis, as it was, and the hour repeated in autumn is drawn twice, not folded.
/// </summary>
internal static class TimeTicks
{
    private static readonly TimeSpan[] SubDaySteps =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10),
        TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2),
        TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12),
    ];

    private static readonly int[] DaySteps = [1, 2, 7];

    private static readonly int[] MonthSteps = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200];

    private const double DaysPerMonth = 365.25 / 12;

    // Every time zone's offset is a whole number of quarter hours.
    private static readonly TimeSpan ZoneOffsetGrain = TimeSpan.FromMinutes(15);

    /// <summary>At most <paramref name="maximumCount"/> ticks (and at least one step's worth) between <paramref name="from"/> and <paramref name="to"/>, both included.</summary>
    public static IReadOnlyList<TimeTick> Create(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone, int maximumCount)
    {
        var span = to - from;
        var subDayStep = SubDaySteps.FirstOrDefault(step => span / step <= maximumCount);
        if (subDayStep != TimeSpan.Zero)
        {
            return SubDay(from, to, zone, subDayStep);
        }

        foreach (var days in DaySteps)
        {
            if (span.TotalDays / days <= maximumCount)
            {
                return Days(from, to, zone, days);
            }
        }

        var months = MonthSteps.FirstOrDefault(months => span.TotalDays / DaysPerMonth / months <= maximumCount, MonthSteps[^1]);
        return Months(from, to, zone, months);
    }

    private static List<TimeTick> SubDay(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone, TimeSpan step)
    {
        var grain = step < ZoneOffsetGrain ? TimeSpan.FromMinutes(1) : ZoneOffsetGrain;
        var ticks = new List<TimeTick>();
        DateOnly? previousDate = null;
        for (var instant = CeilingUtc(from, grain); instant <= to; instant += grain)
        {
            var local = TimeZoneInfo.ConvertTime(instant, zone);
            if (local.TimeOfDay.Ticks % step.Ticks != 0)
            {
                continue;
            }

            var date = DateOnly.FromDateTime(local.DateTime);
            var time = local.ToString("HH:mm", CultureInfo.InvariantCulture);
            ticks.Add(new TimeTick(instant, date == previousDate ? time : $"{time}\n{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"));
            previousDate = date;
        }

        return ticks;
    }

    private static List<TimeTick> Days(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone, int days)
    {
        var ticks = new List<TimeTick>();
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, zone).DateTime);
        for (var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime); date <= last; date = date.AddDays(1))
        {
            var kept = days == 7 ? date.DayOfWeek == DayOfWeek.Monday : date.DayNumber % days == 0;
            var instant = StartOfDay(date, zone);
            if (kept && instant >= from && instant <= to)
            {
                ticks.Add(new TimeTick(instant, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }
        }

        return ticks;
    }

    private static List<TimeTick> Months(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone, int months)
    {
        var ticks = new List<TimeTick>();
        var start = TimeZoneInfo.ConvertTime(from, zone);
        var format = months < 12 ? "yyyy-MM" : "yyyy";
        for (var first = new DateOnly(start.Year, start.Month, 1); ; first = first.AddMonths(1))
        {
            var instant = StartOfDay(first, zone);
            if (instant > to)
            {
                return ticks;
            }

            if (((first.Year * 12) + first.Month - 1) % months == 0 && instant >= from)
            {
                ticks.Add(new TimeTick(instant, first.ToString(format, CultureInfo.InvariantCulture)));
            }
        }
    }

    private static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone)
    {
        // Where a daylight-saving change skips midnight, the day starts at the first wall-clock time that exists.
        var local = date.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
        {
            local += ZoneOffsetGrain;
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    private static DateTimeOffset CeilingUtc(DateTimeOffset instant, TimeSpan grain)
    {
        var ticks = instant.UtcTicks;
        var remainder = ticks % grain.Ticks;
        return new DateTimeOffset(remainder == 0 ? ticks : ticks - remainder + grain.Ticks, TimeSpan.Zero);
    }
}
