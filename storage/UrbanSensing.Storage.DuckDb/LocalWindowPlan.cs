using System.Globalization;
using System.Text;
using UrbanSensing.Storage.Aggregation;

namespace UrbanSensing.Storage.DuckDb;

/// <summary>
/// The calendar windows of one aggregation as SQL over a reading's microseconds since the epoch, with no time-zone
/// conversion per reading, and the bounds of a window from its start.
/// </summary>
/// <remarks>
/// Over a stretch of constant UTC offset <c>o</c>, from its first instant <c>p</c> to the next change: readings
/// before the first window boundary after <c>p</c> belong to the window holding <c>p</c>; from that boundary on, a
/// reading at <c>t</c> belongs to the window starting at the instant that shows the aligned floor of its local time,
/// <c>floor(t + o) - o</c>, because the offset does not change between the two. Both constants of a stretch come from
/// <see cref="CalendarWindows"/>, whatever happened before it (a skipped midnight, a repeated hour, several changes
/// within one window), so the SQL is one CASE over the few stretches of the readings' span, then integer arithmetic.
/// </remarks>
internal sealed class LocalWindowPlan
{
    private const long MicrosecondsPerDay = 86_400_000_000;

    // Weeks begin on Mondays and 1970-01-01 was a Thursday: shifted by three days, Monday 1969-12-29 is a multiple of seven days.
    private const long WeekOriginShift = 3 * MicrosecondsPerDay;

    private readonly CalendarWindows _windows;
    private readonly Stretch[] _stretches;

    private LocalWindowPlan(CalendarWindows windows, Stretch[] stretches) => (_windows, _stretches) = (windows, stretches);

    /// <summary>Plans the windows of readings from <paramref name="first"/> to <paramref name="last"/>: readings outside are not provided for.</summary>
    public static LocalWindowPlan Create(CalendarWindows windows, DateTimeOffset first, DateTimeOffset last)
    {
        ArgumentNullException.ThrowIfNull(windows);

        // Up to the end of the last window, so that its end is found with the offset it really has.
        var periods = windows.OffsetPeriods(first, windows.Containing(last).End);
        var stretches = new Stretch[periods.Count];
        for (var index = 0; index < periods.Count; index++)
        {
            var period = periods[index];
            var start = index == 0 ? first : period.Start;
            var end = period.End == DateTimeOffset.MaxValue ? long.MaxValue : Microseconds(period.End);
            var (headStart, headEnd) = windows.Containing(start);
            stretches[index] = new Stretch(
                Microseconds(start),
                end,
                period.Offset.Ticks / TimeSpan.TicksPerMicrosecond,
                Microseconds(headStart),
                Math.Min(Microseconds(headEnd), end));
        }

        return new LocalWindowPlan(windows, stretches);
    }

    /// <summary>A BIGINT expression: the start, in microseconds since the epoch, of the window holding the reading at <paramref name="microseconds"/>.</summary>
    public string WindowStartSql(string microseconds)
    {
        var sql = new StringBuilder("CASE");
        for (var index = 0; index < _stretches.Length; index++)
        {
            var stretch = _stretches[index];
            var last = index == _stretches.Length - 1;
            sql.Append(CultureInfo.InvariantCulture, $" WHEN {microseconds} < {stretch.HeadEnd} THEN {stretch.HeadStart}");
            if (last)
            {
                sql.Append(" ELSE ").Append(AlignedStartSql(microseconds, stretch.Offset));
            }
            else if (stretch.HeadEnd < stretch.End)
            {
                sql.Append(CultureInfo.InvariantCulture, $" WHEN {microseconds} < {stretch.End} THEN ").Append(AlignedStartSql(microseconds, stretch.Offset));
            }
        }

        return sql.Append(" END").ToString();
    }

    /// <summary>The window starting at <paramref name="startMicroseconds"/>, each bound with the zone's offset at it.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) Window(long startMicroseconds)
    {
        var start = DateTimeOffset.UnixEpoch.AddTicks(startMicroseconds * TimeSpan.TicksPerMicrosecond);
        var index = _stretches.Length - 1;
        while (index >= 0 && _stretches[index].Start > startMicroseconds)
        {
            index--;
        }

        // Only a channel's first window can begin before the first reading, maybe under another offset.
        if (index < 0)
        {
            return _windows.Containing(start);
        }

        var stretch = _stretches[index];
        var offset = TimeSpan.FromMicroseconds(stretch.Offset);
        var end = new DateTimeOffset(_windows.Next(start.ToOffset(offset).DateTime), offset);
        return Microseconds(end) < stretch.End ? (start.ToOffset(offset), end) : _windows.Containing(start);
    }

    private string AlignedStartSql(string microseconds, long offset) => _windows.Window.Unit switch
    {
        WindowUnit.Month => string.Create(
            CultureInfo.InvariantCulture,
            $"(epoch_us(date_trunc('month', make_timestamp({microseconds} + {offset}))) - {offset})"),
        WindowUnit.Week => FixedLengthStartSql(microseconds, offset + WeekOriginShift, 7 * MicrosecondsPerDay),
        WindowUnit.Day => FixedLengthStartSql(microseconds, offset, MicrosecondsPerDay),
        _ => FixedLengthStartSql(microseconds, offset, _windows.Window.FixedLength!.Value.Ticks / TimeSpan.TicksPerMicrosecond),
    };

    // SQL's remainder takes the sign of the dividend, so the shifted time must not be negative for any reading; before
    // 1970 the shift grows by whole lengths, which changes no remainder.
    private string FixedLengthStartSql(string microseconds, long shift, long length)
    {
        var lowest = _stretches[0].Start + shift;
        var positiveShift = lowest >= 0 ? shift : shift + ((-lowest + length - 1) / length * length);
        return string.Create(CultureInfo.InvariantCulture, $"({microseconds} - ({microseconds} + {positiveShift}) % {length})");
    }

    private static long Microseconds(DateTimeOffset instant) => (instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    /// <param name="Start">The stretch's first instant (the first reading's, for the first stretch).</param>
    /// <param name="End">The next change of offset, <see cref="long.MaxValue"/> for the last stretch.</param>
    /// <param name="Offset">The UTC offset throughout.</param>
    /// <param name="HeadStart">The start of the window holding <paramref name="Start"/>.</param>
    /// <param name="HeadEnd">The end of that window, or <paramref name="End"/> when it reaches past the stretch.</param>
    private readonly record struct Stretch(long Start, long End, long Offset, long HeadStart, long HeadEnd);
}
