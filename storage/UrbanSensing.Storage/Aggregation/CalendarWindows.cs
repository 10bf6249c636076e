namespace UrbanSensing.Storage.Aggregation;

/// <summary>
/// Where the windows of an <see cref="AggregationWindow"/> begin and end, on the wall clock of a time zone.
/// </summary>
/// <remarks>
/// A window boundary is every instant whose local time is aligned (a multiple of the window from midnight; a
/// midnight; a Monday midnight; a first of the month), so a local time the clock shows twice when it falls back is
/// two boundaries, and a local time skipped when it springs forward is replaced by the instant the clock jumps. So
/// hourly windows on the night the clock falls back are 02:00+02:00 and 02:00+01:00, each an hour long, while a daily
/// window lasts 23 or 25 hours. Every instant lies in exactly one window.
/// </remarks>
public sealed class CalendarWindows(AggregationWindow window, TimeZoneInfo timeZone)
{
    private static readonly TimeSpan TransitionSearchStep = TimeSpan.FromHours(6);

    public AggregationWindow Window => window;

    public TimeZoneInfo TimeZone => timeZone;

    /// <summary>The window holding <paramref name="instant"/>: its first instant and the next window's first instant.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) Containing(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, timeZone).DateTime;
        var aligned = Floor(local);
        DateTimeOffset? start = null;
        DateTimeOffset? end = null;
        for (var step = -2; step <= 2; step++)
        {
            foreach (var boundary in InstantsOf(Add(aligned, step)))
            {
                if (boundary <= instant && (start is null || boundary > start))
                {
                    start = boundary;
                }
                else if (boundary > instant && (end is null || boundary < end))
                {
                    end = boundary;
                }
            }
        }

        return (ToZone(start!.Value), ToZone(end!.Value));
    }

    /// <summary>The local wall-clock time at which the window holding <paramref name="local"/> begins (before daylight-saving rules apply).</summary>
    public DateTime Floor(DateTime local) => window.Unit switch
    {
        WindowUnit.Minute => local.Date.AddMinutes((((local.Hour * 60) + local.Minute) / window.Count) * window.Count),
        WindowUnit.Hour => local.Date.AddHours(local.Hour / window.Count * window.Count),
        WindowUnit.Day => local.Date,
        WindowUnit.Week => local.Date.AddDays(-(((int)local.DayOfWeek + 6) % 7)),
        _ => new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified),
    };

    /// <summary>
    /// The periods of constant UTC offset that cover [<paramref name="from"/>, <paramref name="to"/>], with the offset
    /// before each: what a store needs to compute local times without converting every reading through the zone.
    /// </summary>
    public IReadOnlyList<OffsetPeriod> OffsetPeriods(DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from, to);
        var periods = new List<OffsetPeriod>();
        var periodStart = DateTimeOffset.MinValue;
        var previousOffset = timeZone.GetUtcOffset(from);
        var offset = previousOffset;
        for (var probe = from; probe < to; probe = probe + TransitionSearchStep < to ? probe + TransitionSearchStep : to)
        {
            var next = probe + TransitionSearchStep < to ? probe + TransitionSearchStep : to;
            var nextOffset = timeZone.GetUtcOffset(next);
            if (nextOffset != offset)
            {
                var transition = FindTransition(probe, next, offset);
                periods.Add(new OffsetPeriod(periodStart, transition, offset, previousOffset));
                (periodStart, previousOffset, offset) = (transition, offset, nextOffset);
            }
        }

        periods.Add(new OffsetPeriod(periodStart, DateTimeOffset.MaxValue, offset, previousOffset));
        return periods;
    }

    private DateTime Add(DateTime local, int windows) => window.Unit switch
    {
        WindowUnit.Minute => local.AddMinutes(windows * window.Count),
        WindowUnit.Hour => local.AddHours(windows * window.Count),
        WindowUnit.Day => local.AddDays(windows),
        WindowUnit.Week => local.AddDays(7 * windows),
        _ => local.AddMonths(windows),
    };

    /// <summary>The instants showing <paramref name="local"/> on the zone's clock: two when the clock falls back over it, the end of the jump when it springs over it.</summary>
    private IEnumerable<DateTimeOffset> InstantsOf(DateTime local)
    {
        if (timeZone.IsAmbiguousTime(local))
        {
            return timeZone.GetAmbiguousTimeOffsets(local).Select(offset => new DateTimeOffset(local, offset));
        }

        if (timeZone.IsInvalidTime(local))
        {
            // The jump happens between the instant this local time would have with the offset before and after it.
            var before = new DateTimeOffset(local, timeZone.GetUtcOffset(local.AddDays(-1)));
            var after = new DateTimeOffset(local, timeZone.GetUtcOffset(local.AddDays(1)));
            var (earlier, later) = before < after ? (before, after) : (after, before);
            return [FindTransition(earlier, later, timeZone.GetUtcOffset(earlier))];
        }

        return [new DateTimeOffset(local, timeZone.GetUtcOffset(local))];
    }

    /// <summary>The first instant in (<paramref name="from"/>, <paramref name="to"/>] whose offset is not <paramref name="offset"/>, to the tick.</summary>
    private DateTimeOffset FindTransition(DateTimeOffset from, DateTimeOffset to, TimeSpan offset)
    {
        var (low, high) = (from.UtcTicks, to.UtcTicks);
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            if (timeZone.GetUtcOffset(new DateTimeOffset(middle, TimeSpan.Zero)) == offset)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return new DateTimeOffset(high, TimeSpan.Zero);
    }

    private DateTimeOffset ToZone(DateTimeOffset instant) => instant.ToOffset(timeZone.GetUtcOffset(instant));
}
