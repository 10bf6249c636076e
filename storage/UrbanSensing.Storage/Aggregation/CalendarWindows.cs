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
/// <para>
/// Between two changes of the UTC offset the boundaries are simply the instants showing an aligned local time; the
/// instant of a change is a boundary when the clock lands on an aligned time or jumps forward over one. The window of
/// an instant is found from its own offset, looking past a change only when one lies between it and the aligned time.
/// Changes are assumed to be more than six hours apart, as in every zone of the tz database.
/// </para>
/// </remarks>
public sealed class CalendarWindows(AggregationWindow window, TimeZoneInfo timeZone)
{
    private static readonly TimeSpan TransitionSearchStep = TimeSpan.FromHours(6);

    public AggregationWindow Window => window;

    public TimeZoneInfo TimeZone => timeZone;

    /// <summary>The window holding <paramref name="instant"/>: its first instant and the next window's first instant.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) Containing(DateTimeOffset instant) =>
        (ToZone(LatestBoundaryAtOrBefore(instant)), ToZone(EarliestBoundaryAfter(instant)));

    /// <summary>The local wall-clock time at which the window holding <paramref name="local"/> begins (before daylight-saving rules apply).</summary>
    public DateTime Floor(DateTime local) => window.Unit switch
    {
        WindowUnit.Minute => local.Date.AddMinutes((((local.Hour * 60) + local.Minute) / window.Count) * window.Count),
        WindowUnit.Hour => local.Date.AddHours(local.Hour / window.Count * window.Count),
        WindowUnit.Day => local.Date,
        WindowUnit.Week => local.Date.AddDays(-(((int)local.DayOfWeek + 6) % 7)),
        _ => new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified),
    };

    /// <summary>The local wall-clock time at which the window after the one holding <paramref name="local"/> begins (before daylight-saving rules apply).</summary>
    public DateTime Next(DateTime local)
    {
        var floor = Floor(local);
        return window.Unit switch
        {
            WindowUnit.Minute => floor.AddMinutes(window.Count),
            WindowUnit.Hour => floor.AddHours(window.Count),
            WindowUnit.Day => floor.AddDays(1),
            WindowUnit.Week => floor.AddDays(7),
            _ => floor.AddMonths(1),
        };
    }

    /// <summary>
    /// The periods of constant UTC offset that cover [<paramref name="from"/>, <paramref name="to"/>], with the offset
    /// before each: what a store needs to compute local times without converting every reading through the zone.
    /// </summary>
    public IReadOnlyList<OffsetPeriod> OffsetPeriods(DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from, to);
        var periods = new List<OffsetPeriod>();
        var periodStart = DateTimeOffset.MinValue;
        var offset = timeZone.GetUtcOffset(from);
        var previousOffset = offset;
        for (var transition = FirstTransition(from, to); transition is { } at; transition = FirstTransition(at, to))
        {
            periods.Add(new OffsetPeriod(periodStart, at, offset, previousOffset));
            (periodStart, previousOffset, offset) = (at, offset, timeZone.GetUtcOffset(at));
        }

        periods.Add(new OffsetPeriod(periodStart, DateTimeOffset.MaxValue, offset, previousOffset));
        return periods;
    }

    private DateTimeOffset LatestBoundaryAtOrBefore(DateTimeOffset instant)
    {
        var offset = timeZone.GetUtcOffset(instant);
        var aligned = new DateTimeOffset(Floor(instant.ToOffset(offset).DateTime), offset);
        return LastTransition(aligned, instant) switch
        {
            null => aligned,
            { } transition when IsBoundary(transition) => transition,
            { } transition => LatestBoundaryAtOrBefore(transition.AddTicks(-1)),
        };
    }

    private DateTimeOffset EarliestBoundaryAfter(DateTimeOffset instant)
    {
        var offset = timeZone.GetUtcOffset(instant);
        var next = new DateTimeOffset(Next(instant.ToOffset(offset).DateTime), offset);
        return FirstTransition(instant, next) switch
        {
            null => next,
            { } transition when IsBoundary(transition) => transition,
            { } transition => EarliestBoundaryAfter(transition),
        };
    }

    /// <summary>Whether the clock, changing its offset at <paramref name="transition"/>, lands on an aligned local time or jumps forward over one.</summary>
    private bool IsBoundary(DateTimeOffset transition)
    {
        var before = timeZone.GetUtcOffset(transition.AddTicks(-1));
        var after = timeZone.GetUtcOffset(transition);
        return Floor(transition.ToOffset(after).DateTime) >= transition.ToOffset(before < after ? before : after).DateTime;
    }

    /// <summary>The first instant in (<paramref name="from"/>, <paramref name="to"/>] at which the offset changes, if any.</summary>
    private DateTimeOffset? FirstTransition(DateTimeOffset from, DateTimeOffset to)
    {
        var offset = timeZone.GetUtcOffset(from);
        for (var probe = from; probe < to;)
        {
            var next = probe + TransitionSearchStep < to ? probe + TransitionSearchStep : to;
            if (timeZone.GetUtcOffset(next) != offset)
            {
                return FindTransition(probe, next, offset);
            }

            probe = next;
        }

        return null;
    }

    /// <summary>The last instant in (<paramref name="from"/>, <paramref name="to"/>] at which the offset changes, if any.</summary>
    private DateTimeOffset? LastTransition(DateTimeOffset from, DateTimeOffset to)
    {
        var offset = timeZone.GetUtcOffset(to);
        for (var probe = to; probe > from;)
        {
            var previous = probe - TransitionSearchStep > from ? probe - TransitionSearchStep : from;
            var previousOffset = timeZone.GetUtcOffset(previous);
            if (previousOffset != offset)
            {
                return FindTransition(previous, probe, previousOffset);
            }

            probe = previous;
        }

        return null;
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
