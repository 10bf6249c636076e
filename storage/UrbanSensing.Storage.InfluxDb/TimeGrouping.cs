using UrbanSensing.Storage.Aggregation;

namespace UrbanSensing.Storage.InfluxDb;

/// <summary>
/// One InfluxQL <c>GROUP BY time(Interval, Offset)</c> over [<paramref name="FromNanoseconds"/>,
/// <paramref name="ToNanoseconds"/>): buckets of <paramref name="Interval"/> starting <paramref name="Offset"/> after
/// multiples of it since the Unix epoch.
/// </summary>
/// <remarks>
/// <para>
/// While a time zone keeps one UTC offset, the boundaries of calendar windows of fixed length (minutes, hours, days,
/// weeks) are such a grid in UTC, shifted by the offset; every other boundary (where the clock jumps) is a change of
/// offset. So the time between two changes is one statement whose buckets each lie within one window, and a window
/// across a change is the buckets on both sides of it, merged. Months, which have no fixed length, are merged from
/// days: every first of the month begins a day.
/// </para>
/// <para>
/// InfluxQL's own <c>tz()</c> is not used: InfluxDB 1.6 puts two-hour buckets wrong on the night the clock falls back
/// (and differently for <c>count</c> than for <c>max</c>), weeks wrong across either change, has no months, and would
/// follow the server's time zone database rather than <see cref="TimeZoneInfo"/> (see the README).
/// </para>
/// </remarks>
internal sealed record TimeGrouping(long FromNanoseconds, long ToNanoseconds, TimeSpan Interval, TimeSpan Offset)
{
    /// <summary>1970-01-05, the first Monday of the Unix epoch: weeks are offset by it.</summary>
    private static readonly TimeSpan FirstMonday = TimeSpan.FromDays(4);

    /// <summary>The groupings, in time order, covering [<paramref name="fromNanoseconds"/>, <paramref name="toNanoseconds"/>).</summary>
    /// <remarks>Their number is one more than the changes of offset in the range, or fewer when the windows do not see a change (hours in whole-hour zones).</remarks>
    public static List<TimeGrouping> Cover(CalendarWindows windows, long fromNanoseconds, long toNanoseconds)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var window = windows.Window;
        var interval = window.FixedLength ?? (window.Unit == WindowUnit.Week ? TimeSpan.FromDays(7) : TimeSpan.FromDays(1));
        var anchor = window.Unit == WindowUnit.Week ? FirstMonday : TimeSpan.Zero;

        var groupings = new List<TimeGrouping>();
        foreach (var period in windows.OffsetPeriods(InfluxQl.ToInstant(fromNanoseconds), InfluxQl.ToInstant(toNanoseconds)))
        {
            var from = Math.Max(fromNanoseconds, InfluxQl.ToClampedNanoseconds(period.Start));
            var to = Math.Min(toNanoseconds, InfluxQl.ToClampedNanoseconds(period.End));
            if (from >= to)
            {
                continue;
            }

            // A local boundary t + offset ≡ anchor (mod interval) is, in UTC, t ≡ anchor - offset.
            var offset = TimeSpan.FromTicks(Modulo((anchor - period.Offset).Ticks, interval.Ticks));
            if (groupings is [.., var last] && last.Offset == offset && last.ToNanoseconds == from)
            {
                groupings[^1] = last with { ToNanoseconds = to };
            }
            else
            {
                groupings.Add(new TimeGrouping(from, to, interval, offset));
            }
        }

        return groupings;
    }

    private static long Modulo(long value, long divisor) => ((value % divisor) + divisor) % divisor;
}
